import type { NamedPersonRecord } from './exchange.events.js';
import type { Priority, ReleaseState, ZonedInstant } from '#shared-kernel';
import type {
  Attachment,
  Evaluation,
  ExchangeChannel,
  HandlingCode,
  MessageLanguage,
  PersonalDataBasis,
  ReleaseOfficer,
} from './exchange.values.js';

/** What was said, as logged; never changes after MessageLogged. */
export interface MessageContent {
  readonly messageId: string;
  readonly subject: string;
  readonly body: string;
  readonly language: MessageLanguage;
  readonly handlingCode: HandlingCode;
  readonly evaluation?: Evaluation;
  readonly ourReference?: string;
  readonly theirReference?: string;
  readonly attachments: readonly Attachment[];
  /** The instant declared when logging (drafting time for a draft). */
  readonly loggedAt: ZonedInstant;
  readonly responseDueAt?: ZonedInstant;
  readonly carriesPersonalData: boolean;
  readonly personalData?: PersonalDataBasis;
  readonly inReplyTo?: string;
  /** The persons an outgoing message names, with the basis their data was sent on. */
  readonly persons?: readonly NamedPersonRecord[];
  /** How many persons an incoming message names as data (their names are sealed with the content). */
  readonly personsNamed?: number;
}

export interface Acknowledgement {
  readonly at: ZonedInstant;
  readonly by?: string;
}

export interface Answer {
  readonly at: ZonedInstant;
  readonly replyMessageId: string;
}

/**
 * The release of a draft that needs a second officer (exchange.release.decide.ts):
 *
 *   awaiting_release ──release (other officer, same unit)──▶ released (the message is sent)
 *   awaiting_release ──return with comment (other officer)──▶ returned
 *   awaiting_release ──withdraw (author)──▶ withdrawn
 *   returned | withdrawn ──resubmit (author)──▶ awaiting_release
 *   any of them but released ──discard──▶ (the message is discarded)
 */
export type { ReleaseState } from '#shared-kernel';

export interface Release {
  readonly author: ReleaseOfficer;
  readonly state: ReleaseState;
  /** The last return, kept after a resubmission so the thread shows why it came back. */
  readonly returned?: { readonly by: string; readonly at: ZonedInstant; readonly comment: string };
  readonly released?: { readonly by: string; readonly at: ZonedInstant };
}

/**
 * Outgoing: Draft → Sent → Acknowledged → Answered, Draft → Discarded (a reply may come before any
 * acknowledgement: it proves receipt). Incoming: Received → Answered when we reply.
 */
export type OutgoingMessage = MessageContent & { readonly direction: 'outgoing'; readonly release?: Release } & (
    | { readonly status: 'draft' }
    | { readonly status: 'discarded' }
    | { readonly status: 'sent'; readonly sentAt: ZonedInstant }
    | { readonly status: 'acknowledged'; readonly sentAt: ZonedInstant; readonly acknowledgement: Acknowledgement }
    | {
        readonly status: 'answered';
        readonly sentAt: ZonedInstant;
        readonly acknowledgement?: Acknowledgement;
        readonly answer: Answer;
      }
  );

export type IncomingMessage = MessageContent & { readonly direction: 'incoming' } & (
    | { readonly status: 'received'; readonly receivedAt: ZonedInstant }
    | { readonly status: 'answered'; readonly receivedAt: ZonedInstant; readonly answer: Answer }
  );

export type ExchangeMessage = OutgoingMessage | IncomingMessage;
export type MessageStatus = ExchangeMessage['status'];

export interface ExchangeThread {
  readonly exchangeId: string;
  readonly caseIds: readonly string[];
  readonly counterpart: string;
  readonly channel: ExchangeChannel;
  readonly priority: Priority;
  readonly openedAt: ZonedInstant;
  /** In the order they were logged. */
  readonly messages: readonly ExchangeMessage[];
}

export type ExchangeState =
  | { readonly status: 'none' }
  | (ExchangeThread & { readonly status: 'open' })
  | (ExchangeThread & { readonly status: 'closed'; readonly closeReason: string });

export type ExistingExchange = Exclude<ExchangeState, { status: 'none' }>;

export const initialExchangeState: ExchangeState = { status: 'none' };

export const findMessage = (state: ExchangeState, messageId: string): ExchangeMessage | undefined =>
  state.status === 'none' ? undefined : state.messages.find((m) => m.messageId === messageId);

/** The instant a message left us or reached us; drafts and discarded drafts never did. */
export function transmittedAt(message: ExchangeMessage): ZonedInstant | undefined {
  if (message.direction === 'incoming') return message.receivedAt;
  return message.status === 'draft' || message.status === 'discarded' ? undefined : message.sentAt;
}
