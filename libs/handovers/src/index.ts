import { streamIdOf } from '#shared-kernel';

export * from './domain/handover.values.js';
export * from './domain/handover.events.js';
export * from './domain/handover.commands.js';
export * from './domain/handover.state.js';
export * from './domain/handover.errors.js';
export * from './domain/handover.decider.js';
export { decideHandover } from './domain/handover.decide.js';
export { evolveHandover } from './domain/handover.evolve.js';
export { isHandoverUnconfirmed, pendingOnwardTransfers, receivedPersonIds } from './domain/handover.queries.js';
export type { PendingOnwardTransfer } from './domain/handover.queries.js';

export const HANDOVER_STREAM_CATEGORY = 'handover';
export const handoverStreamId = (handoverId: string): string => streamIdOf(HANDOVER_STREAM_CATEGORY, handoverId);
