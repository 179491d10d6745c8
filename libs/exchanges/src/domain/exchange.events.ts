import type { DomainEvent, ZonedInstant } from '#shared-kernel';
import type {
  Attachment,
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
    /** When the first message happened: the thread starts with it. */
    occurredAt: ZonedInstant;
  }
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
  }
>;

export type DraftSent = DomainEvent<'DraftSent', { exchangeId: string; messageId: string; occurredAt: ZonedInstant }>;

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
  ExchangeOpened | MessageLogged | DraftSent | DraftDiscarded | MessageAcknowledged | MessageAnswered | ExchangeClosed;

export type ExchangeEventType = ExchangeEvent['type'];
