/**
 * What the gate's service worker (gate.sw.mjs) keeps of the api for offline use: today's
 * handovers at the guard's gates, their details and the identities of their persons, and who is
 * signed in (without the CSRF token). Personal data leaves the phone after the confirmation and at
 * sign-out. The name is shared with the worker.
 */
export const DATA_CACHE = 'blo-gate-data';

const available = () => typeof caches !== 'undefined';

/** After a handover is confirmed: its persons' identities are no longer needed here. */
export async function forgetPersons(handoverId: string): Promise<void> {
  if (!available()) return;
  const cache = await caches.open(DATA_CACHE);
  const detail = await cache.match(`/api/v1/handovers/${handoverId}`);
  const ids = detail ? (((await detail.json()) as { personIds?: string[] }).personIds ?? []) : [];
  await Promise.all(ids.map((id) => cache.delete(`/api/v1/persons/${id}`)));
}

/** Sign-out or an ended session: nothing read as this person stays on the phone. */
export async function forgetSignedIn(): Promise<void> {
  if (available()) await caches.delete(DATA_CACHE);
}
