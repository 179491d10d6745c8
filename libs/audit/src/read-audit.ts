import {
  streamIdOf,
  zonedNow,
  type Decider,
  type DomainCommand,
  type DomainEvent,
  type ZonedInstant,
} from '#shared-kernel';
import { commandOf, handle, type EventStore, type WriteContext } from '#event-store';

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

/** Records what was read: the audit log decides nothing but stamps each read with its time. */
type RecordReads = DomainCommand<'RecordReads', { events: readonly AuditEvent[] }>;
/** An audit event as stored: with the instant of the read. */
type Stamped<E> = E extends DomainEvent<infer T, infer D> ? DomainEvent<T, D & { occurredAt: ZonedInstant }> : never;

const auditDecider: Decider<null, RecordReads, Stamped<AuditEvent>> = {
  initialState: null,
  decide: ({ data, meta }) =>
    data.events.map((e) => ({ ...e, data: { ...e.data, occurredAt: zonedNow(meta.now) } }) as Stamped<AuditEvent>),
  evolve: (state) => state,
};

/**
 * Appends audit events through the one write path. `any` concurrency: reads never conflict with
 * each other and the stream protects no invariant, so it is not loaded before the append. No
 * idempotency key and no If-Match: those belong to the request's own write, not to its audit.
 */
export async function recordAudit(
  store: EventStore,
  ctx: Pick<WriteContext, 'actor' | 'now' | 'correlationId'>,
  subjectId: string,
  events: readonly AuditEvent[],
  caseId?: string,
): Promise<void> {
  if (events.length === 0) return;
  const context: WriteContext = { actor: ctx.actor, now: ctx.now, correlationId: ctx.correlationId, causationId: null };
  await handle({
    store,
    decider: auditDecider,
    streamId: auditStreamId(subjectId),
    id: subjectId,
    command: commandOf<RecordReads>('RecordReads', { events }, context),
    ctx: context,
    concurrency: 'any',
    ...(caseId ? { caseId } : {}),
  });
}

/**
 * One read of a subject's personal data (a person's fields, a message's content), recorded on the
 * subject's audit stream and filed under its case. Every place that opens sealed data calls this
 * before it shows anything, so the audit trail has one shape whoever reads.
 */
export function recordPersonalDataRead(
  store: EventStore,
  ctx: Pick<WriteContext, 'actor' | 'now' | 'correlationId'>,
  read: PersonalDataRead['data'],
): Promise<void> {
  return recordAudit(store, ctx, read.subjectId, [{ type: 'PersonalDataRead', data: read }], read.caseId ?? undefined);
}
