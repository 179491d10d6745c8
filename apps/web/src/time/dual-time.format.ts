/**
 * Times that cross the border are shown twice: Vietnam (UTC+7) and China (UTC+8) keep one
 * offset all year, but a meeting set "at 09:00" by the Chinese side is 08:00 for our officers,
 * and near midnight even the date differs. Formatting an instant in both zones, labelled, leaves
 * nobody to do that sum at the gate. Intl only (no date library): it is in every browser and in
 * Node, so the same helper serves screens, print and tests.
 */
export const VIETNAM_ZONE = 'Asia/Ho_Chi_Minh';
export const CHINA_ZONE = 'Asia/Shanghai';

export interface DualTime {
  /** The instant as a clock in Vietnam shows it, in the reader's language. */
  readonly vn: string;
  /** The same instant on a clock in China. */
  readonly cn: string;
}

/** Weekday and date as well as the time: across midnight the two sides' dates differ. */
const DATE_AND_TIME: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
};

// Building a DateTimeFormat costs far more than using one, and a list formats hundreds of times.
const formats = new Map<string, Intl.DateTimeFormat>();

function formatIn(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formats.set(key, format);
  }
  return format;
}

const toDate = (instant: string | Date): Date => (typeof instant === 'string' ? new Date(instant) : instant);

/** An instant (ISO-8601 with any offset, or a Date) in Vietnam and China time, in `locale` (vi, zh-Hans, en). */
export function formatDualTime(
  instant: string | Date,
  locale: string,
  options: Intl.DateTimeFormatOptions = DATE_AND_TIME,
): DualTime {
  const date = toDate(instant);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not an instant: ${String(instant)}`);
  return {
    vn: formatIn(locale, VIETNAM_ZONE, options).format(date),
    cn: formatIn(locale, CHINA_ZONE, options).format(date),
  };
}

/** The calendar day (YYYY-MM-DD) of an instant in Vietnam: the API's day ranges count Vietnam days. */
export function vietnamDay(instant: string | Date): string {
  // en-CA writes dates as YYYY-MM-DD; only the digits are used, never shown.
  return formatIn('en-CA', VIETNAM_ZONE, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(toDate(instant));
}
