import { streamIdOf } from '#shared-kernel';

export { verificationDecider } from './domain/verification.decider.js';
export { decideVerification } from './domain/verification.decide.js';
export { evolveVerification } from './domain/verification.evolve.js';
export { initialVerificationState } from './domain/verification.state.js';
export type {
  AnsweredVerification,
  DraftVerification,
  ExistingVerification,
  ExtendedVerification,
  NoVerification,
  OpenVerification,
  RequestedVerification,
  VerificationExtension,
  VerificationFacts,
  VerificationRelease,
  VerificationState,
  VerificationStatus,
  WithdrawnVerification,
} from './domain/verification.state.js';
export type * from './domain/verification.events.js';
export type * from './domain/verification.commands.js';
export { VerificationErrors, type VerificationErrorCode } from './domain/verification.errors.js';
export {
  VERIFICATION_DIRECTIONS,
  VERIFICATION_RESULTS,
  VERIFICATION_SUBJECTS,
  type VerificationDirection,
  type VerificationResult,
  type VerificationSubject,
} from './domain/verification.values.js';
export {
  answerOwedBy,
  isVerificationOpen,
  isVerificationOverdue,
  openVerificationDueAt,
  verificationExists,
} from './domain/verification.selectors.js';

export const VERIFICATION_CATEGORY = 'verification';
export const verificationStreamId = (verificationId: string): string =>
  streamIdOf(VERIFICATION_CATEGORY, verificationId);
