import type { DomainCommand, Priority, ZonedInstant, ConsentStanding } from '#shared-kernel';
import type { Drafting, ExchangeChannel, MessageInput, ReleaseOfficer } from './exchange.values.js';

export type OpenExchange = DomainCommand<
  'OpenExchange',
  {
    exchangeId: string;
    caseIds: readonly string[];
    /** Counterpart unit code, checked against the reference register by the application. */
    counterpart: string;
    channel: ExchangeChannel;
    /** How soon the counterpart should answer; normal when not given. */
    priority?: Priority;
    message: MessageInput;
    drafting: Drafting;
  }
>;

export type LogMessage = DomainCommand<'LogMessage', MessageInput & { drafting: Drafting }>;

export type SendDraft = DomainCommand<'SendDraft', { messageId: string; occurredAt: ZonedInstant }>;

export type DiscardDraft = DomainCommand<'DiscardDraft', { messageId: string }>;

/** A second officer of the author's unit approves a draft awaiting release: the approval sends it. */
export type ReleaseDraft = DomainCommand<
  'ReleaseDraft',
  {
    messageId: string;
    by: ReleaseOfficer;
    occurredAt: ZonedInstant;
    /**
     * Where consent stands now for each person the draft names on consent, looked up by the
     * application: a consent withdrawn while the draft waited stops it.
     */
    consents?: Readonly<Record<string, ConsentStanding>>;
  }
>;

/** A second officer sends the draft back to its author with a comment instead of releasing it. */
export type ReturnDraft = DomainCommand<
  'ReturnDraft',
  { messageId: string; by: ReleaseOfficer; comment: string; occurredAt: ZonedInstant }
>;

/** The author takes back a release request before anyone acted on it. */
export type WithdrawRelease = DomainCommand<
  'WithdrawRelease',
  { messageId: string; by: ReleaseOfficer; occurredAt: ZonedInstant }
>;

/** The author asks again for release of a returned or withdrawn draft. */
export type ResubmitDraft = DomainCommand<
  'ResubmitDraft',
  { messageId: string; by: ReleaseOfficer; occurredAt: ZonedInstant }
>;

export type ReleaseCommand = ReleaseDraft | ReturnDraft | WithdrawRelease | ResubmitDraft;

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

/** Urgent or normal from now on, with why: it moves the reply clock of every message still waiting. */
export type ChangeExchangePriority = DomainCommand<'ChangeExchangePriority', { priority: Priority; reason: string }>;

export type ExchangeCommand =
  | OpenExchange
  | LogMessage
  | SendDraft
  | DiscardDraft
  | ReleaseCommand
  | AcknowledgeMessage
  | CloseExchange
  | ChangeExchangePriority;
