import type { RecordedEvent, SqlClient } from '#event-store';
import { RowBatch, isNewer, type JsonRow } from '../statistics/row-batch.js';
import type { CaseEvent } from '#cases';
import type { ExchangeEvent } from '#exchanges';
import type { HandoverEvent } from '#handovers';
import type { PersonEvent } from '#persons';
import type { ZonedInstant } from '#shared-kernel';
import type { VerificationEvent } from '#verifications';
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
  /** A victim's referral the receiving service has not accepted or declined yet (issue 10). */
  'referral_answer',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/**
 * The events the board reads, typed by the domain's own unions: renaming a field in a domain
 * event breaks this file at compile time, not the board at run time.
 */
type BoardEvent = Extract<
  CaseEvent | VerificationEvent | ExchangeEvent | HandoverEvent | PersonEvent,
  { type: (typeof HANDLED)[number] }
>;
type DataOf<T extends BoardEvent['type']> = Extract<BoardEvent, { type: T }>['data'];

const HANDLED = [
  'ReportReceived',
  'CaseClassified',
  'CaseClosed',
  'VerificationRequested',
  'VerificationExtended',
  'VerificationAnsweredConfirmed',
  'VerificationAnsweredNotConfirmed',
  'VerificationAnsweredInconclusive',
  'VerificationWithdrawn',
  'VerificationPriorityChanged',
  'ExchangeOpened',
  'ExchangePriorityChanged',
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
  'ReferralMade',
  'ReferralAccepted',
  'ReferralDeclined',
] as const;
type HandledType = (typeof HANDLED)[number];

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
  /** A verification request's own priority; a message's is its thread's (deadline_parents). */
  priority: 'text',
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
     case_id text,
     priority text,
     position bigint
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
     priority text,
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
  priority: string | null;
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
  /** An exchange's priority (null for handovers); `position` of the event that set it. */
  priority: string | null;
  position: string | null;
}

const itemKey = (kind: DeadlineKind, parentId: string, id: string): string => `${kind}|${parentId}|${id}`;

/** The rows of one batch. */
class Batch {
  readonly cases: RowBatch<CaseRow>;
  readonly parents: RowBatch<ParentRow>;
  readonly items: RowBatch<Item>;

