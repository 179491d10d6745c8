import type { RecordedEvent, SqlClient } from '#event-store';
import { RowBatch, isNewer, type JsonRow } from '../statistics/row-batch.js';
import type { ZonedInstant } from '#shared-kernel';
import type { Projection, TableNamer } from '../projection.js';

/**
 * The clocks of the deadline board (docs/domain.md, Deadlines). The model
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
const ITEM_COLUMNS = {
  item_key: 'text',
  kind: 'text',
  parent_id: 'text',
  id: 'text',
  case_id: 'text',
  direction: 'text',
  state: 'text',
  started_at: 'timestamptz',
  due_at: 'timestamptz',
  acknowledged_at: 'timestamptz',
  position: 'bigint',
} as const;

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
     item_key text PRIMARY KEY,
     kind text NOT NULL,
     parent_id text NOT NULL,
     id text NOT NULL,
     case_id text,
     direction text,
     state text NOT NULL,
     started_at timestamptz NOT NULL,
     due_at timestamptz,
     acknowledged_at timestamptz,
     position bigint NOT NULL
   )`,
  `CREATE INDEX ${t('deadline_items')}_open ON ${t('deadline_items')} (case_id) WHERE state = 'open'`,
  `CREATE INDEX ${t('deadline_items')}_parent ON ${t('deadline_items')} (parent_id)`,
];

interface Item extends JsonRow {
  item_key: string;
  kind: DeadlineKind;
  parent_id: string;
  id: string;
  case_id: string | null;
  direction: string | null;
  state: 'open' | 'draft' | 'done';
  started_at: string;
  due_at: string | null;
  acknowledged_at: string | null;
  position: string;
}
interface CaseRow extends JsonRow {
  case_id: string;
  province: string;
  channel: string;
}
interface ParentRow extends JsonRow {
  id: string;
  case_id: string | null;
}

const itemKey = (kind: DeadlineKind, parentId: string, id: string): string => `${kind}|${parentId}|${id}`;

/** The rows of one batch. */
class Batch {
  readonly cases: RowBatch<CaseRow>;
  readonly parents: RowBatch<ParentRow>;
  readonly items: RowBatch<Item>;

  constructor(t: TableNamer) {
    this.cases = new RowBatch(t('deadline_cases'), 'case_id', { case_id: 'text', province: 'text', channel: 'text' });
    this.parents = new RowBatch(t('deadline_parents'), 'id', { id: 'text', case_id: 'text' });
    this.items = new RowBatch(t('deadline_items'), 'item_key', ITEM_COLUMNS);
  }

  /** (Re)starts a clock. Only a later event re-opens one (a new schedule after a postponement). */
  open(
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
  ): void {
    const key = itemKey(item.kind, item.parentId, item.id);
    const existing = this.items.get(key);
    if (existing && !isNewer(existing, e.position)) return;
    this.items.put({
      item_key: key,
      kind: item.kind,
      parent_id: item.parentId,
      id: item.id,
      case_id: item.caseId ?? existing?.case_id ?? this.parents.get(item.parentId)?.case_id ?? null,
      direction: item.direction ?? null,
      state: item.state,
      started_at: item.startedAt,
      due_at: item.dueAt,
      acknowledged_at: existing?.acknowledged_at ?? null,
      position: e.position.toString(),
    });
  }

  /** Changes live clocks (in the given states) that this event is newer than. */
  change(
    e: RecordedEvent,
    rows: readonly (Item | undefined)[],
    states: readonly Item['state'][],
    fn: (i: Item) => void,
  ): void {
    for (const row of rows) {
      if (!row || !states.includes(row.state) || !isNewer(row, e.position)) continue;
      fn(row);
      row.position = e.position.toString();
      this.items.touch(row);
    }
  }

  item(kind: DeadlineKind, parentId: string, id: string): Item | undefined {
    return this.items.get(itemKey(kind, parentId, id));
  }

  async flush(tx: SqlClient): Promise<void> {
    await this.cases.flush(tx);
    await this.parents.flush(tx);
    await this.items.flush(tx);
  }
}

const LIVE: readonly Item['state'][] = ['open', 'draft'];
const stop = (i: Item): void => {
  i.state = 'done';
};

