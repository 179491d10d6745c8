import { invalid, type ZonedInstant } from '#shared-kernel';
import { MeetingErrors } from './meeting.errors.js';

/** Milliseconds since the epoch of a declared instant; refuses one that does not parse. */
export function instant(z: ZonedInstant | undefined, what: string): number {
  const ms = typeof z?.at === 'string' ? Date.parse(z.at) : Number.NaN;
  return Number.isNaN(ms) ? invalid(MeetingErrors.INVALID_INSTANT, `${what} is not a valid instant`) : ms;
}
