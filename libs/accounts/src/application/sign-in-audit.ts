import { commandOf, handle, type EventStore, type WriteContext } from '#event-store';
import { newId, type Actor, type Decider, type DomainCommand, type DomainEvent } from '#shared-kernel';
import { accountIdOf, signInStreamId } from '../account-stream.js';
import { isUsername, normalizeUsername } from '../domain/account.values.js';

/**
 * Sign-in attempts are part of the record an auditor reads: the name typed, the outcome and the
 * client's address, never the password. They go to `signin-<id of the name>`, beside the
 * account's own stream, so they never contend with changes to the account and attempts under a
 * name nobody holds are kept too. The reason of a failure is recorded here for the auditor;
 * the client is told only that sign-in failed.
 */
export type SignInFailureReason = 'wrong_password' | 'unknown_account' | 'disabled' | 'no_password' | 'invalid_account';

/** `via`: the password form, or an OpenID provider (then `username` is the verified subject). */
export type SignInSucceeded = DomainEvent<
  'SignInSucceeded',
  { username: string; address: string; via: 'password' | 'oidc' }
>;
export type SignInFailed = DomainEvent<
  'SignInFailed',
  // The account's province when the name is one, so that province's auditors see the attempt.
  { username: string; address: string; reason: SignInFailureReason; province?: string | null }
>;
/** Refused by a rate limit before the password was even looked at. */
export type SignInThrottled = DomainEvent<
  'SignInThrottled',
  { username: string | null; address: string; limit: 'address' | 'account'; retryAfterSeconds: number }
>;
export type SignedOut = DomainEvent<'SignedOut', { username: string; address: string }>;

export type SignInEvent = SignInSucceeded | SignInFailed | SignInThrottled | SignedOut;
export const SIGN_IN_EVENT_TYPES: readonly SignInEvent['type'][] = [
  'SignInSucceeded',
  'SignInFailed',
  'SignInThrottled',
  'SignedOut',
];

/**
 * Who records an attempt nobody has been recognised for: the service itself. Like the counterpart
 * gateway's actor, a system actor with the role that manages accounts.
 */
export const SIGN_IN_ACTOR: Actor = { userId: 'system:sign-in', role: 'admin', unitId: 'VN-BLO-SIGNIN' };

/**
 * The name as recorded, lower-cased. People sometimes type their password into the name field;
 * what cannot be a user name (spaces, symbols other than . _ -, over 64 characters) is recorded
 * as NOT_A_NAME instead, so the log keeps most such slips out. A password of only letters and
 * digits still looks like a name: the residual risk of recording what was typed.
 */
export const NOT_A_NAME = '(not a user name)';
export const recordedName = (typed: unknown): string => {
  const name = typeof typed === 'string' ? normalizeUsername(typed) : '';
  return isUsername(name) ? name : NOT_A_NAME;
};

/** Records an attempt: nothing to decide, the attempt happened; the stream protects no invariant. */
type RecordSignIn = DomainCommand<'RecordSignIn', { event: SignInEvent }>;
const signInDecider: Decider<null, RecordSignIn, SignInEvent> = {
  initialState: null,
  decide: ({ data }) => [data.event],
  evolve: (state) => state,
};

/** Appends one sign-in event through the one write path; `any` revision: attempts never conflict. */
export async function recordSignIn(
  store: EventStore,
  event: SignInEvent,
  actor: Actor,
  now: Date,
  correlationId: string = newId(),
): Promise<bigint> {
  const accountId = accountIdOf(event.data.username ?? '');
  const ctx: WriteContext = { actor, now, correlationId, causationId: null };
  const answer = await handle({
    store,
    decider: signInDecider,
    streamId: signInStreamId(accountId),
    id: accountId,
    command: commandOf<RecordSignIn>('RecordSignIn', { event }, ctx),
    ctx,
    concurrency: 'any',
  });
  return BigInt(answer.position);
}
