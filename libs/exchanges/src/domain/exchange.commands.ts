import type { DomainCommand, ZonedInstant } from '#shared-kernel';
import type { ExchangeChannel, MessageInput } from './exchange.values.js';

export type OpenExchange = DomainCommand<
  'OpenExchange',
  {
    exchangeId: string;
    caseIds: readonly string[];
    /** Counterpart unit code, checked against the reference register by the application. */
    counterpart: string;
    channel: ExchangeChannel;
    message: MessageInput;
  }
>;

export type LogMessage = DomainCommand<'LogMessage', MessageInput>;

export type SendDraft = DomainCommand<'SendDraft', { messageId: string; occurredAt: ZonedInstant }>;

export type DiscardDraft = DomainCommand<'DiscardDraft', { messageId: string }>;

export type AcknowledgeMessage = DomainCommand<
  'AcknowledgeMessage',
  {
    /** Omitted: the most recently sent outgoing message still awaiting acknowledgement. */
    messageId?: string;
    at: ZonedInstant;
    by?: string;
  }
>;

export type CloseExchange = DomainCommand<'CloseExchange', { reason: string }>;

export type ExchangeCommand = OpenExchange | LogMessage | SendDraft | DiscardDraft | AcknowledgeMessage | CloseExchange;
