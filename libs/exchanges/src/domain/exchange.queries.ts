import { assertNever, type ZonedInstant } from '#shared-kernel';
import type { ExchangeMessage, ExchangeState } from './exchange.state.js';
import type { MessageDirection } from './exchange.values.js';

export interface OverdueMessage {
  readonly messageId: string;
  /** outgoing: the counterpart owes the reply; incoming: we do. */
  readonly direction: MessageDirection;
  readonly dueAt: ZonedInstant;
}

/**
 * A message still waits for a reply when it was transmitted and nobody has answered it yet:
 * an acknowledgement confirms receipt, not a reply, so it does not stop the clock.
 */
export function isAwaitingReply(message: ExchangeMessage): boolean {
  switch (message.status) {
    case 'sent':
    case 'acknowledged':
    case 'received':
      return true;
    case 'draft':
    case 'discarded':
    case 'answered':
      return false;
    default:
      return assertNever(message);
  }
}

/**
 * "Overdue" is derived, never stored: a message awaiting a reply whose response was due strictly
 * before `now`. A closed thread waits for nothing. The result follows the log order.
 */
export function overdueMessages(state: ExchangeState, now: Date): readonly OverdueMessage[] {
  if (state.status !== 'open') return [];
  const cutoff = now.getTime();
  return state.messages.flatMap((m) =>
    m.responseDueAt && isAwaitingReply(m) && Date.parse(m.responseDueAt.at) < cutoff
      ? [{ messageId: m.messageId, direction: m.direction, dueAt: m.responseDueAt }]
      : [],
  );
}

/** Sent outgoing messages the counterpart has not acknowledged (nor answered) yet. */
export const unacknowledgedMessages = (state: ExchangeState): readonly ExchangeMessage[] =>
  state.status === 'none' ? [] : state.messages.filter((m) => m.direction === 'outgoing' && m.status === 'sent');

export const draftMessages = (state: ExchangeState): readonly ExchangeMessage[] =>
  state.status === 'none' ? [] : state.messages.filter((m) => m.status === 'draft');
