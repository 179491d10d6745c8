import type { ZonedInstant } from '#shared-kernel';
import type {
  Attachment,
  Evaluation,
  ExchangeChannel,
  HandlingCode,
  MessageLanguage,
  PersonalDataBasis,
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
 * Outgoing: Draft → Sent → Acknowledged → Answered, Draft → Discarded (a reply may come before any
 * acknowledgement: it proves receipt). Incoming: Received → Answered when we reply.
 */
export type OutgoingMessage = MessageContent & { readonly direction: 'outgoing' } & (
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
