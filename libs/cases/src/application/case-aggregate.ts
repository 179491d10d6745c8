import type { EventStore } from '#event-store';
import { caseDecider } from '../domain/case.decider.js';
import { caseStreamId } from '../case-stream.js';

/** Where the case lives and how it decides: the first half of every handle() on it. */
export const caseAggregate = (store: EventStore, id: string) =>
  ({ store, decider: caseDecider, streamId: caseStreamId(id), id }) as const;
