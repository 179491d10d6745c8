import type { RecordedEvent } from '#event-store';
import type { Role } from '#shared-kernel';
import type { ExistingAccount } from '../domain/account.state.js';

/** One account as administrators and auditors see it: who, where, what they may do. Never a hash. */
export interface AccountView {
  readonly id: string;
  readonly username: string;
  readonly name: string;
  readonly roles: readonly Role[];
  readonly unit: string;
  readonly province: string;
  readonly gates: readonly string[];
  readonly disabled: boolean;
  /** When the account was created (UTC). */
  readonly created: string;
  readonly revision: string;
}

/** One fact of an account's history: a change to it, or a sign-in attempt under its name. */
export interface AccountHistoryEntry {
  readonly position: string;
  readonly at: string;
  readonly stream: 'account' | 'sign-in';
  readonly type: string;
  readonly actor: { readonly userId: string; readonly role: string; readonly unitId: string };
  readonly data: unknown;
}

export const accountView = (state: ExistingAccount, created: string, revision: bigint): AccountView => ({
  id: state.accountId,
  username: state.username,
  name: state.displayName,
  roles: state.roles,
  unit: state.unit,
  province: state.province,
  gates: state.gates,
  disabled: state.status === 'disabled',
  created,
  revision: revision.toString(),
});

export const historyEntry = (event: RecordedEvent, stream: AccountHistoryEntry['stream']): AccountHistoryEntry => ({
  position: event.position.toString(),
  at: event.metadata.recordedAt,
  stream,
  type: event.type,
  actor: { userId: event.metadata.actor.userId, role: event.metadata.actor.role, unitId: event.metadata.actor.unitId },
  data: event.data,
});
