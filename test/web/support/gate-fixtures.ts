import { localTimes } from '#shared-kernel';
import { openCase, presumedVictim, registerPerson } from '../../e2e/support/journey.js';
import type { Caller, TestApp } from '../../e2e/support/test-app.js';
import type { Account } from './web-harness.js';

const HOUR = 60 * 60_000;

export interface ScheduledHandover {
  readonly handoverId: string;
  /** The agreed time as the Chinese side wrote it (+08:00). */
  readonly scheduledAt: string;
}

/**
 * A handover at Hữu Nghị agreed for the first full hour `hoursAhead` from now, on Beijing time, proposed and
 * scheduled by a Lạng Sơn officer through the api; returns once the guard's list shows it.
 */
export async function scheduleHandover(app: TestApp, guard: Account, hoursAhead = 3): Promise<ScheduledHandover> {
  const officer: Caller = await app.as('liaison_officer');
  const caseId = await openCase(officer);
  const personId = await registerPerson(officer, caseId, presumedVictim);
  const beijing = (offsetMs: number) => localTimes(new Date(Date.now() + offsetMs).toISOString()).cn;
  const proposed = await officer.post('/handovers', {
    caseId,
    gate: 'HUU_NGHI',
    counterpart: 'CN-BIS-PINGXIANG',
    proposedBy: 'cn',
    personIds: [personId],
    proposedAt: beijing(-24 * HOUR),
  });
  if (proposed.status !== 201) throw new Error(`not proposed: ${proposed.status} ${JSON.stringify(proposed.body)}`);
  // On the hour, as people agree times.
  const onTheHour = Math.ceil((Date.now() + hoursAhead * HOUR) / HOUR) * HOUR;
  const scheduledAt = localTimes(new Date(onTheHour).toISOString()).cn;
  const scheduled = await officer.post(`/handovers/${proposed.body.id}/schedule`, { gate: 'HUU_NGHI', scheduledAt });
  if (scheduled.status !== 200) throw new Error(`not scheduled: ${scheduled.status} ${JSON.stringify(scheduled.body)}`);
  // The list is a read model: wait until it has caught up with the write, as a guard's reload would.
  const asGuard = await app.as('border_guard', { sub: guard.username, unit: guard.unit, gates: guard.gates });
  const listed = await asGuard.get(`/handovers?minPosition=${scheduled.body.position as string}`);
  if (listed.status !== 200) throw new Error(`list not ready: ${listed.status} ${JSON.stringify(listed.body)}`);
  return { handoverId: proposed.body.id as string, scheduledAt };
}

/** HH:MM of an instant on a clock in a zone: what the gate's card must show. */
export function clockIn(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(instant),
  );
}
