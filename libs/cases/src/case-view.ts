import { localTimes } from '#shared-kernel';
import type { CaseClosure, CaseState } from './domain/case.state.js';

/**
 * The case as clients see it (GET /cases/{id}, and history as of T): the same shape whether
 * folded live or replayed, so a supervisor compares like with like.
 */
export interface CaseView {
  readonly id: string;
  readonly status: string;
  readonly channel: string;
  readonly province: string;
  readonly summary: string;
  readonly receivingUnit: string;
  readonly classification: string | null;
  readonly receivedAt: { at: string; offset: string; local: { vn: string; cn: string } };
  readonly resolution: string | null;
  readonly closure: CaseClosure | null;
  readonly reopenCount: number;
  /** Ids and roles only; names are added for those who may see them. */
  readonly persons: readonly { id: string; role: string }[];
  readonly exchangeIds: readonly string[];
  readonly verificationIds: readonly string[];
  readonly handoverIds: readonly string[];
  /** Revision of the case stream's last event folded. */
  readonly revision: string;
}

/** null when the case does not exist (or did not yet, at the replayed instant). */
export function caseView(state: CaseState, revision: bigint): CaseView | null {
  if (state.status === 'none') return null;
  return {
    id: state.caseId,
    status: state.status,
    channel: state.channel,
    province: state.province,
    summary: state.summary,
    receivingUnit: state.receivingUnit,
    classification: state.classification,
    receivedAt: { at: state.receivedAt.at, offset: state.receivedAt.offset, local: localTimes(state.receivedAt.at) },
    resolution:
      state.status === 'resolved' ? state.resolution : state.status === 'closed' ? state.closure.resolution : null,
    closure: state.status === 'closed' ? state.closure : null,
    reopenCount: state.reopenCount,
    persons: state.links.persons.map((p) => ({ id: p.personId, role: p.role })),
    exchangeIds: state.links.exchangeIds,
    verificationIds: state.links.verificationIds,
    handoverIds: state.links.handoverIds,
    revision: revision.toString(),
  };
}
