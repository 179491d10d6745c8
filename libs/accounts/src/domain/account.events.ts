import type { DomainEvent, Role } from '#shared-kernel';
import type { AccountProvince } from './account.values.js';

/**
 * Everything that decides what a person may do is an event, so an auditor can tell who could do
 * what on any date. Who made each change is the envelope's actor. No password, and no hash of
 * one, is ever part of an event: the log is kept forever and copied widely.
 */
export type AccountCreated = DomainEvent<
  'AccountCreated',
  {
    accountId: string;
    username: string;
    displayName: string;
    unit: string;
    province: AccountProvince;
    gates: readonly string[];
    roles: readonly Role[];
  }
>;

export type RoleGranted = DomainEvent<'RoleGranted', { accountId: string; role: Role }>;
export type RoleRevoked = DomainEvent<'RoleRevoked', { accountId: string; role: Role }>;
/** The gates a border guard serves: the whole new list. */
export type GatesChanged = DomainEvent<'GatesChanged', { accountId: string; gates: readonly string[] }>;
export type AccountDisabled = DomainEvent<'AccountDisabled', { accountId: string; reason: string | null }>;
export type AccountReenabled = DomainEvent<'AccountReenabled', { accountId: string }>;
/** THAT the password changed (and, in the envelope, by whom); the new hash lives elsewhere. */
export type PasswordChanged = DomainEvent<'PasswordChanged', { accountId: string }>;

export type AccountEvent =
  AccountCreated | RoleGranted | RoleRevoked | GatesChanged | AccountDisabled | AccountReenabled | PasswordChanged;
export type AccountEventType = AccountEvent['type'];

export const ACCOUNT_EVENT_TYPES: readonly AccountEventType[] = [
  'AccountCreated',
  'RoleGranted',
  'RoleRevoked',
  'GatesChanged',
  'AccountDisabled',
  'AccountReenabled',
  'PasswordChanged',
];
