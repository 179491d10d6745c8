import type { Role } from '#shared-kernel';
import type { AccountProvince } from './account.values.js';

/** Who the account holder is and what they may do, whatever the account's status. */
export interface AccountFacts {
  readonly accountId: string;
  readonly username: string;
  readonly displayName: string;
  readonly unit: string;
  readonly province: AccountProvince;
  readonly gates: readonly string[];
  readonly roles: readonly Role[];
}

export type NoAccount = { readonly status: 'none' };
export type ActiveAccount = AccountFacts & { readonly status: 'active' };
/** Cannot sign in; keeps its roles so re-enabling restores exactly what it had. */
export type DisabledAccount = AccountFacts & { readonly status: 'disabled' };

export type ExistingAccount = ActiveAccount | DisabledAccount;
export type AccountState = NoAccount | ExistingAccount;
export type AccountStatus = AccountState['status'];

export const initialAccountState: AccountState = { status: 'none' };
