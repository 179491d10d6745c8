import { DomainError } from '#shared-kernel';
import { type EventStore, type StreamWrite, type WriteContext, commandOf, load, toNewEvents } from '#event-store';
import { caseDecider } from '../domain/case.decider.js';
import type { CaseLinkCommand } from '../domain/case.commands.js';
import { caseStreamId } from '../case-stream.js';

/**
 * The case side of creating a linked record: decides the link on the case as it is now and
 * returns the write to append atomically with the new record. A missing case is refused
 * (CASE.NOT_FOUND → 404), a closed one too (CASE.CLOSED → 409), before anything is written.
 */
export async function caseLinkWrite(
  store: EventStore,
  caseId: string,
  link: Pick<CaseLinkCommand, 'type' | 'data'>,
  ctx: WriteContext,
  referencedFrom: 'path' | 'body' = 'path',
): Promise<StreamWrite> {
  const streamId = caseStreamId(caseId);
  const loaded = await load(store, caseDecider, streamId);
  let events;
  try {
    events = caseDecider.decide(commandOf<CaseLinkCommand>(link.type, link.data, ctx), loaded.state);
  } catch (error) {
    // A case named in the body that does not exist makes the request unprocessable (422);
    // only a case named in the path is a missing resource (404).
    if (error instanceof DomainError && error.kind === 'not_found' && referencedFrom === 'body') {
      throw new DomainError(error.code, error.message, 'invalid');
    }
    throw error;
  }
  return { streamId, events: toNewEvents(events, ctx, caseId), expectedRevision: loaded.revision ?? 'no_stream' };
}
