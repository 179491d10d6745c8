import { type EventStore, load } from '#event-store';
import type { PersonalDataCipher } from '#security';
import { DomainError } from '#shared-kernel';
import { type CounterpartPerson, ExchangeErrors, exchangeDecider, exchangeStreamId } from '../index.js';
import { openMessageText } from './message-content.js';

/** The persons an incoming message names as data, and the cases of its thread (the search's scope). */
export interface NamedInMessage {
  readonly caseIds: readonly string[];
  readonly persons: readonly CounterpartPerson[];
}

/**
 * Opens the names a counterpart gave on one message (gateway contract `persons`), for the
 * possible-duplicates search at read time. Empty when the message names nobody as data, or when
 * the thread's key was destroyed (erased: nothing left to compare). The names never leave the
 * caller's process: the search turns them into blind tokens and answers with ids only.
 */
export async function namedInMessage(
  store: EventStore,
  cipher: PersonalDataCipher,
  exchangeId: string,
  messageId: string,
  /** False: only check that the message exists (a caller who may not read names opens nothing). */
  open = true,
): Promise<NamedInMessage> {
  const { state } = await load(store, exchangeDecider, exchangeStreamId(exchangeId));
  if (state.status === 'none') {
    throw new DomainError(ExchangeErrors.NOT_FOUND, 'no exchange with this id', 'not_found');
  }
  const message = state.messages.find((m) => m.messageId === messageId);
  if (!message) {
    throw new DomainError(ExchangeErrors.MESSAGE_NOT_FOUND, 'no message with this id in the thread', 'not_found');
  }
  if (!open || message.direction !== 'incoming' || !message.personsNamed)
    return { caseIds: state.caseIds, persons: [] };
  const text = await openMessageText(cipher, exchangeId, message);
  return { caseIds: state.caseIds, persons: text?.namedByCounterpart ?? [] };
}
