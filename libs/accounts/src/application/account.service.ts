import { commandOf, handle, readCurrent, type EventStore, type WriteAnswer, type WriteContext } from '#event-store';
import { findGate } from '#reference-data';
import { DomainError, isUuid, type Role } from '#shared-kernel';
import { accountIdOf, accountStreamId, signInStreamId } from '../account-stream.js';
import type {
  AccountCommand,
  ChangeGates,
  ChangeRoles,
  CreateAccount,
  DisableAccount,
} from '../domain/account.commands.js';
import { accountDecider } from '../domain/account.decider.js';
import { AccountErrors } from '../domain/account.errors.js';
import type { AccountEvent } from '../domain/account.events.js';
import type { AccountState, ExistingAccount } from '../domain/account.state.js';
import { isUsername, normalizeUsername } from '../domain/account.values.js';
import { accountView, historyEntry, type AccountHistoryEntry, type AccountView } from './account.view.js';
import type { CredentialStore } from './credential-store.js';
import { WeakPasswordError, hashPassword } from './password-hasher.js';
import type { SessionStore } from './session-store.js';
import { accountAggregate } from './account-aggregate.js';

export interface NewAccount {
  readonly username: string;
  readonly displayName: string;
  readonly unit: string;
  readonly province: string;
  readonly gates: readonly string[];
  readonly roles: readonly Role[];
  readonly password: string;
}

/** What an administrator may change on an existing account, besides its password. */
export type AccountChange =
  | Pick<ChangeRoles, 'type' | 'data'>
  | Pick<ChangeGates, 'type' | 'data'>
  | Pick<DisableAccount, 'type' | 'data'>
  | { readonly type: 'EnableAccount'; readonly data: Record<string, never> };

const notFound = (): never => {
  throw new DomainError(AccountErrors.NOT_FOUND, 'no account with this name', 'not_found');
};

/** The new password's hash, or a refusal that names the rule and never the password. */
async function newHash(password: string): Promise<string> {
  try {
    return await hashPassword(password);
  } catch (error) {
    if (error instanceof WeakPasswordError)
      throw new DomainError(AccountErrors.WEAK_PASSWORD, error.message, 'invalid');
    throw error;
  }
}

/** Gates are codes of the reference register: a guard serving a gate that does not exist would see nothing. */
function knownGates(gates: readonly string[]): void {
  const unknown = gates.filter((g) => typeof g === 'string' && findGate(g) === undefined);
  if (unknown.length > 0)
    throw new DomainError(AccountErrors.UNKNOWN_GATE, `not gates of the register: ${unknown.join(', ')}`, 'invalid');
}

/** An account named in a path: its id, or its user name (which derives the id). */
export function accountIdFrom(nameOrId: string): string | null {
  if (isUuid(nameOrId)) return nameOrId.toLowerCase();
  const name = normalizeUsername(nameOrId);
  return isUsername(name) ? accountIdOf(name) : null;
}

/**
 * Administering local accounts: read → fold → decide → append through `handle`, then the two
 * tables beside the log. The password hash is written after its PasswordChanged/AccountCreated
 * event, so the record never lacks a change that took effect. Every change to who the account
 * is or may be ends its sessions at once. Used by the HTTP controllers and, when it owns the
 * database, by the CLI, so it stays free of Nest.
 */
export class AccountService {
  constructor(
    private readonly store: EventStore,
    private readonly credentials: CredentialStore,
    private readonly sessions: SessionStore,
  ) {}

  async create(draft: NewAccount, ctx: WriteContext): Promise<WriteAnswer> {
    knownGates(draft.gates);
    const username = normalizeUsername(draft.username);
    if (!isUsername(username))
      throw new DomainError(
        AccountErrors.INVALID_USERNAME,
        'user name: 2–64 of a-z 0-9 . _ -, starting with a letter',
        'invalid',
      );
    // Hashed (and its length checked) before anything is written.
    const phc = await newHash(draft.password);
    const accountId = accountIdOf(username);
    const command = commandOf<CreateAccount>(
      'CreateAccount',
      {
        accountId,
        username,
        displayName: draft.displayName,
        unit: draft.unit,
        province: draft.province,
        gates: draft.gates,
        roles: draft.roles,
      },
      ctx,
    );
    const answer = await handle({
      ...accountAggregate(this.store, accountId),
      command,
      ctx,
    });
    await this.credentials.setPassword(accountId, username, phc, ctx.now);
    return answer;
  }

