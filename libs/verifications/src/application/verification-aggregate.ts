import type { EventStore } from '#event-store';
import { verificationDecider } from '../domain/verification.decider.js';
import { verificationStreamId } from '../index.js';

/** Where the verification request lives and how it decides: the first half of every handle() on it. */
export const verificationAggregate = (store: EventStore, id: string) =>
  ({ store, decider: verificationDecider, streamId: verificationStreamId(id), id }) as const;
