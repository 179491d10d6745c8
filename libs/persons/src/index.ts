export { personDecider } from './domain/person.decider.js';
export { decidePerson } from './domain/person.decide.js';
export { evolvePerson } from './domain/person.evolve.js';
export { initialPersonState } from './domain/person.state.js';
export type {
  AccompanyingPerson,
  IdentifiedVictim,
  NoPerson,
  NotConfirmedPerson,
  PersonFacts,
  PersonOffTrack,
  PersonState,
  PersonStatus,
  PersonUnderIdentification,
  PresumedPerson,
  RegisteredPerson,
} from './domain/person.state.js';
export type * from './domain/person.events.js';
export type * from './domain/person.commands.js';
export { PersonErrors, type PersonErrorCode } from './domain/person.errors.js';
export {
  AGE_BANDS,
  IDENTIFICATION_STATUSES,
  PERSON_ROLES,
  initialIdentificationStatus,
  looksSealed,
  type AgeBand,
  type IdentificationStatus,
  type PersonRole,
} from './domain/person.values.js';
export { isIdentifiedVictim, isOnVictimTrack, personExists, sealedPersonalData } from './domain/person.selectors.js';
export { PERSON_CATEGORY, personStreamId } from './person-stream.js';
