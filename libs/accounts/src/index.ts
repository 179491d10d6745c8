export { accountDecider } from './domain/account.decider.js';
export { decideAccount } from './domain/account.decide.js';
export { evolveAccount } from './domain/account.evolve.js';
export { initialAccountState } from './domain/account.state.js';
export type {
  AccountFacts,
  AccountState,
  AccountStatus,
  ActiveAccount,
  DisabledAccount,
  ExistingAccount,
  NoAccount,
} from './domain/account.state.js';
export type * from './domain/account.events.js';
export { ACCOUNT_EVENT_TYPES } from './domain/account.events.js';
export type * from './domain/account.commands.js';
export { AccountErrors, type AccountErrorCode } from './domain/account.errors.js';
export {
  MAX_DISPLAY_NAME,
  MAX_GATES,
  NATIONAL,
  isAccountProvince,
  isGate,
  isUnit,
  isUsername,
  normalizeUsername,
  type AccountProvince,
} from './domain/account.values.js';
export { ACCOUNT_CATEGORY, SIGN_IN_CATEGORY, accountIdOf, accountStreamId, signInStreamId } from './account-stream.js';
