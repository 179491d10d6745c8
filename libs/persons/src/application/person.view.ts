import type { RegisteredPerson } from '../domain/person.state.js';
import type { PersonalData } from './personal-data.js';

export interface PersonView {
  readonly id: string;
  readonly caseId: string;
  readonly role: string;
  readonly status: string;
  readonly ageBand: string;
  /** True when the person's key was destroyed: the record stays, the identity is gone. */
  readonly erased: boolean;
  readonly personal: PersonalData | null;
  readonly revision: string;
}

export function personView(state: RegisteredPerson, revision: bigint, personal: PersonalData | null): PersonView {
  return {
    id: state.personId,
    caseId: state.caseId,
    role: state.role,
    status: state.status,
    ageBand: state.ageBand,
    erased: personal === null,
    personal,
    revision: revision.toString(),
  };
}

/** A person as a case page lists them. */
export interface PersonSummary {
  readonly id: string;
  readonly role: string;
  readonly status: string;
  readonly ageBand: string;
  /** null when masked for this reader or erased. */
  readonly fullName: string | null;
  readonly masked: boolean;
  readonly erased: boolean;
}
