import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/api.client';
import type { MeView } from '../../api/api.views';
import { nameIn } from '../../shell/labels.format';
import { navigate } from '../../shell/router';
import type { WriteAnswer } from '../desktop.views';
import { sha256Hex } from '../file-hash';
import { FormActions, useFormWrite } from '../form-write.component';
import { Field, fieldError, vietnamLocalNow } from '../forms.component';
import { rememberWrite } from '../read-your-writes';
import { useCounterparts } from '../reference.queries';
import { zonedInstant } from '../zoned-time.field';
import { BorderTimeField, type BorderTime } from './border-time.field';
import { FIRST_PARTICIPANTS, ParticipantsFields, type ParticipantRow } from './participants.fields';

export const MEETING_KINDS = ['annual_talks', 'blo_meeting', 'working_session', 'campaign_briefing'] as const;
type Kind = (typeof MEETING_KINDS)[number];
const LANGUAGES = ['vi', 'zh', 'en'] as const;
type Language = (typeof LANGUAGES)[number];
type Province = 'quang-ninh' | 'lang-son' | 'cao-bang' | 'tuyen-quang' | 'lao-cai' | 'lai-chau' | 'dien-bien';

/**
 * Records a meeting held with the counterpart, for the officer's own province. The signed
 * bilingual minutes stay on paper: the officer names where they are filed and picks the scan,
 * whose SHA-256 the browser computes; the file itself is never sent.
 */
export function RecordMeetingForm({ me, onCancel }: { readonly me: MeView; readonly onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const queries = useQueryClient();
  const counterparts = useCounterparts();
  const [kind, setKind] = useState<Kind>('blo_meeting');
  const [units, setUnits] = useState<string[]>([]);
  const [place, setPlace] = useState('');
  const [heldAt, setHeldAt] = useState<BorderTime>({ local: vietnamLocalNow(), side: 'vn' });
  const [participants, setParticipants] = useState<ParticipantRow[]>([...FIRST_PARTICIPANTS]);
  const [languages, setLanguages] = useState<Language[]>(['vi', 'zh']);
  const [reference, setReference] = useState('');
  const [sha256, setSha256] = useState('');
  const write = useFormWrite(
    (headers) =>
      answer<WriteAnswer>(
        api.POST('/api/v1/meetings', {
          headers,
          body: {
            kind,
            province: me.province as Province,
            counterparts: units,
            place,
            heldAt: zonedInstant(heldAt.local, heldAt.side),
            participants: participants.map((p) => ({ side: p.side, name: p.name, role: p.role })),
            languages,
            ...(reference.trim() && sha256 ? { minutes: { reference, sha256 } } : {}),
          },
        }),
      ),
    (written) => {
      rememberWrite(written.position);
      void queries.invalidateQueries({ queryKey: ['meetings'] });
      navigate(`/meetings/${written.id}`);
    },
  );
  const e = write.error;
  const toggle = <T,>(list: readonly T[], value: T, on: boolean): T[] =>
    on ? [...list, value] : list.filter((v) => v !== value);
  const pickMinutes = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setSha256(file ? await sha256Hex(file) : '');
  };
  return (
    <form className="panel form" onSubmit={write.submit} aria-labelledby={headingId}>
      <h2 id={headingId}>{t('meetingForm.heading')}</h2>
      <Field label={t('meeting.kind')} error={fieldError(e, 'kind')}>
        {(p) => (
          <select {...p} value={kind} onChange={(ev) => setKind(ev.target.value as Kind)}>
            {MEETING_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`meetingKind.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset>
        <legend>{t('meeting.counterparts')}</legend>
        <FieldsetError error={e} field="counterparts" />
        {(counterparts.data ?? []).map((u) => (
          <label key={u.code} className="check">
            <input
              type="checkbox"
              checked={units.includes(u.code)}
              onChange={(ev) => setUnits(toggle(units, u.code, ev.target.checked))}
            />
            {nameIn(i18n.language, u.name)}
          </label>
        ))}
      </fieldset>
      <Field label={t('meeting.place')} error={fieldError(e, 'place')}>
        {(p) => <input {...p} required value={place} onChange={(ev) => setPlace(ev.target.value)} />}
      </Field>
      <BorderTimeField label={t('meeting.heldAt')} value={heldAt} onChange={setHeldAt} error={e} field="heldAt" />
      <ParticipantsFields rows={participants} onChange={setParticipants} error={e} />
      <fieldset>
        <legend>{t('meeting.languages')}</legend>
        <FieldsetError error={e} field="languages" />
        {LANGUAGES.map((l) => (
          <label key={l} className="check">
            <input
              type="checkbox"
              checked={languages.includes(l)}
              onChange={(ev) => setLanguages(toggle(languages, l, ev.target.checked))}
            />
            {t(`meetingLanguage.${l}`)}
          </label>
        ))}
      </fieldset>
      <Field
        label={t('meetingForm.minutesReference')}
        hint={t('meetingForm.minutesHint')}
        error={fieldError(e, 'minutes')}
      >
        {(p) => (
          <input {...p} required={sha256 !== ''} value={reference} onChange={(ev) => setReference(ev.target.value)} />
        )}
      </Field>
      <Field label={t('meetingForm.minutesFile')} hint={t('meetingForm.minutesFileHint')}>
        {(p) => <input {...p} type="file" required={reference.trim() !== ''} onChange={(ev) => void pickMinutes(ev)} />}
      </Field>
      {sha256 && (
        <p className="muted">
          {t('meetingForm.minutesHash')} <code>{sha256}</code>
        </p>
      )}
      <FormActions error={e} pending={write.pending} label={t('meetingForm.submit')} onCancel={onCancel} />
    </form>
  );
}

/** A group of checkboxes has no single input to mark: the api's refusal of the group is said under its legend. */
function FieldsetError({ error, field }: { readonly error: unknown; readonly field: string }) {
  const { t } = useTranslation();
  return fieldError(error, field) ? <p className="field-error">{t('form.fieldInvalid')}</p> : null;
}