  constructor(t: TableNamer) {
    this.cases = new RowBatch(t('deadline_cases'), 'case_id', { case_id: 'text', province: 'text', channel: 'text' });
    this.parents = new RowBatch(t('deadline_parents'), 'id', {
      id: 'text',
      case_id: 'text',
      priority: 'text',
      position: 'bigint',
    });
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
      priority?: string | null;
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
      priority: item.priority ?? null,
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

interface Keys {
  readonly cases: string[];
  readonly parents: string[];
  readonly items: string[];
  readonly threads: string[];
}

/**
 * What the board does with one event type: the keys it reads or writes (so a batch loads them
 * with one statement per table) and the change itself. One entry per type, both halves side by
 * side, so they cannot drift apart; the mapped type makes a missing type a compile error.
 */
interface Rule<D> {
  keys(d: D, k: Keys): void;
  apply(b: Batch, e: RecordedEvent, d: D, at: string): void;
}

// Law 53/2024 Art. 27: the initial verification is done once the screening has an outcome (the
// case is classified) or a verification was asked for on the case; a dismissed signal (closed)
// stops it too.
const endsInitialVerification: Rule<DataOf<'CaseClassified' | 'CaseClosed'>> = {
  keys: (d, k) => k.items.push(itemKey('initial_verification', '', d.caseId)),
  apply: (b, e, d) => b.change(e, [b.item('initial_verification', '', d.caseId)], LIVE, stop),
};

const endsVerificationReply: Rule<
  DataOf<
    | 'VerificationAnsweredConfirmed'
    | 'VerificationAnsweredNotConfirmed'
    | 'VerificationAnsweredInconclusive'
    | 'VerificationWithdrawn'
  >
> = {
  keys: (d, k) => k.items.push(itemKey('verification_reply', '', d.verificationId)),
  apply: (b, e, d) => b.change(e, [b.item('verification_reply', '', d.verificationId)], LIVE, stop),
};

const messageKeys = (d: { exchangeId: string; messageId: string }, k: Keys): void => {
  k.parents.push(d.exchangeId);
  k.items.push(itemKey('message_reply', d.exchangeId, d.messageId));
};

const endsMessageReply: Rule<DataOf<'DraftDiscarded' | 'MessageAnswered'>> = {
  keys: messageKeys,
  apply: (b, e, d) => b.change(e, [b.item('message_reply', d.exchangeId, d.messageId)], LIVE, stop),
};

const handoverKeys = (d: { handoverId: string }, k: Keys): void => {
  k.parents.push(d.handoverId);
  k.items.push(itemKey('handover_confirmation', d.handoverId, d.handoverId));
};

// Postponed without a new time: nothing is due until it is scheduled again (a new clock).
const endsHandoverConfirmation: Rule<DataOf<'HandoverPostponed' | 'HandoverCancelled' | 'HandoverConducted'>> = {
  keys: handoverKeys,
  apply: (b, e, d) => b.change(e, [b.item('handover_confirmation', d.handoverId, d.handoverId)], LIVE, stop),
};

const transferKeys = (d: { handoverId: string; personId: string }, k: Keys): void => {
  k.parents.push(d.handoverId);
  k.items.push(itemKey('onward_transfer', d.handoverId, d.personId));
};

const referralKeys = (d: { personId: string; referralId: string }, k: Keys): void => {
  k.items.push(itemKey('referral_answer', d.personId, d.referralId));
};

// The clock stops at the service's answer either way; a completion comes later and stops nothing.
const endsReferralAnswer: Rule<DataOf<'ReferralAccepted' | 'ReferralDeclined'>> = {
  keys: referralKeys,
  apply: (b, e, d) => b.change(e, [b.item('referral_answer', d.personId, d.referralId)], LIVE, stop),
};

const RULES: { readonly [T in HandledType]: Rule<DataOf<T>> } = {
  ReportReceived: {
    keys: (d, k) => {
      k.cases.push(d.caseId);
      k.items.push(itemKey('initial_verification', '', d.caseId));
    },
    apply: (b, e, d, at) => {
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
    },
  },
  CaseClassified: endsInitialVerification,
  CaseClosed: endsInitialVerification,
  VerificationRequested: {
    keys: (d, k) => {
      k.items.push(itemKey('initial_verification', '', d.caseId));
      k.items.push(itemKey('verification_reply', '', d.verificationId));
    },
    apply: (b, e, d, at) => {
      b.open(e, {
        kind: 'verification_reply',
        parentId: '',
        id: d.verificationId,
        caseId: d.caseId,
        direction: d.direction,
        state: 'open',
        startedAt: at,
        dueAt: d.dueAt.at,
        priority: d.priority ?? 'normal',
      });
      b.change(e, [b.item('initial_verification', '', d.caseId)], LIVE, stop);
    },
  },
  VerificationExtended: {
    keys: (d, k) => k.items.push(itemKey('verification_reply', '', d.verificationId)),
    apply: (b, e, d) =>
      b.change(e, [b.item('verification_reply', '', d.verificationId)], LIVE, (i) => {
        i.due_at = d.newDueAt.at;
      }),
  },
  VerificationPriorityChanged: {
    keys: (d, k) => k.items.push(itemKey('verification_reply', '', d.verificationId)),
    apply: (b, e, d) =>
      b.change(e, [b.item('verification_reply', '', d.verificationId)], LIVE, (i) => {
        i.priority = d.priority;
      }),
  },
  VerificationAnsweredConfirmed: endsVerificationReply,
  VerificationAnsweredNotConfirmed: endsVerificationReply,
  VerificationAnsweredInconclusive: endsVerificationReply,
  VerificationWithdrawn: endsVerificationReply,
  ExchangeOpened: {
    keys: (d, k) => k.parents.push(d.exchangeId),
    apply: (b, e, d) =>
      b.parents.insert({
        id: d.exchangeId,
        case_id: d.caseIds[0] ?? e.metadata.caseId ?? null,
        priority: d.priority ?? 'normal',
        position: e.position.toString(),
      }),
  },
  // The thread's messages waiting for a reply are due by the new priority's limit from now on: the
  // board applies the limit of the thread's priority at query time.
  ExchangePriorityChanged: {
    keys: (d, k) => k.parents.push(d.exchangeId),
    apply: (b, e, d) => {
      const thread = b.parents.get(d.exchangeId);
      if (!thread || (thread.position !== null && BigInt(thread.position) >= e.position)) return;
      thread.priority = d.priority;
      thread.position = e.position.toString();
      b.parents.touch(thread);
    },
  },
  MessageLogged: {
    keys: messageKeys,
    apply: (b, e, d, at) => {
      if (d.direction !== 'outgoing') return;
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
    },
  },
  // The reply clock starts when the draft actually goes out.
  DraftSent: {
    keys: messageKeys,
    apply: (b, e, d, at) =>
      b.change(e, [b.item('message_reply', d.exchangeId, d.messageId)], ['draft'], (i) => {
        i.state = 'open';
        i.started_at = at;
      }),
  },
  DraftDiscarded: endsMessageReply,
  MessageAnswered: endsMessageReply,
  MessageAcknowledged: {
    keys: messageKeys,
    apply: (b, e, d, at) =>
      b.change(e, [b.item('message_reply', d.exchangeId, d.messageId)], LIVE, (i) => {
        i.acknowledged_at ??= at;
      }),
  },
  // A closed thread waits for nothing (the exchange domain's overdue rule).
  ExchangeClosed: {
    keys: (d, k) => k.threads.push(d.exchangeId),
    apply: (b, e, d) =>
      b.change(
        e,
        b.items.filter((i) => i.kind === 'message_reply' && i.parent_id === d.exchangeId),
        LIVE,
        stop,
      ),
  },
  HandoverProposed: {
    keys: (d, k) => k.parents.push(d.handoverId),
    apply: (b, e, d) => b.parents.insert({ id: d.handoverId, case_id: d.caseId, priority: null, position: null }),
  },
  HandoverScheduled: {
    keys: handoverKeys,
    apply: (b, e, d) =>
      b.open(e, {
        kind: 'handover_confirmation',
        parentId: d.handoverId,
        id: d.handoverId,
        caseId: null,
        state: 'open',
        startedAt: d.scheduledAt.at,
        dueAt: null,
      }),
  },
  HandoverPostponed: endsHandoverConfirmation,
  HandoverCancelled: endsHandoverConfirmation,
  HandoverConducted: endsHandoverConfirmation,
  PersonReceived: {
    keys: transferKeys,
    apply: (b, e, d, at) =>
      b.open(e, {
        kind: 'onward_transfer',
        parentId: d.handoverId,
        id: d.personId,
        caseId: null,
        state: 'open',
        startedAt: at,
        dueAt: null,
      }),
  },
  OnwardTransferRecorded: {
    keys: transferKeys,
    apply: (b, e, d) => b.change(e, [b.item('onward_transfer', d.handoverId, d.personId)], LIVE, stop),
  },
  ReferralMade: {
    keys: referralKeys,
    apply: (b, e, d, at) =>
      b.open(e, {
        kind: 'referral_answer',
        parentId: d.personId,
        id: d.referralId,
        caseId: d.caseId,
        state: 'open',
        startedAt: at,
        dueAt: null,
      }),
  },
  ReferralAccepted: endsReferralAnswer,
  ReferralDeclined: endsReferralAnswer,
};

const isHandled = (type: string): type is HandledType => Object.hasOwn(RULES, type);

/** The rule of a recorded event, with its data typed for it; null for a type the board ignores. */
function ruleOf(e: RecordedEvent): { rule: Rule<DataOf<HandledType>>; data: DataOf<HandledType> } | null {
  if (!isHandled(e.type)) return null;
  // The store hands back what the domain decided (upcast to the current shape): its data is the
  // domain event's for this type.
  return { rule: RULES[e.type], data: e.data as DataOf<HandledType> };
}

/** When the event happened as declared; events without their own instant lend the envelope's. */
const instantOf = (e: RecordedEvent): string =>
  (e.data as { occurredAt?: ZonedInstant } | null)?.occurredAt?.at ?? e.metadata.occurredAt.at;

async function applyBatch(tx: SqlClient, events: readonly RecordedEvent[], t: TableNamer): Promise<void> {
  const keys: Keys = { cases: [], parents: [], items: [], threads: [] };
  for (const e of events) {
    const found = ruleOf(e);
    found?.rule.keys(found.data, keys);
  }
  const b = new Batch(t);
  await b.cases.load(tx, keys.cases);
  await b.parents.load(tx, keys.parents);
  await b.items.load(tx, keys.items);
  await b.items.loadWhere(tx, 'parent_id', keys.threads);
  for (const e of events) {
    const found = ruleOf(e);
    found?.rule.apply(b, e, found.data, instantOf(e));
  }
  await b.flush(tx);
}

export const deadlinesProjection: Projection = {
  name: 'deadlines',
  // 2: referral answers (issue 10). 3: priorities (issue 11).
  version: 3,
  tables: ['deadline_cases', 'deadline_parents', 'deadline_items'],
  eventTypes: new Set<string>(HANDLED),
  createTables: DDL,
  applyBatch,
};
