import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WriteAnswer } from './desktop.views';
import { Field, FormRefusal, fieldError } from './forms.component';

export type IdempotencyHeaders = { readonly 'Idempotency-Key': string };

/**
 * The one write a form makes. Its Idempotency-Key lives as long as the form, so a second click
 * after a lost answer is the same request (the api answers it once); a refused request stores
 * nothing, so correcting a field and sending again is not a reuse.
 */
export function useFormWrite(
  call: (headers: IdempotencyHeaders) => Promise<WriteAnswer>,
  onDone: (written: WriteAnswer) => void,
) {
  const [key] = useState(() => crypto.randomUUID());
  const write = useMutation({ mutationFn: () => call({ 'Idempotency-Key': key }), onSuccess: onDone });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    write.mutate();
  };
  return { submit, error: write.error, pending: write.isPending };
}

/** How every form ends: the api's refusal in words, the act, and a way back. */
export function FormActions({
  error,
  pending,
  label,
  onCancel,
  disabled = false,
  danger = false,
}: {
  readonly error: unknown;
  readonly pending: boolean;
  readonly label: string;
  readonly onCancel: () => void;
  readonly disabled?: boolean;
  readonly danger?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <FormRefusal error={error} />
      <div className="actions">
        <button type="submit" className={danger ? 'danger' : undefined} disabled={pending || disabled}>
          {label}
        </button>
        <button type="button" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </>
  );
}

/** A clock reading typed in Vietnam time (where the office is), with the zone said under it. */
export function VietnamTimeField({
  label,
  value,
  onChange,
  error,
  field = 'occurredAt',
}: {
  readonly label: string;
  readonly value: string;
  readonly onChange: (local: string) => void;
  readonly error: unknown;
  /** The body field whose refusal shows here. */
  readonly field?: string;
}) {
  const { t } = useTranslation();
  return (
    <Field label={label} hint={t('form.zoneVn')} error={fieldError(error, field)}>
      {(p) => (
        <input {...p} type="datetime-local" required value={value} onChange={(ev) => onChange(ev.target.value)} />
      )}
    </Field>
  );
}
