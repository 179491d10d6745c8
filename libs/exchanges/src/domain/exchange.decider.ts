import type { Decider } from '#shared-kernel';
import type { ExchangeCommand } from './exchange.commands.js';
import { decideExchange } from './exchange.decide.js';
import type { ExchangeEvent } from './exchange.events.js';
import { evolveExchange } from './exchange.evolve.js';
import { initialExchangeState, type ExchangeState } from './exchange.state.js';

export const exchangeDecider: Decider<ExchangeState, ExchangeCommand, ExchangeEvent> = {
  initialState: initialExchangeState,
  decide: decideExchange,
  evolve: evolveExchange,
};
