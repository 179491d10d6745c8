import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/api.client';
import type { WriteAnswer } from '../desktop.views';
import { FormActions, useFormWrite, type IdempotencyHeaders } from '../form-write.component';
import type { MeView } from '../../api/api.views';
import { Field, fieldError, vietnamLocalNow } from '../forms.component';
import { zonedInstant } from '../zoned-time.field';
import { useMeetingWritten } from './action.forms';
import { BorderTimeField, type BorderTime } from './border-time.field';
import type { MeetingAction, MeetingDetail } from './meeting.views';
import { parseChoice, type RecordKind } from './record-choices';
import { RecordPickerField, TYPED } from './record-picker.field';

export type ActionStep = 'done' | 'drop' | 'due';

interface Props {
  readonly me: MeView;
  readonly meeting: MeetingDetail;
  readonly action: MeetingAction;
  readonly onClose: () => void;
}

/** What the three acts share: the path of the action, and If-Match on the meeting the page shows. */
function useStepWrite(
  { meeting, action, onClose }: Omit<Props, 'me'>,
  send: (path: { id: string; actionId: string }, headers: Record<string, string>) => Promise<WriteAnswer>,
) {
  return useFormWrite(
    (headers: IdempotencyHeaders) =>
      send({ id: meeting.id, actionId: action.id }, { ...headers, 'If-Match': `"${meeting.revision}"` }),
    useMeetingWritten(meeting.id, onClose),
  );
}

/** Marks an open action done, picking the record of this service that shows it done. */
export function ActionDoneForm(props: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const [choice, setChoice] = useState('');
  const [typedKind, setTypedKind] = useState<RecordKind>('case');
  const [typedId, setTypedId] = useState('');
  const [doneAt, setDoneAt] = useState<BorderTime>({ local: vietnamLocalNow(), side: 'vn' });
  const picked = choice === TYPED ? { kind: typedKind, id: typedId.trim() } : parseChoice(choice);
  const write = useStepWrite(props, (path, headers) =>
    answer<WriteAnswer>(
      api.POST('/api/v1/meetings/{id}/actions/{actionId}/done', {
        params: { path },
        headers,
        // The select is required: a submitted form always has a choice, and the api checks the record.
        body: { fulfilledBy: picked ?? { kind: typedKind, id: '' }, doneAt: zonedInstant(doneAt.local, doneAt.side) },
      }),
    ),
  );
  const e = write.error;
  return (
    <form className="panel form" onSubmit={write.submit} aria-labelledby={headingId}>
      <h3 id={headingId}>{t('actionForm.doneHeading', { what: props.action.what })}</h3>
      <RecordPickerField
        me={props.me}
        links={props.action.links}
        choice={choice}
        onChoice={setChoice}
        typedKind={typedKind}
        onTypedKind={setTypedKind}
        typedId={typedId}
        onTypedId={setTypedId}
        error={e}
      />
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
