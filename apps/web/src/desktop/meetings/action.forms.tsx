import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/api.client';
import type { MeView } from '../../api/api.views';
import { nameIn } from '../../shell/labels.format';
import type { WriteAnswer } from '../desktop.views';
import { FormActions, useFormWrite, type IdempotencyHeaders } from '../form-write.component';
import { Field, fieldError } from '../forms.component';
import { rememberWrite } from '../read-your-writes';
import { zonedInstant } from '../zoned-time.field';
import { BorderTimeField, type BorderTime } from './border-time.field';
import type { MeetingDetail } from './meeting.views';

const OWNER_KINDS = ['unit', 'user'] as const;
type OwnerKind = (typeof OWNER_KINDS)[number];

/**
 * After any write on a meeting: the page reads the stream again (its revision moves on) and the
 * list and the deadline board, which read projections, wait for this write's position.
 */
export function useMeetingWritten(meetingId: string, then: () => void) {
  const queries = useQueryClient();
  return (written: WriteAnswer) => {
    rememberWrite(written.position);
    for (const queryKey of [['meeting', meetingId], ['meetings'], ['deadlines']])
      void queries.invalidateQueries({ queryKey });
    then();
  };
}

/**
 * Records an action agreed at the meeting: what, who on our side carries it, which of the
 * meeting's counterpart units it is agreed with, and when it is due. Linked records are left to
 * the api (the field is optional there): an officer would have to type record ids by hand.
 */
export function AgreeActionForm({
  meeting,
  me,
  onClose,
}: {
  readonly meeting: MeetingDetail;
  readonly me: MeView;
  readonly onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const [what, setWhat] = useState('');
  const [ownerKind, setOwnerKind] = useState<OwnerKind>('unit');
  const [ownerId, setOwnerId] = useState(me.unit);
  const [counterpart, setCounterpart] = useState(meeting.counterparts[0]?.code ?? '');
  const [due, setDue] = useState<BorderTime>({ local: '', side: 'vn' });
  const write = useFormWrite(
    (headers: IdempotencyHeaders) =>
      answer<WriteAnswer>(
        api.POST('/api/v1/meetings/{id}/actions', {
          params: { path: { id: meeting.id } },
          headers,
          body: {
            what,
            owner: { kind: ownerKind, id: ownerId },
            counterpart,
            dueAt: zonedInstant(due.local, due.side),
          },
        }),
      ),
    useMeetingWritten(meeting.id, onClose),
  );
  const e = write.error;
  // Switching between a unit and an officer offers the caller's own as the likely owner.
  const chooseOwnerKind = (kind: OwnerKind) => {
    setOwnerKind(kind);
    setOwnerId(kind === 'unit' ? me.unit : me.userId);
  };
  return (
    <form className="panel form" onSubmit={write.submit} aria-labelledby={headingId}>
      <h3 id={headingId}>{t('actionForm.agreeHeading')}</h3>
      <Field label={t('meeting.what')} error={fieldError(e, 'what')}>
        {(p) => <textarea {...p} required rows={2} value={what} onChange={(ev) => setWhat(ev.target.value)} />}
      </Field>
      <div className="row">
        <Field label={t('actionForm.ownerKind')} error={fieldError(e, 'owner.kind')}>
          {(p) => (
            <select {...p} value={ownerKind} onChange={(ev) => chooseOwnerKind(ev.target.value as OwnerKind)}>
              {OWNER_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`actionForm.ownerKinds.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('meeting.owner')} hint={t('actionForm.ownerHint')} error={fieldError(e, 'owner.id')}>
          {(p) => <input {...p} required value={ownerId} onChange={(ev) => setOwnerId(ev.target.value)} />}
        </Field>
      </div>
      <Field label={t('meeting.counterpart')} error={fieldError(e, 'counterpart')}>
        {(p) => (
          <select {...p} required value={counterpart} onChange={(ev) => setCounterpart(ev.target.value)}>
            {meeting.counterparts.map((u) => (
              <option key={u.code} value={u.code}>
                {u.name ? nameIn(i18n.language, u.name) : u.code}
              </option>
            ))}
          </select>
        )}
      </Field>
      <BorderTimeField label={t('meeting.dueAt')} value={due} onChange={setDue} error={e} field="dueAt" />
      <FormActions error={e} pending={write.pending} label={t('actionForm.agreeSubmit')} onCancel={onClose} />
    </form>
  );
}