/** Keys each event reads or writes, so the batch loads them with one statement per table. */
function keysOf(
  e: RecordedEvent,
  d: Data,
  keys: { cases: string[]; parents: string[]; items: string[]; threads: string[] },
): void {
  const type = e.type as HandledType;
  switch (type) {
    case 'ReportReceived':
      if (d.caseId) keys.cases.push(d.caseId);
      if (d.caseId) keys.items.push(itemKey('initial_verification', '', d.caseId));
      return;
    case 'CaseClassified':
    case 'CaseClosed':
      if (d.caseId) keys.items.push(itemKey('initial_verification', '', d.caseId));
      return;
    case 'VerificationRequested':
      if (d.caseId) keys.items.push(itemKey('initial_verification', '', d.caseId));
      if (d.verificationId) keys.items.push(itemKey('verification_reply', '', d.verificationId));
      return;
    case 'VerificationExtended':
    case 'VerificationAnsweredConfirmed':
    case 'VerificationAnsweredNotConfirmed':
    case 'VerificationAnsweredInconclusive':
    case 'VerificationWithdrawn':
      if (d.verificationId) keys.items.push(itemKey('verification_reply', '', d.verificationId));
      return;
    case 'ExchangeOpened':
      if (d.exchangeId) keys.parents.push(d.exchangeId);
      return;
    case 'MessageLogged':
    case 'DraftSent':
    case 'DraftDiscarded':
    case 'MessageAcknowledged':
    case 'MessageAnswered':
      if (d.exchangeId) keys.parents.push(d.exchangeId);
      if (d.exchangeId && d.messageId) keys.items.push(itemKey('message_reply', d.exchangeId, d.messageId));
      return;
    case 'ExchangeClosed':
      if (d.exchangeId) keys.threads.push(d.exchangeId);
      return;
    case 'HandoverProposed':
    case 'HandoverScheduled':
    case 'HandoverPostponed':
    case 'HandoverCancelled':
    case 'HandoverConducted':
      if (d.handoverId) keys.parents.push(d.handoverId);
      if (d.handoverId) keys.items.push(itemKey('handover_confirmation', d.handoverId, d.handoverId));
      return;
    case 'PersonReceived':
    case 'OnwardTransferRecorded':
      if (d.handoverId) keys.parents.push(d.handoverId);
      if (d.handoverId && d.personId) keys.items.push(itemKey('onward_transfer', d.handoverId, d.personId));
      return;
    default:
      return;
  }
}

