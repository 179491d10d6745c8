/**
 * An instant as the user declared it: the UTC time plus the offset (and so zone) it was typed in.
 * "09:00 at the gate" is ambiguous between Vietnam (UTC+7) and China (UTC+8), so both are kept.
 */
export interface ZonedInstant {
  /** ISO-8601 in UTC, millisecond precision, ending in Z. */
  readonly at: string;
  /** The declared offset, e.g. "+08:00". */
  readonly offset: string;
  /** IANA zone when the offset identifies one side of the border, else null. */
  readonly zone: string | null;
}

const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;

export const VN_ZONE = 'Asia/Ho_Chi_Minh';
export const CN_ZONE = 'Asia/Shanghai';

const ZONE_BY_OFFSET: Record<string, string> = { '+07:00': VN_ZONE, '+08:00': CN_ZONE, Z: 'UTC', '+00:00': 'UTC' };

/** True for an ISO-8601 date-time that carries an explicit offset and denotes a real instant. */
export function isIsoWithOffset(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_WITH_OFFSET.exec(value);
  if (!m) return false;
  const [, y, mo, d, h, mi, s] = m;
  const date = new Date(Date.UTC(+y, +mo - 1, +d, +h, +mi, s ? +s : 0));
  if (date.getUTCFullYear() !== +y || date.getUTCMonth() !== +mo - 1 || date.getUTCDate() !== +d) return false;
  if (+h > 23 || +mi > 59 || (s !== undefined && +s > 59)) return false;
  const oh = m[9];
  const om = m[10];
  if (oh !== undefined && (+oh > 14 || +om > 59)) return false;
  return !Number.isNaN(Date.parse(value));
}

export function parseZoned(value: string): ZonedInstant {
  if (!isIsoWithOffset(value)) throw new RangeError('not an ISO-8601 time with an offset');
  const m = ISO_WITH_OFFSET.exec(value)!;
  const offset = m[8] === 'Z' ? '+00:00' : m[8];
  return { at: new Date(value).toISOString(), offset, zone: ZONE_BY_OFFSET[m[8]] ?? null };
}

/** The server's own clock reading, declared in Vietnam time (where the service runs). */
export function zonedNow(now: Date): ZonedInstant {
  return { at: now.toISOString(), offset: '+07:00', zone: VN_ZONE };
}

function shift(at: string, minutes: number, suffix: string): string {
  const t = new Date(Date.parse(at) + minutes * 60_000).toISOString();
  return `${t.slice(0, 19)}${suffix}`;
}

/** Both local readings of an instant, for anything that crosses the border. */
export function localTimes(at: string): { vn: string; cn: string } {
  return { vn: shift(at, 7 * 60, '+07:00'), cn: shift(at, 8 * 60, '+08:00') };
}

export function toInstant(z: ZonedInstant): number {
  return Date.parse(z.at);
}
