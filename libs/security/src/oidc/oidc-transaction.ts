import type { KeyObject } from 'node:crypto';
import { fromB64url, open, seal } from '../crypto/aes-gcm.js';

/**
 * What the server must remember between sending a browser to the provider and its return:
 * the checks that bind the answer to this browser (state), the ID token to this request (nonce)
 * and the code to this client (PKCE verifier), plus where to send the user afterwards.
 */
export interface OidcTransaction {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
  /** A same-origin path, already checked by safeReturnTo. */
  readonly returnTo: string;
  /** Epoch seconds; the callback is refused afterwards whatever the cookie's own lifetime says. */
  readonly expiresAt: number;
}

const BASE = 'http://return-to.invalid';
const MAX_RETURN_TO = 2000;
// Controls and backslashes are refused outright: URL parsers drop tabs and newlines and read
// `\` as `/`, which turns `/\evil.example` or `/<TAB>/evil.example` into a protocol-relative URL.
const UNSAFE = /[\u0000-\u001f\u007f\\]/;

/**
 * Where to go after sign-in, only ever a path on this service: anything else (an absolute or
 * protocol-relative URL, a scheme, a control character) becomes `/`, so the sign-in can never
 * be used as an open redirector towards a look-alike site.
 */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_RETURN_TO) return '/';
  if (!value.startsWith('/') || value.startsWith('//') || UNSAFE.test(value)) return '/';
  try {
    const url = new URL(value, BASE);
    if (url.origin !== BASE) return '/';
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return '/';
  }
}

const VERSION = 'tx1';
const AAD = 'blo-ledger oidc sign-in transaction v1';

/**
 * Seals a transaction into a cookie value (AES-256-GCM), so that any instance behind the load
 * balancer can take the callback without a shared session store, and the browser can neither
 * read the PKCE verifier nor change the state or the return path.
 */
export class OidcTransactionSealer {
  constructor(private readonly key: KeyObject) {
    if (key.type !== 'secret' || key.symmetricKeySize !== 32)
      throw new Error('the sealing key must be 32 secret bytes');
  }

  seal(transaction: OidcTransaction): string {
    const { state, nonce, codeVerifier, returnTo, expiresAt } = transaction;
    const plain = Buffer.from(JSON.stringify({ s: state, n: nonce, v: codeVerifier, r: returnTo, e: expiresAt }));
    const sealed = seal(this.key, plain, AAD);
    const encoded = [sealed.iv, sealed.tag, sealed.ciphertext].map((bytes) => bytes.toString('base64url'));
    return [VERSION, ...encoded].join('.');
  }

  /** Null for anything that is not an unexpired transaction sealed with this key. */
  open(value: string | undefined, nowSeconds: number = Math.floor(Date.now() / 1000)): OidcTransaction | null {
    const parts = (value ?? '').split('.');
    if (parts.length !== 4 || parts[0] !== VERSION) return null;
    const [iv, tag, ciphertext] = parts.slice(1).map(fromB64url);
    const plain = iv && tag && ciphertext ? open(this.key, { iv, tag, ciphertext }, AAD) : null;
    if (plain === null) return null;
    let fields: Record<string, unknown>;
    try {
      fields = JSON.parse(plain.toString('utf8')) as Record<string, unknown>;
    } catch {
      return null;
    }
    const { s, n, v, r, e } = fields;
    if (typeof s !== 'string' || typeof n !== 'string' || typeof v !== 'string' || typeof r !== 'string') return null;
    if (typeof e !== 'number' || e <= nowSeconds) return null;
    return { state: s, nonce: n, codeVerifier: v, returnTo: safeReturnTo(r), expiresAt: e };
  }
}
