import type { AgeBand, PersonRole } from './person.values.js';

/** What every registered person has, whatever their identification status. */
export interface PersonFacts {
  readonly personId: string;
  readonly caseId: string;
  readonly role: PersonRole;
  readonly ageBand: AgeBand;
  /** The current sealed envelope of personal data; opaque to the domain. */
  readonly personal: string;
  /** True once the person's key was destroyed: the record stays, the identity is gone. */
  readonly erased?: boolean;
}

export type NoPerson = { readonly status: 'none' };
export type PresumedPerson = PersonFacts & { readonly status: 'presumed' };
export type AccompanyingPerson = PersonFacts & { readonly status: 'accompanying' };
export type PersonUnderIdentification = PersonFacts & {
  readonly status: 'under_identification';
  readonly basis: string | null;
};
export type IdentifiedVictim = PersonFacts & {
  readonly status: 'identified_victim';
  /** Empty when the person was registered as an already identified victim. */
  readonly evidenceBases: readonly string[];
  readonly documentRef: string | null;
};
export type NotConfirmedPerson = PersonFacts & { readonly status: 'not_confirmed'; readonly reason: string };
export type PersonOffTrack = PersonFacts & { readonly status: 'not_on_victim_track' };

export type RegisteredPerson =
  | PresumedPerson
  | AccompanyingPerson
  | PersonUnderIdentification
  | IdentifiedVictim
  | NotConfirmedPerson
  | PersonOffTrack;

export type PersonState = NoPerson | RegisteredPerson;
export type PersonStatus = PersonState['status'];

export const initialPersonState: PersonState = { status: 'none' };
