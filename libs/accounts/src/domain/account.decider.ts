import type { Decider } from '#shared-kernel';
import type { AccountCommand } from './account.commands.js';
import { decideAccount } from './account.decide.js';
import type { AccountEvent } from './account.events.js';
import { evolveAccount } from './account.evolve.js';
import { initialAccountState, type AccountState } from './account.state.js';

export const accountDecider: Decider<AccountState, AccountCommand, AccountEvent> = {
  initialState: initialAccountState,
  decide: decideAccount,
  evolve: evolveAccount,
};
