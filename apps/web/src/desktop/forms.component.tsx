import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRefusal } from '../api/api.refusal';
import { refusalText } from '../api/refusal.text';
import { VIETNAM_ZONE } from '../time/dual-time.format';

type RuntimeT = (key: string) => string;

/** The api's refusal of one field (`errors[].field` of a 400), in words. */
export function fieldError(error: unknown, ...fields: string[]): string | undefined {
  if (!(error instanceof ApiRefusal)) return undefined;
  const hit = error.fieldErrors.find((e) =>
    fields.some((f) => e.field === f || e.field.startsWith(`${f}.`) || e.field.startsWith(`${f}[`)),
  );
  return hit ? 'invalid' : undefined;
}

/** A labelled field with its hint and the api's refusal next to it (announced, and tied by aria-describedby). */
export function Field({
  label,
  error,
  hint,
  children,
}: {
  readonly label: string;
  readonly error?: unknown;
  readonly hint?: string;
  readonly children: (props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }) => ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-describedby': describedBy, ...(error ? { 'aria-invalid': true } : {}) })}
      {hint && (
        <span id={`${id}-hint`} className="field-hint">
          {hint}
        </span>
      )}
      {error ? (
        <span id={`${id}-error`} className="field-error">
          {t('form.fieldInvalid')}
        </span>
      ) : null}
    </div>
  );
}

/**
 * What went wrong with a form's submission, in words: a stale edit (412) offers to reload, field
 * refusals are shown at their fields (this says so), anything else is the refusal's sentence.
 */
export function FormRefusal({ error, onReload }: { readonly error: unknown; readonly onReload?: () => void }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const stale = error instanceof ApiRefusal && (error.status === 412 || error.code === 'REQUEST.STALE_REVISION');
  return (
    <div role="alert" className="refusal">
      <p>{refusalText(i18n, error)}</p>
      {error instanceof ApiRefusal && error.fieldErrors.length > 0 && <p>{t('form.seeFields')}</p>}
      {stale && onReload && (
        <button type="button" onClick={onReload}>
          {t('form.reload')}
        </button>
      )}
    </div>
  );
}

/** `2026-03-05T09:00` from a datetime-local input, read as a clock in Vietnam, as ISO-8601 with +07:00. */
export function vietnamInstant(local: string): string {
  const withSeconds = local.length === 16 ? `${local}:00` : local;
  return `${withSeconds}+07:00`;
}

/** The current instant as a Vietnam clock value for a datetime-local input. */
export function vietnamLocalNow(date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: VIETNAM_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

/** Words for a code of one of the api's closed lists, or the code itself when we have none. */
export function codeText(t: unknown, i18n: { exists: (key: string) => boolean }, key: string, code: string): string {
  const full = `${key}.${code}`;
  return i18n.exists(full) ? (t as RuntimeT)(full) : code;
}
