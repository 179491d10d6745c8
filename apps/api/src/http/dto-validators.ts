import { registerDecorator, type ValidationOptions } from 'class-validator';
import { isIsoWithOffset } from '#shared-kernel';

/** An ISO-8601 date-time WITH an offset: "09:00 at the gate" means nothing without its zone. */
export function IsZonedDateTime(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isZonedDateTime',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: '$property must be an ISO-8601 date-time with an offset, e.g. 2026-03-05T09:00:00+08:00',
        ...options,
      },
      validator: { validate: (value: unknown) => isIsoWithOffset(value) },
    });
}

/** Free text that must carry something: not only whitespace, no NUL or other control characters. */
export function IsCleanText(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCleanText',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be non-blank text without control characters', ...options },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' &&
          value.trim().length > 0 &&
          !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(value),
      },
    });
}

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const EARLIEST_BIRTH_YEAR = 1900;
/** China's calendar day (UTC+8) starts an hour before Vietnam's: the later "today" on the border. */
const LATEST_BORDER_OFFSET_MS = 8 * 3_600_000;

/**
 * A birth date as people know it: YYYY-MM-DD, or YYYY-MM / YYYY when only that is known. It must
 * name a day, month or year that exists (no 31 February, no month 13) and that has begun
 * somewhere on the border by `now`.
 */
export function isPossibleBirthDate(value: unknown, now: Date): value is string {
  if (typeof value !== 'string') return false;
  const m = PARTIAL_DATE.exec(value);
  if (!m) return false;
  const [, y, mo, d] = m;
  if (+y < EARLIEST_BIRTH_YEAR) return false;
  if (mo !== undefined && (+mo < 1 || +mo > 12)) return false;
  if (d !== undefined) {
    const day = new Date(Date.UTC(+y, +mo - 1, +d));
    if (+d < 1 || day.getUTCMonth() !== +mo - 1 || day.getUTCDate() !== +d) return false;
  }
  // The first day the value can denote, compared as text: YYYY-MM-DD sorts as it counts.
  const first = `${y}-${mo ?? '01'}-${d ?? '01'}`;
  const today = new Date(now.getTime() + LATEST_BORDER_OFFSET_MS).toISOString().slice(0, 10);
  return first <= today;
}

/** A date of birth (see isPossibleBirthDate), judged against the server's clock at validation. */
export function IsBirthDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isBirthDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: '$property must be a real date YYYY-MM-DD, YYYY-MM or YYYY, from 1900 and not in the future',
        ...options,
      },
      validator: { validate: (value: unknown) => isPossibleBirthDate(value, new Date()) },
    });
}
