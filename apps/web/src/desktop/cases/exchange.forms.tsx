import { PriorityField, type Priority } from './priority.field';
import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/api.client';
import { nameIn } from '../../shell/labels.format';
import type { PersonSummary, WriteAnswer } from '../desktop.views';
import { Field, FormRefusal, fieldError, vietnamLocalNow } from '../forms.component';
import { useCounterparts } from '../reference.queries';
import { ZonedTimeField, zonedInstant, type Side } from '../zoned-time.field';
import { NO_DISCLOSURE } from './disclosure.fields';
import { AttachmentsFields, type Attachment } from './message-attachments.fields';
import { NamedPersonsFields, namedPersonsBody, type NamedPersonsValue } from './named-persons.fields';
import { TransferBasisFields, type TransferBasis } from './transfer-basis.fields';

const CHANNELS = [
  'official_letter',
  'blo_meeting',
  'liaison_officer',
  'secure_email',
  'interpol_ncb',
  'phone',
  'hotline',
  'other',
] as const;
type Channel = (typeof CHANNELS)[number];
const HANDLING = ['H0', 'H1', 'H2', 'H3'] as const;
type Handling = (typeof HANDLING)[number];
type Language = 'vi' | 'zh' | 'en';

interface Done {
  readonly onDone: (written: WriteAnswer) => void;
  readonly onCancel: () => void;
}

/**
 * Log an incoming or outgoing message: a new exchange for the case (`caseId`), or the next message
 * of an exchange (`exchangeId`). Vietnamese or Chinese text, references on both sides, handling
 * code, attachments by their SHA-256.
 */
