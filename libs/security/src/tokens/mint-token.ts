import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import type { LocalSigningKey } from './local-signing-key.js';
import { principalFromClaims, type IdentityClaims } from './principal.js';

export interface MintOptions {
  readonly issuer: string;
  readonly audience: string;
  readonly ttlSeconds: number;
  /** The issuing instant; defaults to the clock. */
  readonly now?: Date;
}

/**
 * Signs a token with the instance's key (embedded mode; the CLI's `token` verb). The claims are
 * checked with the same rules the verifier applies, so a token that would be refused is never minted.
 */
export async function mintToken(key: LocalSigningKey, claims: IdentityClaims, options: MintOptions): Promise<string> {
  const principal = principalFromClaims(claims);
  if (!Number.isInteger(options.ttlSeconds) || options.ttlSeconds <= 0) {
    throw new RangeError('ttlSeconds must be a positive integer');
  }
  const iat = Math.floor((options.now ?? new Date()).getTime() / 1000);
  return new SignJWT({
    ...(principal.name !== undefined ? { name: principal.name } : {}),
    roles: [...principal.roles],
    unit: principal.unit,
    province: principal.province,
    ...(principal.gates.length > 0 ? { gates: [...principal.gates] } : {}),
  })
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT' })
    .setSubject(principal.userId)
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setIssuedAt(iat)
    .setNotBefore(iat)
    .setExpirationTime(iat + options.ttlSeconds)
    .setJti(randomUUID())
    .sign(key.privateKey);
}
