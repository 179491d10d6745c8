export { caseDecider } from './domain/case.decider.js';
export { decideCase } from './domain/case.decide.js';
export { evolveCase } from './domain/case.evolve.js';
export { initialCaseState, NO_LINKS } from './domain/case.state.js';
export type {
  CaseClosure,
  CaseFacts,
  CaseLinks,
  CaseState,
  CaseStatus,
  ClosedCase,
  ExistingCase,
  LinkedPerson,
  NoCase,
  OpenedCase,
  ReceivedCase,
  ReopenedCase,
  ResolvedCase,
} from './domain/case.state.js';
export type * from './domain/case.events.js';
export type * from './domain/case.commands.js';
export { CaseErrors, type CaseErrorCode } from './domain/case.errors.js';
export {
  BORDER_PROVINCES,
  CASE_CHANNELS,
  CASE_CLASSIFICATIONS,
  LINKED_PERSON_ROLES,
  type BorderProvince,
  type CaseChannel,
  type CaseClassification,
  type LinkedPersonRole,
} from './domain/case.values.js';
export { caseAcceptsLinks, caseExists, closeCandidates, isCaseClosed } from './domain/case.selectors.js';
export { CASE_CATEGORY, caseStreamId } from './case-stream.js';
export { caseView, type CaseView } from './case-view.js';
