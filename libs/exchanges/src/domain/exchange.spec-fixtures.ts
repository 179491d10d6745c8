import { DomainError, fold, newId, parseZoned, type CommandMeta, type ZonedInstant } from '#shared-kernel';
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
import type { ExchangeEvent, MessageLogged } from './exchange.events.js';
import type { MessageInput } from './exchange.values.js';

/** Test-only builders shared by the exchange specs. Fixed clock, fresh ids. */
export const NOW = new Date('2026-03-05T02:00:00Z');
export const meta: CommandMeta = {
  actor: { userId: 'an.nguyen', role: 'liaison_officer', unitId: 'VN-LS-BLO', province: 'lang-son' },
  now: NOW,
};
export const at = (iso: string): ZonedInstant => parseZoned(iso);

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

/** Runs `act` and returns the DomainError it threw, so a spec can check the code and the kind. */
export function refusalOf(act: () => unknown): DomainError {
  try {
    act();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal, got events');
}

/** Command builders and history helpers bound to one exchange id. */
export function exchangeFixture(exchangeId: string = newId(), caseId: string = newId()) {
  const decided = (given: readonly ExchangeEvent[], cmd: ExchangeCommand): readonly ExchangeEvent[] =>
    exchangeDecider.decide(cmd, fold(exchangeDecider, given));
  const open = (first: MessageInput, caseIds: readonly string[] = [caseId]) =>
    command<OpenExchange>('OpenExchange', {
      exchangeId,
      caseIds,
      counterpart: 'CN-GX-PSD',
      channel: 'official_letter',
      message: first,
    });
  return {
    exchangeId,
    caseId,
    decided,
    open,
    log: (m: MessageInput) => command<LogMessage>('LogMessage', m),
    send: (messageId: string, iso: string) => command<SendDraft>('SendDraft', { messageId, occurredAt: at(iso) }),
    discard: (messageId: string) => command<DiscardDraft>('DiscardDraft', { messageId }),
    ack: (data: AcknowledgeMessage['data']) => command<AcknowledgeMessage>('AcknowledgeMessage', data),
    close: (reason: string) => command<CloseExchange>('CloseExchange', { reason }),
    /** Appends what `cmd` decides on top of `given`: the next `given`. */
    after: (given: readonly ExchangeEvent[], cmd: ExchangeCommand): ExchangeEvent[] => [
      ...given,
      ...decided(given, cmd),
    ],
    loggedData: (m: MessageInput): MessageLogged['data'] => ({
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
    }),
  };
}