  async change(nameOrId: string, change: AccountChange, ctx: WriteContext): Promise<WriteAnswer> {
    const accountId = accountIdFrom(nameOrId) ?? notFound();
    if (change.type === 'ChangeGates') knownGates(change.data.gates);
    let changed = false;
    const answer = await handle({
      ...accountAggregate(this.store, accountId),
      command: commandOf<AccountCommand>(change.type, change.data, ctx),
      ctx,
      linked: (_state, events) => ((changed = events.length > 0), []),
    });
    // A repeated disable changes nothing in the log but still ends sessions: it completes one
    // interrupted between its event and this step.
    if (change.type === 'DisableAccount' || (changed && change.type !== 'EnableAccount'))
      await this.endSessions(accountId);
    return answer;
  }

  async setPassword(nameOrId: string, password: string, ctx: WriteContext): Promise<WriteAnswer> {
    const accountId = accountIdFrom(nameOrId) ?? notFound();
    const phc = await newHash(password);
    let username = '';
    const answer = await handle({
      ...accountAggregate(this.store, accountId),
      command: (state: AccountState) => {
        if (state.status !== 'none') username = state.username;
        return commandOf<AccountCommand>('ChangePassword', {}, ctx);
      },
      ctx,
    });
    // Bumps the epoch too: sessions opened with the old password are no longer honoured.
    await this.credentials.setPassword(accountId, username, phc, ctx.now);
    await this.sessions.endAllOf(accountId);
    return answer;
  }

  /** Every account as it stands now, or as it stood at `asOf` (by the time each change was recorded). */
  async list(asOf?: Date): Promise<AccountView[]> {
    const views: AccountView[] = [];
    for (const id of await this.credentials.accountIds()) {
      const found = await this.read(id, asOf);
      if (found) views.push(found.view);
    }
    return views;
  }

  async find(nameOrId: string): Promise<AccountView | null> {
    const accountId = accountIdFrom(nameOrId);
    return accountId === null ? null : ((await this.read(accountId))?.view ?? null);
  }

  /**
   * The account's changes and the sign-in attempts under its name, in recorded order. Null when
   * neither exists; attempts under a name nobody holds have a history without an account.
   */
  async history(nameOrId: string): Promise<AccountHistoryEntry[] | null> {
    const accountId = accountIdFrom(nameOrId);
    if (accountId === null) return null;
    const entries: AccountHistoryEntry[] = [];
    for await (const e of this.store.readStream(accountStreamId(accountId))) entries.push(historyEntry(e, 'account'));
    for await (const e of this.store.readStream(signInStreamId(accountId))) entries.push(historyEntry(e, 'sign-in'));
    if (entries.length === 0) return null;
    return entries.sort((a, b) => (BigInt(a.position) < BigInt(b.position) ? -1 : 1));
  }

  /** The account's current state, for sign-in. */
  async state(accountId: string): Promise<AccountState> {
    return (await this.read(accountId))?.state ?? accountDecider.initialState;
  }

  private async read(accountId: string, asOf?: Date): Promise<{ state: ExistingAccount; view: AccountView } | null> {
    let state = accountDecider.initialState;
    let created = '';
    let revision = -1n;
    for await (const e of readCurrent(this.store, accountStreamId(accountId))) {
      if (asOf && Date.parse(e.metadata.recordedAt) > asOf.getTime()) break;
      state = accountDecider.evolve(state, { type: e.type, data: e.data } as AccountEvent);
      if (e.type === 'AccountCreated') created = e.metadata.recordedAt;
      revision = e.revision;
    }
    return state.status === 'none' ? null : { state, view: accountView(state, created, revision) };
  }

  private async endSessions(accountId: string): Promise<void> {
    await this.credentials.bumpEpoch(accountId);
    await this.sessions.endAllOf(accountId);
  }
}