export function MessageForm(
  props: ({ readonly caseId: string } | { readonly exchangeId: string }) &
    Done & {
      /** The case's persons an outgoing message may name, and the thread's counterpart when it exists. */
      readonly persons?: readonly PersonSummary[];
      readonly threadCounterpart?: string;
      readonly mayOverride?: boolean;
    },
) {
  const { t, i18n } = useTranslation();
  const personalDataId = useId();
  const draftId = useId();
  const draftHintId = useId();
  const counterparts = useCounterparts();
  const creating = 'caseId' in props;
  const [direction, setDirection] = useState<'outgoing' | 'incoming'>('incoming');
  const [channel, setChannel] = useState<Channel>('official_letter');
  const [priority, setPriority] = useState<Priority>('normal');
  const [counterpart, setCounterpart] = useState('');
  const [language, setLanguage] = useState<Language>('zh');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [handlingCode, setHandlingCode] = useState<Handling>('H0');
  const [ourReference, setOurReference] = useState('');
  const [theirReference, setTheirReference] = useState('');
  const [occurred, setOccurred] = useState<{ local: string; side: Side }>({ local: vietnamLocalNow(), side: 'vn' });
  const [due, setDue] = useState<{ local: string; side: Side }>({ local: '', side: 'vn' });
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [carriesPersonalData, setCarriesPersonalData] = useState(false);
  const [draft, setDraft] = useState(false);
  const [basis, setBasis] = useState<TransferBasis>({ consent: 'person', legalBasis: '' });
  const [named, setNamed] = useState<NamedPersonsValue>({ personIds: [], disclosure: NO_DISCLOSURE });
  // Sending personal data to the Chinese side is a cross-border transfer (PDPL 91/2025): the record
  // must say on what basis. Received data needs no basis from us, so only outgoing messages ask.
  const transfer = carriesPersonalData && direction === 'outgoing';
  const log = useMutation({
    mutationFn: () => {
      const message = {
        direction,
        language,
        subject,
        body,
        handlingCode,
        carriesPersonalData,
        ...(direction === 'outgoing' && draft ? { draft: true } : {}),
        // A blank basis is no basis: left out, the api refuses with the sentence that says what is missing.
        ...(transfer && basis.legalBasis.trim()
          ? { personalData: { consent: basis.consent, legalBasis: basis.legalBasis } }
          : {}),
        occurredAt: zonedInstant(occurred.local, occurred.side),
        ...(due.local ? { responseDueAt: zonedInstant(due.local, due.side) } : {}),
        ...(ourReference ? { ourReference } : {}),
        ...(theirReference ? { theirReference } : {}),
        ...(attachments.length > 0 ? { attachments } : {}),
        ...(transfer && named.personIds.length > 0 ? { persons: namedPersonsBody(named) } : {}),
      };
      const headers = { 'Idempotency-Key': crypto.randomUUID() };
      return 'caseId' in props
        ? answer<WriteAnswer>(
            api.POST('/api/v1/exchanges', {
              headers,
              body: { ...message, caseIds: [props.caseId], channel, counterpart, priority },
            }),
          )
        : answer<WriteAnswer>(
            api.POST('/api/v1/exchanges/{id}/messages', {
              params: { path: { id: props.exchangeId } },
              headers,
              body: message,
            }),
          );
    },
    onSuccess: props.onDone,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    log.mutate();
  };
  const e = log.error;
  const heading = creating ? t('exchange.open') : t('exchange.message');
  return (
    <form className="panel form" onSubmit={submit} aria-label={heading}>
      <h3>{heading}</h3>
      <div className="row">
        <Field label={t('verification.direction')} error={fieldError(e, 'direction')}>
          {(p) => (
            <select
              {...p}
              value={direction}
              onChange={(ev) => setDirection(ev.target.value as 'outgoing' | 'incoming')}
            >
              <option value="incoming">{t('exchange.incoming')}</option>
              <option value="outgoing">{t('exchange.outgoing')}</option>
            </select>
          )}
        </Field>
        {creating && (
          <Field label={t('handover.counterpart')} error={fieldError(e, 'counterpart')}>
            {(p) => (
              <select {...p} required value={counterpart} onChange={(ev) => setCounterpart(ev.target.value)}>
                <option value="">{t('form.choose')}</option>
                {(counterparts.data ?? []).map((c) => (
                  <option key={c.code} value={c.code}>
                    {nameIn(i18n.language, c.name)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        {creating && <PriorityField value={priority} onChange={setPriority} error={e} />}
        {creating && (
          <Field label={t('cases.channel')} error={fieldError(e, 'channel')}>
            {(p) => (
              <select {...p} value={channel} onChange={(ev) => setChannel(ev.target.value as Channel)}>
                {CHANNELS.map((c) => (
                  <option key={c} value={c}>
                    {t(`exchangeChannel.${c}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field label={t('exchange.language')} error={fieldError(e, 'language')}>
          {(p) => (
            <select {...p} value={language} onChange={(ev) => setLanguage(ev.target.value as Language)}>
              <option value="vi">Tiếng Việt</option>
              <option value="zh">中文</option>
              <option value="en">English</option>
            </select>
          )}
        </Field>
        <Field label={t('exchange.handling')} error={fieldError(e, 'handlingCode')}>
          {(p) => (
            <select {...p} value={handlingCode} onChange={(ev) => setHandlingCode(ev.target.value as Handling)}>
              {HANDLING.map((h) => (
                <option key={h} value={h}>
                  {t(`handlingCode.${h}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field label={t('exchange.subject')} error={fieldError(e, 'subject')}>
        {(p) => <input {...p} required value={subject} onChange={(ev) => setSubject(ev.target.value)} />}
      </Field>
      <Field label={t('exchange.body')} error={fieldError(e, 'body')}>
        {(p) => <textarea {...p} required rows={4} value={body} onChange={(ev) => setBody(ev.target.value)} />}
      </Field>
      <div className="row">
        <Field label={t('exchange.ourReference')} error={fieldError(e, 'ourReference')}>
          {(p) => <input {...p} value={ourReference} onChange={(ev) => setOurReference(ev.target.value)} />}
        </Field>
        <Field label={t('exchange.theirReference')} error={fieldError(e, 'theirReference')}>
          {(p) => <input {...p} value={theirReference} onChange={(ev) => setTheirReference(ev.target.value)} />}
        </Field>
      </div>
      <ZonedTimeField
        label={t('exchange.occurredAt')}
        value={occurred.local}
        side={occurred.side}
        required
        error={fieldError(e, 'occurredAt')}
        onChange={(local, side) => setOccurred({ local, side })}
      />
      <ZonedTimeField
        label={t('exchange.responseDueAt')}
        value={due.local}
        side={due.side}
        error={fieldError(e, 'responseDueAt')}
        onChange={(local, side) => setDue({ local, side })}
      />
      <div className="check">
        <input
          id={personalDataId}
          type="checkbox"
          checked={carriesPersonalData}
          onChange={(ev) => setCarriesPersonalData(ev.target.checked)}
        />
        <label htmlFor={personalDataId}>{t('exchange.carriesPersonalData')}</label>
      </div>
      {direction === 'outgoing' && (
        // A message that needs a second officer's release leaves as a draft; the colleague releases it.
        <>
          <div className="check">
            <input
              id={draftId}
              type="checkbox"
              checked={draft}
              aria-describedby={draftHintId}
              onChange={(ev) => setDraft(ev.target.checked)}
            />
            <label htmlFor={draftId}>{t('exchange.draft')}</label>
          </div>
          <p className="field-hint" id={draftHintId}>
            {t('exchange.draftHint')}
          </p>
        </>
      )}
      {transfer && <TransferBasisFields value={basis} onChange={setBasis} error={e} />}
      {transfer && (props.persons ?? []).length > 0 && (
        <NamedPersonsFields
          persons={props.persons ?? []}
          counterpart={props.threadCounterpart ?? counterpart}
          value={named}
          onChange={setNamed}
          mayOverride={props.mayOverride ?? false}
          error={e}
        />
      )}
      <AttachmentsFields value={attachments} onChange={setAttachments} error={e} />
      <FormRefusal error={e} />
      <div className="actions">
        <button type="submit" className="primary" disabled={log.isPending}>
          {t('exchange.save')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