function apply(b: Batch, e: RecordedEvent): void {
  const d = e.data as Data;
  const at = d.occurredAt?.at ?? e.metadata.occurredAt.at;
  const type = e.type as HandledType;
  switch (type) {
    case 'ReportReceived':
      if (!d.caseId || !d.province || !d.channel) return;
      b.cases.insert({ case_id: d.caseId, province: d.province, channel: d.channel });
      if (d.channel === 'self_report')
        b.open(e, {
          kind: 'initial_verification',
          parentId: '',
          id: d.caseId,
          caseId: d.caseId,
          state: 'open',
          startedAt: at,
          dueAt: null,
        });
      return;
    // Law 53/2024 Art. 27: the initial verification is done once the screening has an outcome
    // (the case is classified) or a verification was asked for on the case; a dismissed signal
    // (closed) stops it too.
    case 'CaseClassified':
    case 'CaseClosed':
      if (d.caseId) b.change(e, [b.item('initial_verification', '', d.caseId)], LIVE, stop);
      return;
    case 'VerificationRequested':
      if (!d.verificationId || !d.caseId || !d.dueAt) return;
      b.open(e, {
        kind: 'verification_reply',
        parentId: '',
        id: d.verificationId,
        caseId: d.caseId,
        direction: d.direction ?? null,
        state: 'open',
        startedAt: at,
        dueAt: d.dueAt.at,
      });
      b.change(e, [b.item('initial_verification', '', d.caseId)], LIVE, stop);
      return;
    case 'VerificationExtended':
      if (d.verificationId && d.newDueAt) {
        const due = d.newDueAt.at;
        b.change(e, [b.item('verification_reply', '', d.verificationId)], LIVE, (i) => {
          i.due_at = due;
        });
      }
      return;
    case 'VerificationAnsweredConfirmed':
    case 'VerificationAnsweredNotConfirmed':
    case 'VerificationAnsweredInconclusive':
    case 'VerificationWithdrawn':
      if (d.verificationId) b.change(e, [b.item('verification_reply', '', d.verificationId)], LIVE, stop);
      return;
    case 'ExchangeOpened':
      if (d.exchangeId) b.parents.insert({ id: d.exchangeId, case_id: d.caseIds?.[0] ?? e.metadata.caseId ?? null });
      return;
    case 'MessageLogged':
      if (!d.exchangeId || !d.messageId || d.direction !== 'outgoing') return;
      // Our reply to their message closes a round and waits for nothing, unless we set a due time.
      if (d.inReplyTo && !d.responseDueAt) return;
      b.open(e, {
        kind: 'message_reply',
        parentId: d.exchangeId,
        id: d.messageId,
        caseId: null,
        direction: 'outgoing',
        state: d.draft ? 'draft' : 'open',
        startedAt: at,
        dueAt: d.responseDueAt?.at ?? null,
      });
      return;
    case 'DraftSent':
      // The reply clock starts when the draft actually goes out.
      if (d.exchangeId && d.messageId)
        b.change(e, [b.item('message_reply', d.exchangeId, d.messageId)], ['draft'], (i) => {
          i.state = 'open';
          i.started_at = at;
        });
      return;
    case 'DraftDiscarded':
    case 'MessageAnswered':
      if (d.exchangeId && d.messageId) b.change(e, [b.item('message_reply', d.exchangeId, d.messageId)], LIVE, stop);
      return;
    case 'MessageAcknowledged':
      if (d.exchangeId && d.messageId)
        b.change(e, [b.item('message_reply', d.exchangeId, d.messageId)], LIVE, (i) => {
          i.acknowledged_at ??= at;
        });
      return;
    case 'ExchangeClosed': {
      // A closed thread waits for nothing (the exchange domain's overdue rule).
      const thread = d.exchangeId;
      if (thread)
        b.change(
          e,
          b.items.filter((i) => i.kind === 'message_reply' && i.parent_id === thread),
          LIVE,
          stop,
        );
      return;
    }
    case 'HandoverProposed':
      if (d.handoverId) b.parents.insert({ id: d.handoverId, case_id: d.caseId ?? e.metadata.caseId ?? null });
      return;
    case 'HandoverScheduled':
      if (d.handoverId && d.scheduledAt)
        b.open(e, {
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
      if (d.handoverId) b.change(e, [b.item('handover_confirmation', d.handoverId, d.handoverId)], LIVE, stop);
      return;
    case 'PersonReceived':
      if (d.handoverId && d.personId)
        b.open(e, {
          kind: 'onward_transfer',
          parentId: d.handoverId,
          id: d.personId,
          caseId: null,
          state: 'open',
          startedAt: at,
          dueAt: null,
        });
      return;
    case 'OnwardTransferRecorded':
      if (d.handoverId && d.personId) b.change(e, [b.item('onward_transfer', d.handoverId, d.personId)], LIVE, stop);
      return;
    default:
      return; // not one of ours: the runner filters by eventTypes, so this is a safety net
  }
}

async function applyBatch(tx: SqlClient, events: readonly RecordedEvent[], t: TableNamer): Promise<void> {
  const keys = { cases: [] as string[], parents: [] as string[], items: [] as string[], threads: [] as string[] };
  for (const e of events) keysOf(e, e.data as Data, keys);
  const b = new Batch(t);
  await b.cases.load(tx, keys.cases);
  await b.parents.load(tx, keys.parents);
  await b.items.load(tx, keys.items);
  await b.items.loadWhere(tx, 'parent_id', keys.threads);
  for (const e of events) apply(b, e);
  await b.flush(tx);
}

export const deadlinesProjection: Projection = {
  name: 'deadlines',
  version: 1,
  tables: ['deadline_cases', 'deadline_parents', 'deadline_items'],
  eventTypes: new Set<string>(TYPES),
  createTables: DDL,
  applyBatch,
};
