import { localTimes } from '#shared-kernel';
import type { Page } from 'playwright-core';
import { openCase, presumedVictim, registerPerson } from '../../e2e/support/journey.js';
import type { Caller } from '../../e2e/support/test-app.js';
import { GUARD, type WebHarness } from './web-harness.js';

// Shared by the gate's offline journeys (gate-offline, gate-outbox): a handover the guard's phone
// may keep, the confirmation form, and what the phone's outbox and the service recorded.

const HOUR = 60 * 60_000;

export interface HandoverOfToday {
  readonly handoverId: string;
  readonly caseId: string;
  /** The officer who proposed it, to read back what the gate recorded. */
  readonly officer: Caller;
}

/**
 * A handover at Hữu Nghị scheduled at the start of the current hour (always today in Vietnam,
 * whatever the time of the run: the service worker keeps only today's handovers). With
 * `schedule` false it is only proposed, so the server lists it but the phone's copy does not.
 */
export async function handoverOfToday(h: WebHarness, schedule = true): Promise<HandoverOfToday> {
  const officer = await h.app.as('liaison_officer');
  const caseId = await openCase(officer);
  const personId = await registerPerson(officer, caseId, presumedVictim);
  const proposed = await officer.post('/handovers', {
    caseId,
    gate: 'HUU_NGHI',
    counterpart: 'CN-BIS-PINGXIANG',
    proposedBy: 'cn',
    personIds: [personId],
    proposedAt: localTimes(new Date(Date.now() - 24 * HOUR).toISOString()).cn,
  });
  if (proposed.status !== 201) throw new Error(`not proposed: ${proposed.status} ${JSON.stringify(proposed.body)}`);
  const handoverId = proposed.body.id as string;
  if (!schedule) {
    await listedForGuard(h, proposed.body.position as string);
    return { handoverId, caseId, officer };
  }
  const hourStart = Math.floor(Date.now() / HOUR) * HOUR;
  const scheduled = await officer.post(`/handovers/${handoverId}/schedule`, {
    gate: 'HUU_NGHI',
    scheduledAt: localTimes(new Date(hourStart).toISOString()).cn,
  });
  if (scheduled.status !== 200) throw new Error(`not scheduled: ${scheduled.status} ${JSON.stringify(scheduled.body)}`);
  await listedForGuard(h, scheduled.body.position as string);
  return { handoverId, caseId, officer };
}

/** The guard's list is a read model: returns once it has caught up with the write at `position`. */
async function listedForGuard(h: WebHarness, position: string): Promise<void> {
  const asGuard = await h.app.as('border_guard', { sub: GUARD.username, unit: GUARD.unit, gates: GUARD.gates });
  const listed = await asGuard.get(`/handovers?minPosition=${position}`);
  if (listed.status !== 200) throw new Error(`list not ready: ${listed.status}`);
}

/** Fills the gate's confirmation form, the minutes numbered `minutes`. */
export async function fillConfirmation(page: Page, minutes: string): Promise<void> {
  await page.getByLabel('Cán bộ phía Việt Nam').fill('Hoàng Văn Đức, Đồn Biên phòng Hữu Nghị');
  await page.getByLabel('Cán bộ phía Trung Quốc').fill('李明, 凭祥边境管理大队');
  await page.getByLabel('Kiểm tra sức khỏe').fill('Sức khỏe bình thường');
  await page.getByLabel('Số biên bản', { exact: true }).fill(minutes);
}

/** How many HandoverConducted events the case's timeline holds, once the read side has had `waitMs` to catch up. */
export async function conducted(officer: Caller, caseId: string, waitMs = 0): Promise<number> {
  const count = async () => {
    const timeline = await officer.get(`/cases/${caseId}/timeline`);
    if (timeline.status !== 200) throw new Error(`timeline: ${timeline.status}`);
    return (JSON.stringify(timeline.body).match(/"HandoverConducted"/g) ?? []).length;
  };
  const until = Date.now() + waitMs;
  let n = await count();
  while (n === 0 && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    n = await count();
  }
  return n;
}

/** An outbox item as the app stored it in IndexedDB. */
export type StoredItem = { state: string; body: string; refusal?: unknown };

/** The outbox as stored (the script is a string: the test's own types have no DOM). */
export async function outbox(page: Page): Promise<StoredItem[]> {
  return page.evaluate<StoredItem[]>(`new Promise((resolve, reject) => {
    const open = indexedDB.open('blo-gate-outbox');
    open.onerror = () => reject(new Error(String(open.error)));
    open.onsuccess = () => {
      const all = open.result.transaction('items').objectStore('items').getAll();
      all.onsuccess = () => resolve(all.result);
      all.onerror = () => reject(new Error(String(all.error)));
    };
  })`);
}
