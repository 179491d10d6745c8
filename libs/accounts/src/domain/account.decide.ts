import { assertNever, invalid, optional, refuse, type CommandMeta, type Role } from '#shared-kernel';
import type { AccountCommand, ChangeGates, CreateAccount, ChangeRoles, DisableAccount } from './account.commands.js';
import { AccountErrors } from './account.errors.js';
import type { AccountEvent } from './account.events.js';
import type { AccountState, ExistingAccount } from './account.state.js';
import {
  MAX_DISPLAY_NAME,
  MAX_GATES,
  isAccountProvince,
  isGate,
  isRole,
  isUnit,
  isUsername,
} from './account.values.js';

function existing(state: AccountState): ExistingAccount {
  return state.status === 'none' ? refuse(AccountErrors.NOT_FOUND, 'no account with this name', 'not_found') : state;
}

function role(value: unknown): Role {
  return isRole(value) ? value : invalid(AccountErrors.INVALID_ROLE, 'unknown role');
}

function gatesOf(value: readonly string[] | undefined): readonly string[] {
  const gates = value ?? [];
  if (!Array.isArray(gates) || gates.length > MAX_GATES || !gates.every(isGate))
    return invalid(AccountErrors.INVALID_GATE, 'gates must be gate codes of the register, e.g. HUU_NGHI');
  return [...new Set(gates)];
}

/** A border guard's whole view is the gates they serve: without one they could see nothing. */
function guardHasGates(roles: readonly Role[], gates: readonly string[]): void {
  if (roles.includes('border_guard') && gates.length === 0)
    invalid(AccountErrors.GATES_REQUIRED, 'a border guard needs at least one gate');
}

/**
 * Nobody locks themselves out: an administrator may neither disable their own account nor take
 * their own administrator role away. Another administrator (or the server's CLI) can.
 */
function notSelf(meta: CommandMeta, account: ExistingAccount, what: string): void {
  if (meta.actor.userId === account.username) refuse(AccountErrors.SELF, `you cannot ${what} your own account`);
}

function create(command: CreateAccount, state: AccountState): AccountEvent[] {
  if (state.status !== 'none') return refuse(AccountErrors.ALREADY_EXISTS, 'an account with this name exists');
  const d = command.data;
  if (!isUsername(d.username))
    return invalid(AccountErrors.INVALID_USERNAME, 'user name: 2–64 of a-z 0-9 . _ -, starting with a letter');
  const displayName = optional(d.displayName)?.normalize('NFC') ?? null;
  if (displayName === null || displayName.length > MAX_DISPLAY_NAME)
    return invalid(AccountErrors.INVALID_NAME, `display name: 1–${MAX_DISPLAY_NAME} characters`);
  if (!isUnit(d.unit)) return invalid(AccountErrors.INVALID_UNIT, 'unit must look like VN-LS-BLO');
  if (!isAccountProvince(d.province))
    return invalid(AccountErrors.INVALID_PROVINCE, 'province: a border province or *');
  const roles = [...new Set((Array.isArray(d.roles) ? d.roles : []).map(role))];
  if (roles.length === 0) return invalid(AccountErrors.ROLE_REQUIRED, 'an account needs at least one role');
  const gates = gatesOf(d.gates);
  guardHasGates(roles, gates);
  return [
    {
      type: 'AccountCreated',
      data: {
        accountId: d.accountId,
        username: d.username,
        displayName,
        unit: d.unit,
        province: d.province,
        gates,
        roles,
      },
    },
  ];
}

/**
 * Revocations apply after grants, so naming a role in both takes it away. The account keeps at
 * least one role (disable it instead), and a border guard keeps at least one gate.
 */
function changeRoles(command: ChangeRoles, state: AccountState): AccountEvent[] {
  const account = existing(state);
  const grant = [...new Set((command.data.grant ?? []).map(role))];
  const revoke = [...new Set((command.data.revoke ?? []).map(role))];
  const granted = grant.filter((r) => !account.roles.includes(r) && !revoke.includes(r));
  const revoked = revoke.filter((r) => account.roles.includes(r));
  const after = [...account.roles, ...granted].filter((r) => !revoked.includes(r));
  if (after.length === 0)
    return refuse(AccountErrors.LAST_ROLE, 'an account keeps at least one role; disable it instead');
  if (revoked.includes('admin')) notSelf(command.meta, account, 'remove the administrator role from');
  guardHasGates(granted, account.gates);
  const { accountId } = account;
  return [
    ...granted.map((r): AccountEvent => ({ type: 'RoleGranted', data: { accountId, role: r } })),
    ...revoked.map((r): AccountEvent => ({ type: 'RoleRevoked', data: { accountId, role: r } })),
  ];
}

function changeGates(command: ChangeGates, state: AccountState): AccountEvent[] {
  const account = existing(state);
  const gates = gatesOf(command.data.gates);
  guardHasGates(account.roles, gates);
  const same = gates.length === account.gates.length && gates.every((g) => account.gates.includes(g));
  return same ? [] : [{ type: 'GatesChanged', data: { accountId: account.accountId, gates } }];
}

function disable(command: DisableAccount, state: AccountState): AccountEvent[] {
  const account = existing(state);
  if (account.status === 'disabled') return [];
  notSelf(command.meta, account, 'disable');
  return [{ type: 'AccountDisabled', data: { accountId: account.accountId, reason: optional(command.data.reason) } }];
}

export function decideAccount(command: AccountCommand, state: AccountState): AccountEvent[] {
  switch (command.type) {
    case 'CreateAccount':
      return create(command, state);
    case 'ChangeRoles':
      return changeRoles(command, state);
    case 'ChangeGates':
      return changeGates(command, state);
    case 'DisableAccount':
      return disable(command, state);
    case 'EnableAccount': {
      const account = existing(state);
      return account.status === 'active' ? [] : [{ type: 'AccountReenabled', data: { accountId: account.accountId } }];
    }
    case 'ChangePassword':
      return [{ type: 'PasswordChanged', data: { accountId: existing(state).accountId } }];
    default:
      return assertNever(command);
  }
}
