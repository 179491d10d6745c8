import type { EventStore } from '#event-store';
import { accountDecider } from '../domain/account.decider.js';
import { accountStreamId } from '../account-stream.js';

/** Where the account lives and how it decides: the first half of every handle() on it. */
export const accountAggregate = (store: EventStore, id: string) =>
  ({ store, decider: accountDecider, streamId: accountStreamId(id), id }) as const;
