import type { EventStore } from '#event-store';
import { reportDecider } from '../domain/report.decider.js';
import { reportStreamId } from '../index.js';

/** Where the report lives and how it decides: the first half of every handle() on it. */
export const reportAggregate = (store: EventStore, id: string) =>
  ({ store, decider: reportDecider, streamId: reportStreamId(id), id }) as const;
