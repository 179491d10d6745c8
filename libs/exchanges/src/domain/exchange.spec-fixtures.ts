import { DomainError, newId, parseZoned, type CommandMeta, type ZonedInstant } from '#shared-kernel';
import type {
  AcknowledgeMessage,
  CloseExchange,
  DiscardDraft,
  ExchangeCommand,
  LogMessage,
  OpenExchange,
  SendDraft,
} from './exchange.commands.js';
import { exchangeDecider } from './exchange.decider.js';
import type {
  DraftDiscarded,
  DraftSent,
  ExchangeClosed,
  ExchangeEvent,
  ExchangeOpened,
  MessageAcknowledged,
  MessageAnswered,
  MessageLogged,
} from './exchange.events.js';
import type { Drafting, MessageInput, ReleaseOfficer } from './exchange.values.js';
import { refusalOf, refusalOn } from '#testing';

/** Test-only builders shared by the exchange specs. Fixed clock, fresh ids. */
export const NOW = new Date('2026-03-05T02:00:00Z');
export const meta: CommandMeta = {
  actor: { userId: 'an.nguyen', role: 'liaison_officer', unitId: 'VN-LS-BLO', province: 'lang-son' },
  now: NOW,
};
export const at = (iso: string): ZonedInstant => parseZoned(iso);

/** Officers for the release rules: two of Lạng Sơn (the author is `meta`'s actor) and one of Lào Cai. */
export const AUTHOR: ReleaseOfficer = { userId: 'an.nguyen', unit: 'lang-son' };
export const SECOND: ReleaseOfficer = { userId: 'binh.tran', unit: 'lang-son' };
export const OTHER_UNIT: ReleaseOfficer = { userId: 'mai.vang', unit: 'lao-cai' };
/** A unit that does not hold messages for release: the rules of the thread without it. */
export const NO_RELEASE: Drafting = { author: AUTHOR, releasePolicy: 'off' };
export const PERSONAL_DATA_RELEASE: Drafting = { author: AUTHOR, releasePolicy: 'personal_data' };

export function message(overrides: Partial<MessageInput> = {}): MessageInput {
  return {
    messageId: newId(),
    direction: 'outgoing',
    subject: 'Request to locate a presumed victim',
    body: 'ciphertext:opaque',
    language: 'zh',
    handlingCode: 'H1',
    occurredAt: at('2026-03-04T09:00:00+07:00'),
    carriesPersonalData: false,
    ...overrides,
  };
}

export const command = <C extends ExchangeCommand>(type: C['type'], data: C['data']): C =>
  ({ type, data, meta }) as unknown as C;

export { refusalOf };

/** The refusal of `cmd` on the literal history `given`, to check its kind as well as its code. */
export const refusalWhen = (given: readonly ExchangeEvent[], cmd: ExchangeCommand): DomainError =>
  refusalOn(exchangeDecider, given, cmd);

/**
 * Builders bound to one exchange id: commands for the "when" of a spec, and past events written
 * out literally for its "given", so that a fault in decide cannot shape both the history and the
 * expectation.
 */
export function exchangeFixture(exchangeId: string = newId(), caseId: string = newId()) {
  const open = (first: MessageInput, caseIds: readonly string[] = [caseId], drafting: Drafting = NO_RELEASE) =>
    command<OpenExchange>('OpenExchange', {
      exchangeId,
      caseIds,
      counterpart: 'CN-GX-PSD',
      channel: 'official_letter',
      message: first,
      drafting,
    });
  /** What the log holds for a message: the input as recorded, attachments as given (already lower case). */
  const loggedData = (m: MessageInput): MessageLogged['data'] => ({
    exchangeId,
    messageId: m.messageId,
    direction: m.direction,
    subject: m.subject,
    body: m.body,
    language: m.language,
    handlingCode: m.handlingCode,
    attachments: m.attachments ?? [],
    occurredAt: m.occurredAt,
    draft: m.draft ?? false,
    carriesPersonalData: m.carriesPersonalData,
    ...(m.evaluation ? { evaluation: m.evaluation } : {}),
    ...(m.ourReference ? { ourReference: m.ourReference } : {}),
    ...(m.theirReference ? { theirReference: m.theirReference } : {}),
    ...(m.responseDueAt ? { responseDueAt: m.responseDueAt } : {}),
    ...(m.personalData ? { personalData: m.personalData } : {}),
    ...(m.inReplyTo ? { inReplyTo: m.inReplyTo } : {}),
  });
  const opened = (first: MessageInput, caseIds: readonly string[] = [caseId]): ExchangeOpened => ({
    type: 'ExchangeOpened',
    data: {
      exchangeId,
      caseIds,
      counterpart: 'CN-GX-PSD',
      channel: 'official_letter',
      priority: 'normal',
      occurredAt: first.occurredAt,
    },
  });
  const logged = (m: MessageInput): MessageLogged => ({ type: 'MessageLogged', data: loggedData(m) });
  return {
    exchangeId,
    caseId,
    open,
    log: (m: MessageInput, drafting: Drafting = NO_RELEASE) => command<LogMessage>('LogMessage', { ...m, drafting }),
    send: (messageId: string, iso: string) => command<SendDraft>('SendDraft', { messageId, occurredAt: at(iso) }),
    discard: (messageId: string) => command<DiscardDraft>('DiscardDraft', { messageId }),
    ack: (data: AcknowledgeMessage['data']) => command<AcknowledgeMessage>('AcknowledgeMessage', data),
    close: (reason: string) => command<CloseExchange>('CloseExchange', { reason }),
    loggedData,
    opened,
    logged,
    /** The two events that open a thread with `first`: the history of a freshly opened exchange. */
    openedWith: (first: MessageInput, caseIds?: readonly string[]): ExchangeEvent[] => [
      opened(first, caseIds),
      logged(first),
    ],
    sent: (messageId: string, iso: string): DraftSent => ({
      type: 'DraftSent',
      data: { exchangeId, messageId, occurredAt: at(iso) },
    }),
    discarded: (messageId: string): DraftDiscarded => ({ type: 'DraftDiscarded', data: { exchangeId, messageId } }),
    acknowledged: (messageId: string, occurredAt: ZonedInstant, by?: string): MessageAcknowledged => ({
      type: 'MessageAcknowledged',
      data: { exchangeId, messageId, occurredAt, ...(by ? { by } : {}) },
    }),
    /** `reply` answering `messageId`, at the reply's time. */
    answered: (messageId: string, reply: MessageInput): MessageAnswered => ({
      type: 'MessageAnswered',
      data: { exchangeId, messageId, replyMessageId: reply.messageId, occurredAt: reply.occurredAt },
    }),
    closed: (reason = 'done'): ExchangeClosed => ({ type: 'ExchangeClosed', data: { exchangeId, reason } }),
  };
}
