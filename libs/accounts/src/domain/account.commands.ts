import type { DomainCommand, Role } from '#shared-kernel';

/** The account id is derived from the user name by the application (one stream per name). */
export type CreateAccount = DomainCommand<
  'CreateAccount',
  {
    accountId: string;
    username: string;
    displayName: string;
    unit: string;
    province: string;
    gates: readonly string[];
    roles: readonly Role[];
  }
>;

/** Grants and revocations decided together, so `user roles --grant a --revoke b` is one atomic change. */
export type ChangeRoles = DomainCommand<'ChangeRoles', { grant: readonly Role[]; revoke: readonly Role[] }>;
export type ChangeGates = DomainCommand<'ChangeGates', { gates: readonly string[] }>;
export type DisableAccount = DomainCommand<'DisableAccount', { reason?: string }>;
export type EnableAccount = DomainCommand<'EnableAccount', Record<string, never>>;
/** Issued by the application once the new hash is ready; the hash itself never reaches the domain. */
export type ChangePassword = DomainCommand<'ChangePassword', Record<string, never>>;

export type AccountCommand =
  CreateAccount | ChangeRoles | ChangeGates | DisableAccount | EnableAccount | ChangePassword;
export type AccountCommandType = AccountCommand['type'];
