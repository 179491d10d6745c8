/**
 * What the gate's forms share: reading a submitted form and the guard's clock. The gate's local
 * time is Vietnam's, all year UTC+7: inputs say so and send this offset.
 */
const VN = '+07:00';

/** Now as a `datetime-local` value on the Vietnamese side. */
export const vnNow = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 16);

/** A `datetime-local` value as the instant it names in Vietnam. */
export const zoned = (local: string) => `${local}:00${VN}`;

/** Back from a sent instant to the input's value (an instant sent by `zoned` keeps its local digits), else now. */
export const fromZoned = (iso: string | undefined) => iso?.slice(0, 16) ?? vnNow();

/** A field of the form, trimmed; '' when absent. */
export const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === 'string' ? v.trim() : '';
};

/** A textarea with one entry per line, blank lines dropped. */
export const lines = (form: FormData, name: string) =>
  text(form, name)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
