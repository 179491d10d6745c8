import type { RecordedEvent, SqlClient } from '#event-store';
import type { ZonedInstant } from '#shared-kernel';
import type { Projection, TableNamer } from '../projection.js';

/**
 * The clocks of the deadline board (domain.md, "Deadlines the service must track"). The model
 * stores only facts: when each clock started and the due instant a user declared, if any. Limits
 * that come from configuration are applied at query time, so changing one needs no rebuild, and
 * "overdue" is never stored: it depends on `now`.
 */
export const DEADLINE_KINDS = [
  /** A verification request not yet answered or withdrawn (either direction). */
  'verification_reply',
  /** An outgoing message the counterpart has not replied to (acknowledging does not stop it). */
  'message_reply',
  /** A scheduled handover the border guard has not confirmed yet. */
  'handover_confirmation',
  /** A person received at the border without an onward transfer. */
  'onward_transfer',
  /** The 3-day initial verification after a self-report (Law 53/2024 Art. 27). */
  'initial_verification',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

const TYPES = [
  'ReportReceived',
  'CaseClassified',
  'CaseClosed',
  'VerificationRequested',
  'VerificationExtended',
  'VerificationAnsweredConfirmed',
  'VerificationAnsweredNotConfirmed',
  'VerificationAnsweredInconclusive',
  'VerificationWithdrawn',
  'ExchangeOpened',
  'MessageLogged',
  'DraftSent',
  'DraftDiscarded',
  'MessageAcknowledged',
  'MessageAnswered',
  'ExchangeClosed',
  'HandoverProposed',
  'HandoverScheduled',
  'HandoverPostponed',
  'HandoverCancelled',
  'HandoverConducted',
  'PersonReceived',
  'OnwardTransferRecorded',
] as const;
type HandledType = (typeof TYPES)[number];

// Only the fields the board reads; the domain event types are the authority on the rest.
type Data = {
  caseId?: string;
  caseIds?: readonly string[];
  channel?: string;
  province?: string;
  verificationId?: string;
  exchangeId?: string;
  messageId?: string;
  handoverId?: string;
  personId?: string;
  direction?: string;
  draft?: boolean;
  dueAt?: ZonedInstant;
  newDueAt?: ZonedInstant;
  responseDueAt?: ZonedInstant;
  inReplyTo?: string;
  scheduledAt?: ZonedInstant;
  occurredAt?: ZonedInstant;
};

/** Clock states: a draft message has not started its clock; `done` stopped it for good. */
const DDL = (t: TableNamer): string[] => [
  `CREATE TABLE ${t('deadline_cases')} (
     case_id text PRIMARY KEY,
     province text NOT NULL,
     channel text NOT NULL
   )`,
  `CREATE TABLE ${t('deadline_parents')} (
     id text PRIMARY KEY,
     case_id text
   )`,
  `CREATE TABLE ${t('deadline_items')} (
     kind text NOT NULL,
     parent_id text NOT NULL,
     id text NOT NULL,
     case_id text,
     direction text,
     state text NOT NULL,
     started_at timestamptz NOT NULL,
     due_at timestamptz,
     acknowledged_at timestamptz,
     position bigint NOT NULL,
     PRIMARY KEY (kind, parent_id, id)
   )`,
  `CREATE INDEX ${t('deadline_items')}_open ON ${t('deadline_items')} (case_id) WHERE state = 'open'`,
];

async function upsertItem(
  tx: SqlClient,
  t: TableNamer,
  e: RecordedEvent,
  item: {
    kind: DeadlineKind;
    parentId: string;
    id: string;
    caseId: string | null;
    direction?: string | null;
    state: 'open' | 'draft';
    startedAt: string;
    dueAt: string | null;
  },
): Promise<void> {
  // Re-opens an item only with a later event (a new schedule after a postponement); a replayed
  // older event finds a row with a higher position and changes nothing.
  await tx.query(
    `INSERT INTO ${t('deadline_items')} (kind, parent_id, id, case_id, direction, state, started_at, due_at, position)
     VALUES ($1, $2, $3, COALESCE($4, (SELECT case_id FROM ${t('deadline_parents')} WHERE id = $2)), $5, $6, $7, $8, $9)
     ON CONFLICT (kind, parent_id, id) DO UPDATE
       SET state = EXCLUDED.state, started_at = EXCLUDED.started_at, due_at = EXCLUDED.due_at,
           position = EXCLUDED.position
       WHERE ${t('deadline_items')}.position < EXCLUDED.position`,
    [
      item.kind,
      item.parentId,
      item.id,
      item.caseId,
      item.direction ?? null,
      item.state,
      item.startedAt,
      item.dueAt,
      e.position.toString(),
    ],
  );
}

/** Moves matching items forward; `set` is a SQL assignment list using $1 = position, then extra params. */
async function updateItems(
  tx: SqlClient,
  t: TableNamer,
  e: RecordedEvent,
  where: { kind?: DeadlineKind; parentId?: string; id?: string; states: readonly string[] },
  set: string,
  extra: readonly unknown[] = [],
): Promise<void> {
  const params: unknown[] = [e.position.toString(), ...extra];
  const conditions = ['position < $1', `state = ANY($${params.push(where.states)}::text[])`];
  if (where.kind) conditions.push(`kind = $${params.push(where.kind)}`);
  if (where.parentId !== undefined) conditions.push(`parent_id = $${params.push(where.parentId)}`);
  if (where.id !== undefined) conditions.push(`id = $${params.push(where.id)}`);
  await tx.query(`UPDATE ${t('deadline_items')} SET ${set}, position = $1 WHERE ${conditions.join(' AND ')}`, params);
}

const LIVE = ['open', 'draft'] as const;
const stop = (
  tx: SqlClient,
  t: TableNamer,
  e: RecordedEvent,
  where: { kind: DeadlineKind; parentId?: string; id?: string },
) => updateItems(tx, t, e, { ...where, states: LIVE }, `state = 'done'`);

async function apply(tx: SqlClient, e: RecordedEvent, t: TableNamer): Promise<void> {
  const d = e.data as Data;
  const at = e.metadata.occurredAt.at;
  const type = e.type as HandledType;
  switch (type) {
    case 'ReportReceived':
      if (!d.caseId || !d.province || !d.channel) return;
      await tx.query(
        `INSERT INTO ${t('deadline_cases')} (case_id, province, channel) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
        [d.caseId, d.province, d.channel],
      );
      if (d.channel === 'self_report')
        await upsertItem(tx, t, e, {
          kind: 'initial_verification',
          parentId: '',
          id: d.caseId,
          caseId: d.caseId,
          state: 'open',
          startedAt: d.occurredAt?.at ?? at,
          dueAt: null,
        });
      return;
    // The initial verification is done once the screening has an outcome (the case is
    // classified) or a verification was asked for on the case; a dismissed signal stops it too.
    case 'CaseClassified':
    case 'CaseClosed':
      if (d.caseId) await stop(tx, t, e, { kind: 'initial_verification', parentId: '', id: d.caseId });
      return;
    case 'VerificationRequested':
      if (!d.verificationId || !d.caseId || !d.dueAt) return;
      await upsertItem(tx, t, e, {
        kind: 'verification_reply',
        parentId: '',
        id: d.verificationId,
        caseId: d.caseId,
        direction: d.direction ?? null,
        state: 'open',
        startedAt: d.occurredAt?.at ?? at,
        dueAt: d.dueAt.at,
      });
      await stop(tx, t, e, { kind: 'initial_verification', parentId: '', id: d.caseId });
      return;
    case 'VerificationExtended':
      if (d.verificationId && d.newDueAt)
        await updateItems(
          tx,
          t,
          e,
          { kind: 'verification_reply', parentId: '', id: d.verificationId, states: LIVE },
          'due_at = $2',
          [d.newDueAt.at],
        );
      return;
    case 'VerificationAnsweredConfirmed':
    case 'VerificationAnsweredNotConfirmed':
    case 'VerificationAnsweredInconclusive':
    case 'VerificationWithdrawn':
      if (d.verificationId) await stop(tx, t, e, { kind: 'verification_reply', parentId: '', id: d.verificationId });
      return;
    case 'ExchangeOpened':
      if (d.exchangeId)
        await tx.query(`INSERT INTO ${t('deadline_parents')} (id, case_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
          d.exchangeId,
          d.caseIds?.[0] ?? e.metadata.caseId ?? null,
        ]);
      return;
    case 'MessageLogged':
      if (!d.exchangeId || !d.messageId || d.direction !== 'outgoing') return;
      // Our reply to their message closes a round and waits for nothing, unless we set a due time.
      if (d.inReplyTo && !d.responseDueAt) return;
      await upsertItem(tx, t, e, {
        kind: 'message_reply',
        parentId: d.exchangeId,
        id: d.messageId,
        caseId: null,
        direction: 'outgoing',
        state: d.draft ? 'draft' : 'open',
        startedAt: d.occurredAt?.at ?? at,
        dueAt: d.responseDueAt?.at ?? null,
      });
      return;
    case 'DraftSent':
      // The reply clock starts when the draft actually goes out.
      if (d.exchangeId && d.messageId)
        await updateItems(
          tx,
          t,
          e,
          { kind: 'message_reply', parentId: d.exchangeId, id: d.messageId, states: ['draft'] },
          `state = 'open', started_at = $2`,
          [d.occurredAt?.at ?? at],
        );
      return;
    case 'DraftDiscarded':
    case 'MessageAnswered':
      if (d.exchangeId && d.messageId)
        await stop(tx, t, e, { kind: 'message_reply', parentId: d.exchangeId, id: d.messageId });
      return;
    case 'MessageAcknowledged':
      if (d.exchangeId && d.messageId)
        await updateItems(
          tx,
          t,
          e,
          { kind: 'message_reply', parentId: d.exchangeId, id: d.messageId, states: LIVE },
          'acknowledged_at = COALESCE(acknowledged_at, $2)',
          [d.occurredAt?.at ?? at],
        );
      return;
    case 'ExchangeClosed':
      // A closed thread waits for nothing (the exchange domain's overdue rule).
      if (d.exchangeId) await stop(tx, t, e, { kind: 'message_reply', parentId: d.exchangeId });
      return;
    case 'HandoverProposed':
      if (d.handoverId)
        await tx.query(`INSERT INTO ${t('deadline_parents')} (id, case_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
          d.handoverId,
          d.caseId ?? e.metadata.caseId ?? null,
        ]);
      return;
    case 'HandoverScheduled':
      if (d.handoverId && d.scheduledAt)
        await upsertItem(tx, t, e, {
          kind: 'handover_confirmation',
          parentId: d.handoverId,
          id: d.handoverId,
          caseId: null,
          state: 'open',
          startedAt: d.scheduledAt.at,
          dueAt: null,
        });
      return;
    // Postponed without a new time: nothing is due until it is scheduled again (a new clock).
    case 'HandoverPostponed':
    case 'HandoverCancelled':
    case 'HandoverConducted':
      if (d.handoverId) await stop(tx, t, e, { kind: 'handover_confirmation', parentId: d.handoverId });
      return;
    case 'PersonReceived':
      if (d.handoverId && d.personId)
        await upsertItem(tx, t, e, {
          kind: 'onward_transfer',
          parentId: d.handoverId,
          id: d.personId,
          caseId: null,
          state: 'open',
          startedAt: d.occurredAt?.at ?? at,
          dueAt: null,
        });
      return;
    case 'OnwardTransferRecorded':
      if (d.handoverId && d.personId)
        await stop(tx, t, e, { kind: 'onward_transfer', parentId: d.handoverId, id: d.personId });
      return;
    default:
      return; // not one of ours: the runner filters by eventTypes, so this is a safety net
  }
}

export const deadlinesProjection: Projection = {
  name: 'deadlines',
  version: 1,
  tables: ['deadline_cases', 'deadline_parents', 'deadline_items'],
  eventTypes: new Set<string>(TYPES),
  createTables: DDL,
  apply,
};
