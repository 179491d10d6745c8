import { newId, streamIdOf, zonedNow, type DomainEvent } from '#shared-kernel';
import type { EventStore, WriteContext } from '#event-store';
import { toNewEvents } from '#event-store';

/**
 * Who read personal data is itself part of the record (PDPL 91/2025; docs/domain.md, Confidentiality).
 * Each read of a subject's personal data appends one event to that subject's audit stream, in the
 * same hash-chained log as everything else, so an auditor can check it was not removed.
 */
export type PersonalDataRead = DomainEvent<
  'PersonalDataRead',
  { subjectKind: 'person' | 'exchange'; subjectId: string; caseId: string | null; purpose: string; via: string }
>;

export type HistoryReplayed = DomainEvent<'HistoryReplayed', { caseId: string; asOf: string; purpose: string | null }>;

export type StatisticsExported = DomainEvent<
  'StatisticsExported',
  { period: string; format: string; purpose: string | null; province?: string | null }
>;

export type AuditEvent = PersonalDataRead | HistoryReplayed | StatisticsExported;

export const AUDIT_CATEGORY = 'audit';
export const auditStreamId = (subjectId: string): string => streamIdOf(AUDIT_CATEGORY, subjectId);

/** Appends audit events; `any` revision because reads never conflict with each other. */
export async function recordAudit(
  store: EventStore,
  ctx: Pick<WriteContext, 'actor' | 'now' | 'correlationId'>,
  subjectId: string,
  events: readonly AuditEvent[],
  caseId?: string,
): Promise<void> {
  if (events.length === 0) return;
  const stamped = toNewEvents(
    events.map((e) => ({ ...e, data: { ...e.data, occurredAt: zonedNow(ctx.now) } })),
    { ...ctx, causationId: null },
    caseId,
  ).map((e) => ({ ...e, id: newId() }));
  await store.append([{ streamId: auditStreamId(subjectId), events: stamped, expectedRevision: 'any' }]);
}
