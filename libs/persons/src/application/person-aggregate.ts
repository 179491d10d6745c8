import type { EventStore } from '#event-store';
import { personDecider } from '../domain/person.decider.js';
import { personStreamId } from '../person-stream.js';

/** Where the person lives and how it decides: the first half of every handle() on it. */
export const personAggregate = (store: EventStore, id: string) =>
  ({ store, decider: personDecider, streamId: personStreamId(id), id }) as const;
