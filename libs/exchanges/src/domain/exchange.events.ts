import type { ConsentStanding, DisclosureBasis, DomainEvent, Priority, ZonedInstant } from '#shared-kernel';
import type {
  Attachment,
  CounterpartPerson,
  Evaluation,
  ExchangeChannel,
  HandlingCode,
  MessageDirection,
  MessageLanguage,
  PersonalDataBasis,
} from './exchange.values.js';

export type ExchangeOpened = DomainEvent<
  'ExchangeOpened',
  {
    exchangeId: string;
    caseIds: readonly string[];
    counterpart: string;
    channel: ExchangeChannel;
    /** Absent on threads opened before priorities existed: normal. */
    priority?: Priority;
    /** When the first message happened: the thread starts with it. */
    occurredAt: ZonedInstant;
  }
>;

export type ExchangePriorityChanged = DomainEvent<
  'ExchangePriorityChanged',
  { exchangeId: string; previous: Priority; priority: Priority; reason: string }
>;

export type MessageLogged = DomainEvent<
  'MessageLogged',
  {
    exchangeId: string;
    messageId: string;
    direction: MessageDirection;
    subject: string;
    body: string;
    language: MessageLanguage;
    handlingCode: HandlingCode;
    evaluation?: Evaluation;
    ourReference?: string;
    theirReference?: string;
    attachments: readonly Attachment[];
    /** Sent/received time, or drafting time for a draft (its sending is a later DraftSent). */
    occurredAt: ZonedInstant;
    responseDueAt?: ZonedInstant;
    draft: boolean;
    carriesPersonalData: boolean;
    personalData?: PersonalDataBasis;
    inReplyTo?: string;
    /**
     * Present when the unit's policy requires a second officer's release: the draft waits for it,
     * and its author (user id and unit) may not be the one who releases it.
     */
    release?: { author: string; unit: string };
    /** The persons an outgoing message names, each with the basis their data is sent on. */
    persons?: readonly NamedPersonRecord[];
    /**
     * How many persons an incoming message names as data. Their names are decided here in
     * `namedByCounterpart`, which the application moves into the sealed envelope of the content
     * before the event is stored: at rest only this count is in clear.
     */
    personsNamed?: number;
    namedByCounterpart?: readonly CounterpartPerson[];
  }
>;

export interface NamedPersonRecord {
  readonly personId: string;
  readonly basis: DisclosureBasis;
  readonly reference: string | null;
  /** Sent on consent that did not stand, by a supervisor's override (its own ConsentOverridden event). */
  readonly overridden?: true;
}

/**
 * A supervisor sent a message naming a person whose consent did not stand: its own event, so that
 * auditors list every such decision with its reason.
 */
export type ConsentOverridden = DomainEvent<
  'ConsentOverridden',
  {
    exchangeId: string;
    messageId: string;
    caseId: string;
    personId: string;
    counterpart: string;
    consent: ConsentStanding;
    reason: string;
  }
>;

export type DraftSent = DomainEvent<'DraftSent', { exchangeId: string; messageId: string; occurredAt: ZonedInstant }>;

/**
 * A second officer approved the release of a draft awaiting it. Always recorded together with the
 * DraftSent of the same message at the same instant: the approval is the sending, and the read
 * side keeps reading DraftSent for the reply clock and the counts.
 */
export type DraftReleased = DomainEvent<
  'DraftReleased',
  { exchangeId: string; messageId: string; releasedBy: string; occurredAt: ZonedInstant }
>;

/**
 * A second officer sent the draft back to its author. The comment is free text that may name a
 * person: the application seals it with the exchange's key, like message content.
 */
export type DraftReturned = DomainEvent<
  'DraftReturned',
  { exchangeId: string; messageId: string; returnedBy: string; comment: string; occurredAt: ZonedInstant }
>;

/** The author took back the release request. */
export type ReleaseWithdrawn = DomainEvent<
  'ReleaseWithdrawn',
  { exchangeId: string; messageId: string; occurredAt: ZonedInstant }
>;

/** The author asked again for the release of a returned or withdrawn draft. */
export type DraftResubmitted = DomainEvent<
  'DraftResubmitted',
  { exchangeId: string; messageId: string; occurredAt: ZonedInstant }
>;

export type ReleaseEvent = DraftReleased | DraftReturned | ReleaseWithdrawn | DraftResubmitted;

export type DraftDiscarded = DomainEvent<'DraftDiscarded', { exchangeId: string; messageId: string }>;

export type MessageAcknowledged = DomainEvent<
  'MessageAcknowledged',
  { exchangeId: string; messageId: string; occurredAt: ZonedInstant; by?: string }
>;

/**
 * Emitted explicitly (not derived from the reply's inReplyTo) so the read side gets the reply time
 * for the statistics without re-implementing the thread rules; only the first reply answers.
 */
export type MessageAnswered = DomainEvent<
  'MessageAnswered',
  { exchangeId: string; messageId: string; replyMessageId: string; occurredAt: ZonedInstant }
>;

export type ExchangeClosed = DomainEvent<'ExchangeClosed', { exchangeId: string; reason: string }>;

export type ExchangeEvent =
  | ExchangeOpened
  | ExchangePriorityChanged
  | MessageLogged
  | DraftSent
  | DraftDiscarded
  | ReleaseEvent
  | MessageAcknowledged
  | MessageAnswered
  | ExchangeClosed
  | ConsentOverridden;

export type ExchangeEventType = ExchangeEvent['type'];
