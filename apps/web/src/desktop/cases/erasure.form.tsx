import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answer, api } from '../../api/api.client';
import type { WriteAnswer } from '../desktop.views';
import { FormActions, useFormWrite } from '../form-write.component';
import { Field, fieldError } from '../forms.component';

interface Props {
  readonly personId: string;
  /** What the page shows of the person (a name, or that it is masked): the form says whom it erases. */
  readonly personLabel: string;
  readonly onDone: (written: WriteAnswer) => void;
  readonly onCancel: () => void;
}

/**
 * A supervisor's order to erase a person's personal data (crypto-shredding). It cannot be undone,
 * so the form says so in plain words and asks for an explicit acknowledgement besides the reason.
 * No If-Match: the case view carries no person revision, and reading the person only to get one
 * would open their data once more; erasure is recorded once whatever the revision, and the
 * Idempotency-Key makes a repeated click after a lost answer harmless.
 */
export function ErasureForm({ personId, personLabel, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const confirmId = useId();
  const [reason, setReason] = useState('');
  const [understood, setUnderstood] = useState(false);
  const write = useFormWrite(
    (headers) =>
      answer<WriteAnswer>(
        api.POST('/api/v1/persons/{id}/erasure', { params: { path: { id: personId } }, headers, body: { reason } }),
      ),
    onDone,
  );
  const e = write.error;
  return (
    <form className="panel form erasure" onSubmit={write.submit} aria-labelledby={headingId}>
      <h3 id={headingId}>{t('erasure.heading', { person: personLabel })}</h3>
      <p>{t('erasure.what')}</p>
      <p className="erasure-warning">
        <strong>{t('erasure.final')}</strong>
      </p>
      <Field label={t('erasure.reason')} hint={t('erasure.reasonHint')} error={fieldError(e, 'reason')}>
        {(p) => <textarea {...p} rows={3} required value={reason} onChange={(ev) => setReason(ev.target.value)} />}
      </Field>
      <div className="check">
        <input
          id={confirmId}
          type="checkbox"
          required
          checked={understood}
          onChange={(ev) => setUnderstood(ev.target.checked)}
        />
        <label htmlFor={confirmId}>{t('erasure.confirm')}</label>
      </div>
      <FormActions
        error={e}
        pending={write.pending}
        label={t('erasure.submit')}
        onCancel={onCancel}
        disabled={!understood}
        danger
      />
    </form>
  );
}
