import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/api.client';
import type { WriteAnswer } from '../desktop.views';
import { FormActions, useFormWrite, type IdempotencyHeaders } from '../form-write.component';
import { Field, fieldError, vietnamLocalNow } from '../forms.component';
import { zonedInstant } from '../zoned-time.field';
import { useMeetingWritten } from './action.forms';
import { BorderTimeField, type BorderTime } from './border-time.field';
import type { MeetingAction, MeetingDetail } from './meeting.views';

export type ActionStep = 'done' | 'drop' | 'due';
const RECORD_KINDS = ['case', 'person', 'handover', 'verification', 'exchange'] as const;
type RecordKind = (typeof RECORD_KINDS)[number];

interface Props {
  readonly meeting: MeetingDetail;
  readonly action: MeetingAction;
  readonly onClose: () => void;
}

/** What the three acts share: the path of the action, and If-Match on the meeting the page shows. */
function useStepWrite(
  { meeting, action, onClose }: Props,
  send: (path: { id: string; actionId: string }, headers: Record<string, string>) => Promise<WriteAnswer>,
) {
  return useFormWrite(
    (headers: IdempotencyHeaders) =>
      send({ id: meeting.id, actionId: action.id }, { ...headers, 'If-Match': `"${meeting.revision}"` }),
    useMeetingWritten(meeting.id, onClose),
  );
}

/** Marks an open action done, naming the record of this service that shows it done. */
export function ActionDoneForm(props: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const [kind, setKind] = useState<RecordKind>('case');
  const [recordId, setRecordId] = useState('');
  const [doneAt, setDoneAt] = useState<BorderTime>({ local: vietnamLocalNow(), side: 'vn' });
  const write = useStepWrite(props, (path, headers) =>
    answer<WriteAnswer>(
      api.POST('/api/v1/meetings/{id}/actions/{actionId}/done', {
        params: { path },
        headers,
        body: { fulfilledBy: { kind, id: recordId.trim() }, doneAt: zonedInstant(doneAt.local, doneAt.side) },
      }),
    ),
  );
  const e = write.error;
  return (
    <form className="panel form" onSubmit={write.submit} aria-labelledby={headingId}>
      <h3 id={headingId}>{t('actionForm.doneHeading', { what: props.action.what })}</h3>
      <div className="row">
        <Field label={t('actionForm.recordKind')} error={fieldError(e, 'fulfilledBy.kind')}>
          {(p) => (
            <select {...p} value={kind} onChange={(ev) => setKind(ev.target.value as RecordKind)}>
              {RECORD_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`meetingRecord.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label={t('actionForm.recordId')}
          hint={t('actionForm.recordIdHint')}
          error={fieldError(e, 'fulfilledBy.id')}
        >
          {(p) => <input {...p} required value={recordId} onChange={(ev) => setRecordId(ev.target.value)} />}
        </Field>
      </div>
      <BorderTimeField label={t('actionForm.doneAt')} value={doneAt} onChange={setDoneAt} error={e} field="doneAt" />
      <FormActions error={e} pending={write.pending} label={t('actionForm.doneSubmit')} onCancel={props.onClose} />
    </form>
  );
}

/** Drops an open action, with the reason the record keeps. */
export function ActionDropForm(props: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const [reason, setReason] = useState('');
  const write = useStepWrite(props, (path, headers) =>
    answer<WriteAnswer>(
      api.POST('/api/v1/meetings/{id}/actions/{actionId}/drop', { params: { path }, headers, body: { reason } }),
    ),
  );
  const e = write.error;
  return (
    <form className="panel form" onSubmit={write.submit} aria-labelledby={headingId}>
      <h3 id={headingId}>{t('actionForm.dropHeading', { what: props.action.what })}</h3>
      <Field label={t('actionForm.reason')} error={fieldError(e, 'reason')}>
        {(p) => <textarea {...p} required rows={2} value={reason} onChange={(ev) => setReason(ev.target.value)} />}
      </Field>
      <FormActions
        error={e}
        pending={write.pending}
        label={t('actionForm.dropSubmit')}
        onCancel={props.onClose}
        danger
      />
    </form>
  );
}

/** Moves an open action's due time (agreed again with the counterpart), with the reason. */
export function ActionDueForm(props: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const [due, setDue] = useState<BorderTime>({ local: '', side: 'vn' });
  const [reason, setReason] = useState('');
  const write = useStepWrite(props, (path, headers) =>
    answer<WriteAnswer>(
      api.POST('/api/v1/meetings/{id}/actions/{actionId}/due', {
        params: { path },
        headers,
        body: { newDueAt: zonedInstant(due.local, due.side), reason },
      }),
    ),
  );
  const e = write.error;
  return (
    <form className="panel form" onSubmit={write.submit} aria-labelledby={headingId}>
      <h3 id={headingId}>{t('actionForm.dueHeading', { what: props.action.what })}</h3>
      <BorderTimeField label={t('actionForm.newDueAt')} value={due} onChange={setDue} error={e} field="newDueAt" />
      <Field label={t('actionForm.reason')} error={fieldError(e, 'reason')}>
        {(p) => <textarea {...p} required rows={2} value={reason} onChange={(ev) => setReason(ev.target.value)} />}
      </Field>
      <FormActions error={e} pending={write.pending} label={t('actionForm.dueSubmit')} onCancel={props.onClose} />
    </form>
  );
}

/** The form of one step on one action. */
export function ActionStepForm({ step, ...props }: Props & { readonly step: ActionStep }) {
  if (step === 'done') return <ActionDoneForm {...props} />;
  if (step === 'drop') return <ActionDropForm {...props} />;
  return <ActionDueForm {...props} />;
}
