import type { ZonedInstant } from '#shared-kernel';
import type { ExistingVerification, OpenVerification, VerificationState } from './verification.state.js';

export const verificationExists = (state: VerificationState): state is ExistingVerification => state.status !== 'none';

/** Still waiting for an answer: what blocks closing the case without a supervisor's override. */
export const isVerificationOpen = (state: VerificationState): state is OpenVerification =>
  state.status === 'requested' || state.status === 'extended';

/** The due time in force while the request is open, else null (nothing left to chase). */
export const openVerificationDueAt = (state: VerificationState): ZonedInstant | null =>
  isVerificationOpen(state) ? state.dueAt : null;

/** "Overdue" is derived, never stored: open and due strictly before `now`. */
export const isVerificationOverdue = (state: VerificationState, now: Date): boolean =>
  isVerificationOpen(state) && Date.parse(state.dueAt.at) < now.getTime();

/** Who owes the answer: the counterpart for our requests, we for theirs. */
export const answerOwedBy = (state: VerificationState): 'counterpart' | 'us' | null =>
  isVerificationOpen(state) ? (state.direction === 'outgoing' ? 'counterpart' : 'us') : null;
