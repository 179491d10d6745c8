import type { RecordedEvent } from '#event-store';
import { LIVE, itemKey, stop, type Batch } from './deadlines.batch.js';
import type { BoardEventType, DataOf } from './deadlines.events.js';

/** What a batch loads before applying: row keys per table, and exchanges whose every item is read. */
export interface Keys {
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
export interface Rule<D> {
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

const RULES: { readonly [T in BoardEventType]: Rule<DataOf<T>> } = {
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

const isHandled = (type: string): type is BoardEventType => Object.hasOwn(RULES, type);

/** The rule of a recorded event, with its data typed for it; null for a type the board ignores. */
export function ruleOf(e: RecordedEvent): { rule: Rule<DataOf<BoardEventType>>; data: DataOf<BoardEventType> } | null {
  if (!isHandled(e.type)) return null;
  // The store hands back what the domain decided (upcast to the current shape): its data is the
  // domain event's for this type.
  return { rule: RULES[e.type], data: e.data as DataOf<BoardEventType> };
}
