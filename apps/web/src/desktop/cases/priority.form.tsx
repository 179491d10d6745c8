import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/api.client';
import type { WriteAnswer } from '../desktop.views';
import { FormActions, useFormWrite } from '../form-write.component';
import { Field, fieldError } from '../forms.component';
import { PriorityField, type Priority } from './priority.field';

interface Props {
  readonly kind: 'exchange' | 'verification';
  readonly id: string;
  /** What it is now: the form proposes the other one. */
  readonly current: Priority;
  readonly onDone: (written: WriteAnswer) => void;
  readonly onCancel: () => void;
}

/**
 * Urgent or normal from now on, with the reason (issue 11). For a thread, its letters still
 * waiting for a reply are due by the new priority's limit; a verification request keeps the due
 * time it stated.
 */
export function PriorityForm({ kind, id, current, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const [priority, setPriority] = useState<Priority>(current === 'urgent' ? 'normal' : 'urgent');
  const [reason, setReason] = useState('');
  const write = useFormWrite((headers) => {
    const request = { params: { path: { id } }, headers, body: { priority, reason } };
    return answer<WriteAnswer>(
      kind === 'exchange'
        ? api.POST('/api/v1/exchanges/{id}/priority', request)
        : api.POST('/api/v1/verification-requests/{id}/priority', request),
    );
  }, onDone);
  return (
    <form className="panel form" onSubmit={write.submit} aria-labelledby={headingId}>
      <h3 id={headingId}>{t('priority.change')}</h3>
      <PriorityField value={priority} onChange={setPriority} error={write.error} />
      <Field label={t('priority.reason')} error={fieldError(write.error, 'reason')}>
        {(p) => <textarea {...p} required rows={2} value={reason} onChange={(ev) => setReason(ev.target.value)} />}
      </Field>
      <FormActions error={write.error} pending={write.pending} label={t('priority.confirm')} onCancel={onCancel} />
    </form>
  );
}
