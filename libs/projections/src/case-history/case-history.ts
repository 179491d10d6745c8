import {
  caseStreamId,
  caseView,
  evolveCase,
  initialCaseState,
  type CaseEvent,
  type CaseState,
  type CaseView,
} from '#cases';
import { readCurrent, type EventStore, type SqlClient } from '#event-store';
import { timelineOf, type TimelineEntry } from '../case-timeline/timeline.queries.js';

/** The case as a supervisor would have seen it: the same fields as GET /cases/{id}. */
export type CaseStateView = CaseView;

export interface CaseHistory {
  /** null when the case had not been recorded yet at that instant. */
  readonly state: CaseStateView | null;
  readonly timeline: readonly TimelineEntry[];
}

export const caseStateView = caseView;

/**
 * Replay "as of T" (docs/architecture.md, A read): the state is the fold of exactly the case
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
  for await (const e of readCurrent(store, caseStreamId(caseId))) {
    exists = true;
    if (Date.parse(e.metadata.recordedAt) > limit) continue;
    state = evolveCase(state, { type: e.type, data: e.data } as CaseEvent);
    revision = e.revision;
  }
  if (!exists) return null;
  return { state: caseStateView(state, revision), timeline: await timelineOf(sql, caseId, asOf) };
}
