import type { ConsentStanding } from '#shared-kernel';
import type { ConsentPurpose } from './person.protection.values.js';
import type { PersonState, RegisteredPerson } from './person.state.js';

export const personExists = (state: PersonState): state is RegisteredPerson => state.status !== 'none';

/** Whether identification commands can ever apply to this person. */
export const isOnVictimTrack = (state: PersonState): boolean =>
  state.status !== 'none' && state.status !== 'not_on_victim_track';

/** Identified victims count as victims in the statistics; presumed ones are counted apart. */
export const isIdentifiedVictim = (state: PersonState): boolean => state.status === 'identified_victim';

/** The sealed envelope to decrypt for an authorised read, or null when the person does not exist. */
export const sealedPersonalData = (state: PersonState): string | null =>
  state.status === 'none' ? null : state.personal;

/**
 * Where consent stands for sharing with one recipient for one purpose: the latest decision about
 * that pair counts, and a withdrawn consent is `withdrawn` until a new one is given.
 */
export function consentStanding(state: PersonState, purpose: ConsentPurpose, recipient: string): ConsentStanding {
  if (state.status === 'none') return 'none';
  const latest = (state.consents ?? []).filter((c) => c.purpose === purpose && c.recipient === recipient).at(-1);
  if (!latest) return 'none';
  return latest.withdrawnAt ? 'withdrawn' : latest.decision;
}
