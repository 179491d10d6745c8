import { streamIdOf } from '#shared-kernel';

export * from './domain/exchange.values.js';
export * from './domain/exchange.events.js';
export * from './domain/exchange.commands.js';
export * from './domain/exchange.state.js';
export * from './domain/exchange.errors.js';
export * from './domain/exchange.decider.js';
export { decideExchange } from './domain/exchange.decide.js';
export { evolveExchange } from './domain/exchange.evolve.js';
export { overdueMessages, isAwaitingReply, unacknowledgedMessages, draftMessages } from './domain/exchange.queries.js';
export type { OverdueMessage } from './domain/exchange.queries.js';

export const EXCHANGE_STREAM_CATEGORY = 'exchange';
export const exchangeStreamId = (exchangeId: string): string => streamIdOf(EXCHANGE_STREAM_CATEGORY, exchangeId);
