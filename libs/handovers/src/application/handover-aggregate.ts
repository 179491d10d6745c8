import type { EventStore } from '#event-store';
import { handoverDecider } from '../domain/handover.decider.js';
import { handoverStreamId } from '../index.js';

/** Where the handover lives and how it decides: the first half of every handle() on it. */
export const handoverAggregate = (store: EventStore, id: string) =>
  ({ store, decider: handoverDecider, streamId: handoverStreamId(id), id }) as const;
