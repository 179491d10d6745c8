import { type EventStore, type StreamWrite, type WriteAnswer, type WriteContext, handle } from '#event-store';
import type { PersonalDataCipher } from '#security';
import { exchangeDecider, exchangeStreamId, type ExchangeCommand, type ExchangeState } from '../index.js';
import { sealEvents } from './message-content.js';

/** A write on an exchange; `messageId` when the write logged a message. */
export type ExchangeWriteAnswer = WriteAnswer & { readonly messageId?: string };

/**
 * A write on an exchange through handle(): the domain decides on the plaintext message (so its
 * rules see the real subject), the content is sealed only after every check passed (a refused
 * request never creates a data key), and the answer may name the logged message, which the
 * idempotency record then keeps for a replay.
 */
export function writeExchange(
  deps: { store: EventStore; cipher: PersonalDataCipher },
  exchangeId: string,
  command: ExchangeCommand | ((state: ExchangeState) => Promise<ExchangeCommand>),
  ctx: WriteContext,
  opts: { linked?: () => Promise<StreamWrite[]>; messageId?: string } = {},
): Promise<ExchangeWriteAnswer> {
  return handle({
    store: deps.store,
    decider: exchangeDecider,
    streamId: exchangeStreamId(exchangeId),
    id: exchangeId,
    command,
    ctx,
    caseId: homeCaseOf,
    seal: (events) => sealEvents(deps.cipher, exchangeId, events),
    ...(opts.linked ? { linked: opts.linked } : {}),
    answer: opts.messageId ? { messageId: opts.messageId } : {},
  });
}

/** The case the thread was opened for carries its events in the envelope (the case timeline index). */
const homeCaseOf = (state: ExchangeState): string | undefined =>
  state.status === 'none' ? undefined : state.caseIds[0];
