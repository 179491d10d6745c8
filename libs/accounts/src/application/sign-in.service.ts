import type { EventStore } from '#event-store';
import { actorFor, principalFromClaims, type Principal } from '#security';
import { accountIdOf } from '../account-stream.js';
import type { ExistingAccount } from '../domain/account.state.js';
import { normalizeUsername } from '../domain/account.values.js';
import type { AccountService } from './account.service.js';
import type { CredentialStore } from './credential-store.js';
import { dummyHash, verifyPassword } from './password-hasher.js';
import type { OpenedSession, SessionStore } from './session-store.js';
import { SIGN_IN_ACTOR, recordSignIn, recordedName, type SignInFailureReason } from './sign-in-audit.js';

export type SignInOutcome =
  | { readonly ok: true; readonly principal: Principal; readonly session: OpenedSession }
  | { readonly ok: false; readonly reason: SignInFailureReason };

/** What a local account may do, as a principal; null when the account's shape cannot make one. */
function principalOf(account: ExistingAccount): Principal | null {
  try {
    return principalFromClaims({
      sub: account.username,
      name: account.displayName,
      roles: account.roles,
      unit: account.unit,
      province: account.province,
      gates: account.gates,
    });
  } catch {
    return null;
  }
}

/**
 * Password sign-in. Every attempt costs one Argon2id verification whether or not the account
 * exists or is enabled (against a hash of a random password when there is nothing real to check),
 * so the time of the answer says nothing about the account. Every attempt is recorded.
 */
export class SignInService {
  /** Computed at start, so not even the first attempt pays for it. */
  private readonly dummy: Promise<string> = dummyHash();

  constructor(
    private readonly store: EventStore,
    private readonly accounts: AccountService,
    private readonly credentials: CredentialStore,
    private readonly sessions: SessionStore,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async signIn(typedName: string, password: string, address: string): Promise<SignInOutcome> {
    const username = recordedName(typedName);
    const accountId = accountIdOf(normalizeUsername(typedName));
    // The epoch is read before the account: a change recorded after this read bumps it, so a
    // session opened on what we are about to read can never outlive that change.
    const credential = await this.credentials.find(accountId);
    const state = await this.accounts.state(accountId);
    const account = state.status === 'none' ? null : state;
    const usable = account?.status === 'active' && credential !== null;
    const matches = await verifyPassword(password, usable ? credential.phc : await this.dummy);
    const principal = account && usable && matches ? principalOf(account) : null;
    const now = this.clock();
    if (!account || !usable || !matches || !principal) {
      const reason: SignInFailureReason = !account
        ? 'unknown_account'
        : account.status === 'disabled'
          ? 'disabled'
          : !credential
            ? 'no_password'
            : !matches
              ? 'wrong_password'
              : 'invalid_account';
      await recordSignIn(
        this.store,
        { type: 'SignInFailed', data: { username, address, reason, province: account?.province ?? null } },
        SIGN_IN_ACTOR,
        now,
      );
      return { ok: false, reason };
    }
    await recordSignIn(
      this.store,
      { type: 'SignInSucceeded', data: { username, address, via: 'password' } },
      actorFor(principal),
      now,
    );
    const session = await this.sessions.open(principal, { accountId, epoch: credential.epoch });
    return { ok: true, principal, session };
  }

  /** Ends the session of this cookie and records who signed out. */
  async signOut(token: string, principal: Principal, address: string): Promise<void> {
    await this.sessions.end(token);
    await recordSignIn(
      this.store,
      { type: 'SignedOut', data: { username: recordedName(principal.userId), address } },
      actorFor(principal),
      this.clock(),
    );
  }
}
