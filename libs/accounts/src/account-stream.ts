import { v5 as uuidv5 } from 'uuid';
import { streamIdOf } from '#shared-kernel';
import { normalizeUsername } from './domain/account.values.js';

export const ACCOUNT_CATEGORY = 'account';
/** Sign-in attempts under a name, apart from the account's own stream (they never conflict with it). */
export const SIGN_IN_CATEGORY = 'signin';

// Fixed for ever: changing it would orphan every account stream.
const ACCOUNT_NAMESPACE = '6f0c7f3e-2d1b-5a4e-9c8d-0b1e2f3a4b5c';

/**
 * One stream per user name: the id is derived from the name, so a second `user add` of the same
 * name lands on the existing stream and is refused by the decider, race or not. Attempts to sign
 * in under a name nobody holds get the same id, so they are recorded beside it.
 */
export const accountIdOf = (username: string): string => uuidv5(normalizeUsername(username), ACCOUNT_NAMESPACE);
export const accountStreamId = (accountId: string): string => streamIdOf(ACCOUNT_CATEGORY, accountId);
export const signInStreamId = (accountId: string): string => streamIdOf(SIGN_IN_CATEGORY, accountId);
