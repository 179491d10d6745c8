import type { CaseState, ExistingCase } from './case.state.js';

export const caseExists = (state: CaseState): state is ExistingCase => state.status !== 'none';

export const isCaseClosed = (state: CaseState): boolean => state.status === 'closed';

/**
 * Whether new records (persons, exchanges, verifications, handovers) may be created for the case.
 * The application checks this before the multi-stream append so it can refuse early; the
 * link commands enforce the same rule.
 */
export const caseAcceptsLinks = (state: CaseState): boolean => state.status !== 'none' && state.status !== 'closed';

/** Ids the application must look up to build a CloseCase command. */
export function closeCandidates(state: CaseState): {
  verificationIds: readonly string[];
  handoverIds: readonly string[];
} {
  return state.status === 'none'
    ? { verificationIds: [], handoverIds: [] }
    : { verificationIds: state.links.verificationIds, handoverIds: state.links.handoverIds };
}
