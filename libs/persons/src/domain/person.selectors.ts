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
