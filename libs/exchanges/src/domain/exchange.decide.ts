import { assertNever, checkPriorityChange, isPriority, refuse } from '#shared-kernel';
import type { AcknowledgeMessage, ExchangeCommand, OpenExchange, SendDraft } from './exchange.commands.js';
import { ExchangeErrors as E } from './exchange.errors.js';
import type { ExchangeEvent } from './exchange.events.js';
import { isBefore, isBlank, isOneOf, logMessage } from './exchange.message-rules.js';
import { EXCHANGE_CHANNELS } from './exchange.values.js';
import { decideRelease, sendingEvents } from './exchange.release.decide.js';
import { withNamedPersons } from './exchange.disclosure.js';
import { findMessage, type ExchangeMessage, type ExchangeState } from './exchange.state.js';

type Open = Extract<ExchangeState, { status: 'open' }>;

export function decideExchange(command: ExchangeCommand, state: ExchangeState): readonly ExchangeEvent[] {
  if (command.type === 'OpenExchange') return open(command, state);
  const thread = requireOpen(state);
  switch (command.type) {
    case 'LogMessage':
      return withNamedPersons(
        logMessage(thread.exchangeId, command.data, thread.messages, command.data.drafting),
        command.data.persons,
        thread,
        command.meta.actor,
      );
    case 'SendDraft':
      return sendDraft(command, thread);
    case 'DiscardDraft': {
      const draft = requireMessage(thread, command.data.messageId);
      if (draft.status !== 'draft') refuse(E.INVALID_TRANSITION, `a ${draft.status} message cannot be discarded`);
      return [{ type: 'DraftDiscarded', data: { exchangeId: thread.exchangeId, messageId: draft.messageId } }];
    }
    case 'ReleaseDraft':
    case 'ReturnDraft':
    case 'WithdrawRelease':
    case 'ResubmitDraft':
      return decideRelease(command, thread, requireMessage(thread, command.data.messageId));
    case 'AcknowledgeMessage':
      return acknowledge(command, thread);
    case 'ChangeExchangePriority': {
      const { priority } = command.data;
      const reason = checkPriorityChange(thread.priority, priority, command.data.reason, E);
      const { exchangeId } = thread;
      return [{ type: 'ExchangePriorityChanged', data: { exchangeId, previous: thread.priority, priority, reason } }];
    }
    case 'CloseExchange': {
      if (isBlank(command.data.reason)) refuse(E.REASON_REQUIRED, 'closing an exchange needs a reason', 'invalid');
      // A draft left in a closed thread could never be sent: the officer sends or discards it first.
      if (thread.messages.some((m) => m.status === 'draft')) {
        refuse(E.DRAFTS_PENDING, 'send or discard the drafts before closing the exchange');
      }
      return [{ type: 'ExchangeClosed', data: { exchangeId: thread.exchangeId, reason: command.data.reason } }];
    }
    default:
      return assertNever(command);
  }
}

function open(command: OpenExchange, state: ExchangeState): readonly ExchangeEvent[] {
  if (state.status !== 'none') refuse(E.ALREADY_EXISTS, 'this exchange already exists');
  const { exchangeId, caseIds, counterpart, channel, message, priority = 'normal' } = command.data;
  if (caseIds.length === 0) refuse(E.CASE_REQUIRED, 'an exchange belongs to at least one case', 'invalid');
  if (new Set(caseIds).size !== caseIds.length) refuse(E.DUPLICATE_CASE, 'a case is listed twice', 'invalid');
  if (isBlank(counterpart)) refuse(E.COUNTERPART_REQUIRED, 'an exchange needs a counterpart unit', 'invalid');
  if (!isOneOf(EXCHANGE_CHANNELS, channel)) refuse(E.INVALID_CHANNEL, 'unknown exchange channel', 'invalid');
  if (!isPriority(priority)) refuse(E.INVALID_PRIORITY, 'priority must be urgent or normal', 'invalid');
  const opened = { exchangeId, caseIds, counterpart, channel, priority, occurredAt: message.occurredAt };
  return [
    { type: 'ExchangeOpened', data: opened },
    ...withNamedPersons(
      logMessage(exchangeId, message, [], command.data.drafting),
      message.persons,
      { exchangeId, counterpart, caseIds },
      command.meta.actor,
    ),
  ];
}

function requireOpen(state: ExchangeState): Open {
  switch (state.status) {
    case 'none':
      return refuse(E.NOT_FOUND, 'no such exchange', 'not_found');
    case 'closed':
      return refuse(E.CLOSED, 'the exchange is closed');
    case 'open':
      return state;
    default:
      return assertNever(state);
  }
}

function requireMessage(thread: Open, messageId: string): ExchangeMessage {
  return findMessage(thread, messageId) ?? refuse(E.MESSAGE_NOT_FOUND, 'no such message in this exchange', 'not_found');
}

function sendDraft(command: SendDraft, thread: Open): readonly ExchangeEvent[] {
  const draft = requireMessage(thread, command.data.messageId);
  if (draft.status !== 'draft') return refuse(E.INVALID_TRANSITION, `a ${draft.status} message cannot be sent`);
  if (draft.direction === 'outgoing' && draft.release) {
    return refuse(E.RELEASE_REQUIRED, 'this draft leaves only when a second officer releases it');
  }
  return sendingEvents(thread, draft, command.data.occurredAt);
}

function acknowledge(command: AcknowledgeMessage, thread: Open): readonly ExchangeEvent[] {
  const { messageId, at, by } = command.data;
  const message = messageId === undefined ? latestAwaitingAcknowledgement(thread) : requireMessage(thread, messageId);
  if (message.direction !== 'outgoing') return refuse(E.INVALID_TRANSITION, 'only outgoing messages are acknowledged');
  switch (message.status) {
    case 'sent':
      break;
    case 'acknowledged':
      return refuse(E.ALREADY_ACKNOWLEDGED, 'the message was already acknowledged');
    case 'draft':
    case 'discarded':
    case 'answered':
      return refuse(E.INVALID_TRANSITION, `a ${message.status} message cannot be acknowledged`);
    default:
      return assertNever(message);
  }
  if (isBefore(at, message.sentAt)) refuse(E.INVALID_TIME, 'an acknowledgement cannot precede the message', 'invalid');
  return [
    {
      type: 'MessageAcknowledged',
      data: {
        exchangeId: thread.exchangeId,
        messageId: message.messageId,
        occurredAt: at,
        ...(isBlank(by) ? {} : { by }),
      },
    },
  ];
}

/** The counterpart usually confirms the last thing we sent: the latest sent time wins, then log order. */
function latestAwaitingAcknowledgement(thread: Open): ExchangeMessage {
  let latest: Extract<ExchangeMessage, { status: 'sent' }> | undefined;
  for (const m of thread.messages) {
    if (m.direction === 'outgoing' && m.status === 'sent' && (!latest || !isBefore(m.sentAt, latest.sentAt)))
      latest = m;
  }
  return latest ?? refuse(E.NOTHING_TO_ACKNOWLEDGE, 'no sent message is awaiting acknowledgement');
}
