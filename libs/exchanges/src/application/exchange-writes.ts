import {
  type EventStore,
  type StreamWrite,
  type WriteAnswer,
  type WriteContext,
  StaleRevisionError,
  execute,
  load,
  toNewEvents,
} from '#event-store';
import type { PersonalDataCipher } from '#security';
import { exchangeDecider, exchangeStreamId, type ExchangeCommand, type ExchangeState } from '../index.js';
import { sealEvents } from './message-content.js';

/** A write on an exchange; `messageId` when the write logged a message. */
export type ExchangeWriteAnswer = WriteAnswer & { readonly messageId?: string };

/**
 * handle() for an exchange, with two differences: the domain decides on the plaintext message
 * (so its rules see the real subject) and the content is sealed only after every check passed,
 * so a refused request never creates a data key; and the answer may name the logged message,
 * which the idempotency record then keeps for a replay.
 */
export function writeExchange(
  deps: { store: EventStore; cipher: PersonalDataCipher },
  exchangeId: string,
  command: ExchangeCommand,
  ctx: WriteContext,
  opts: { extraWrites?: () => Promise<StreamWrite[]>; messageId?: string } = {},
): Promise<ExchangeWriteAnswer> {
  const streamId = exchangeStreamId(exchangeId);
  return execute(deps.store, ctx, async () => {
    const loaded = await load(deps.store, exchangeDecider, streamId);
    if (ctx.ifMatch !== undefined && loaded.revision !== ctx.ifMatch) {
      throw new StaleRevisionError(ctx.ifMatch, loaded.revision);
    }
    const decided = exchangeDecider.decide(command, loaded.state);
    const extra = opts.extraWrites ? await opts.extraWrites() : [];
    const events = await sealEvents(deps.cipher, exchangeId, decided);
    const writes: StreamWrite[] = [
      {
        streamId,
        events: toNewEvents(events, ctx, homeCaseOf(decided.reduce(exchangeDecider.evolve, loaded.state))),
        expectedRevision: loaded.revision ?? 'no_stream',
      },
      ...extra,
    ];
    return {
      writes,
      answer: (result) => ({
        id: exchangeId,
        revision: (result.streams[0]?.nextRevision ?? loaded.revision ?? -1n).toString(),
        position: result.position.toString(),
        created: loaded.revision === null,
        ...(opts.messageId ? { messageId: opts.messageId } : {}),
      }),
    };
  });
}

/** The case the thread was opened for carries its events in the envelope (the case timeline index). */
const homeCaseOf = (state: ExchangeState): string | undefined =>
  state.status === 'none' ? undefined : state.caseIds[0];
