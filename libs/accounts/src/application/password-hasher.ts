import { argon2, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Argon2id from node:crypto (Node ≥ 24.7), stored as a PHC string:
 * `$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>` (base64 without padding). The parameters are
 * OWASP's minimum for Argon2id (19 MiB, 2 passes, 1 lane): ~100 ms on the 2-core reference
 * machine, run on libuv's thread pool so the event loop keeps serving.
 */
export interface Argon2Params {
  readonly memory: number;
  readonly passes: number;
  readonly parallelism: number;
}

export const DEFAULT_ARGON2: Argon2Params = { memory: 19_456, passes: 2, parallelism: 1 };
export const MIN_PASSWORD_LENGTH = 12;
/** Argon2 takes any length; a cap keeps a megabyte "password" from being a cheap way to load the server. */
export const MAX_PASSWORD_LENGTH = 1024;

const SALT_BYTES = 16;
const TAG_BYTES = 32;
const PHC = /^\$argon2id\$v=19\$m=(\d{1,7}),t=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]{11,64})\$([A-Za-z0-9+/]{22,128})$/;
// Bounds on what a stored string may ask for, so a corrupted row cannot make one sign-in take a gigabyte.
const LIMITS = { memory: [8, 1_048_576], passes: [1, 10], parallelism: [1, 16] } as const;

/** The password is too short or too long to be accepted as a new one. */
export class WeakPasswordError extends Error {
  constructor() {
    super(`a password has ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters`);
    this.name = 'WeakPasswordError';
  }
}

/** Length in characters as a person counts them (code points), so a Vietnamese password is not favoured or punished. */
export function checkNewPassword(password: unknown): asserts password is string {
  if (typeof password !== 'string' || password.length > MAX_PASSWORD_LENGTH) throw new WeakPasswordError();
  if ([...password.normalize('NFC')].length < MIN_PASSWORD_LENGTH) throw new WeakPasswordError();
}

const b64 = (bytes: Buffer): string => bytes.toString('base64').replace(/=+$/, '');

function derive(password: string, salt: Buffer, params: Argon2Params, length = TAG_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    argon2(
      'argon2id',
      { message: Buffer.from(password.normalize('NFC'), 'utf8'), nonce: salt, tagLength: length, ...params },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );
}

export async function hashPassword(password: string, params: Argon2Params = DEFAULT_ARGON2): Promise<string> {
  checkNewPassword(password);
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(password, salt, params);
  return `$argon2id$v=19$m=${params.memory},t=${params.passes},p=${params.parallelism}$${b64(salt)}$${b64(hash)}`;
}

function parse(phc: string): { params: Argon2Params; salt: Buffer; hash: Buffer } | null {
  const m = PHC.exec(phc);
  if (!m) return null;
  const params = { memory: Number(m[1]), passes: Number(m[2]), parallelism: Number(m[3]) };
  for (const [name, [lo, hi]] of Object.entries(LIMITS)) {
    const value = params[name as keyof Argon2Params];
    if (value < lo || value > hi) return null;
  }
  if (params.memory < 8 * params.parallelism) return null;
  return { params, salt: Buffer.from(m[4], 'base64'), hash: Buffer.from(m[5], 'base64') };
}

/**
 * True when the password matches. The comparison is constant-time; a malformed stored string is
 * a mismatch (after the same work, so its timing tells nothing either).
 */
export async function verifyPassword(password: string, phc: string): Promise<boolean> {
  const parsed = parse(phc);
  const candidate = typeof password === 'string' ? password.slice(0, MAX_PASSWORD_LENGTH) : '';
  if (parsed === null) {
    await derive(candidate, randomBytes(SALT_BYTES), DEFAULT_ARGON2);
    return false;
  }
  const computed = await derive(candidate, parsed.salt, parsed.params, parsed.hash.length);
  return computed.length === parsed.hash.length && timingSafeEqual(computed, parsed.hash);
}

/**
 * A hash of a random password nobody knows. Sign-in verifies against it when the account does
 * not exist or is disabled, so the answer takes as long as for a real account with a wrong password.
 */
export async function dummyHash(): Promise<string> {
  return hashPassword(randomBytes(24).toString('base64url'));
}
