import { caseStreamId, evolveCase, initialCaseState, type CaseEvent, type CaseState } from '#cases';
import type { EventStore, SqlClient } from '#event-store';
import { localTimes } from '#shared-kernel';
import { timelineOf, type TimelineEntry } from '../case-timeline/timeline.queries.js';

/** The case as a supervisor would have seen it: the same fields as GET /cases/{id}. */
export interface CaseStateView {
  readonly id: string;
  readonly status: string;
  readonly channel: string;
  readonly province: string;
  readonly summary: string;
  readonly receivingUnit: string;
  readonly classification: string | null;
  readonly receivedAt: { at: string; offset: string; local: { vn: string; cn: string } };
  readonly resolution: string | null;
  readonly closure: unknown;
  readonly reopenCount: number;
  readonly persons: readonly { id: string; role: string }[];
  readonly exchangeIds: readonly string[];
  readonly verificationIds: readonly string[];
  readonly handoverIds: readonly string[];
  /** Revision of the case stream's last event at that instant. */
  readonly revision: string;
}

export interface CaseHistory {
  /** null when the case had not been recorded yet at that instant. */
  readonly state: CaseStateView | null;
  readonly timeline: readonly TimelineEntry[];
}

export function caseStateView(state: CaseState, revision: bigint): CaseStateView | null {
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

/**
 * Replay "as of T" (architecture.md, Reading): the state is the fold of exactly the case
 * stream's events recorded at or before T, read from the log itself; the timeline is the
 * projection's entries recorded at or before T (the caller first makes sure the projection
 * reached the head). Filtered, not cut off at the first later event: two servers' clocks may
 * interleave recording times slightly out of position order.
 * Returns null when the case does not exist at all.
 */
export async function caseHistory(
  store: EventStore,
  sql: SqlClient,
  caseId: string,
  asOf: Date,
): Promise<CaseHistory | null> {
  const limit = asOf.getTime();
  let state: CaseState = initialCaseState;
  let revision = -1n;
  let exists = false;
  for await (const e of store.readStream(caseStreamId(caseId))) {
    exists = true;
    if (Date.parse(e.metadata.recordedAt) > limit) continue;
    state = evolveCase(state, { type: e.type, data: e.data } as CaseEvent);
    revision = e.revision;
  }
  if (!exists) return null;
  return { state: caseStateView(state, revision), timeline: await timelineOf(sql, caseId, asOf) };
}
