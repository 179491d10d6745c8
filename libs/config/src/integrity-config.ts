import { createPrivateKey } from 'node:crypto';

/**
 * Signed checkpoints (issue 8, ADR 0009): the key that signs them and how often one is recorded.
 * Kept apart from app-config.ts so the integrity settings read as one block.
 */
export interface IntegrityConfig {
  /**
   * Ed25519 private key, PKCS#8 PEM or base64 of the PKCS#8 DER; null means a key file in
   * DATA_DIR/keys, created on first use (the embedded default).
   */
  readonly signingKey: string | null;
  /** A checkpoint this often when something new was recorded; 0: none from this process. */
  readonly intervalSeconds: number;
}

export const INTEGRITY_VARIABLES: Readonly<Record<string, string>> = {
  CHECKPOINT_SIGNING_KEY:
    'Ed25519 private key (PKCS#8 PEM, or base64 of its DER) signing checkpoints; unset: a key file in DATA_DIR/keys',
  CHECKPOINT_INTERVAL_SECONDS:
    'record a signed checkpoint this often when the log grew; 0 = not from this process (default 300)',
};

type Env = Readonly<Record<string, string | undefined>>;

/** The key text as PEM, or null when it is not an Ed25519 private key in one of the accepted forms. */
export function checkpointKeyPem(raw: string): string | null {
  const text = raw.trim();
  const pem = text.startsWith('-----BEGIN')
    ? text
    : `-----BEGIN PRIVATE KEY-----\n${Buffer.from(text, 'base64').toString('base64')}\n-----END PRIVATE KEY-----\n`;
  try {
    const key = createPrivateKey({ key: pem, format: 'pem' });
    return key.asymmetricKeyType === 'ed25519' ? pem : null;
  } catch {
    return null;
  }
}

export function loadIntegrityConfig(env: Env, problems: string[]): IntegrityConfig {
  const raw = env.CHECKPOINT_SIGNING_KEY;
  let signingKey: string | null = null;
  if (raw !== undefined && raw !== '') {
    signingKey = checkpointKeyPem(raw);
    // Never echo the value: it is a secret.
    if (signingKey === null)
      problems.push('CHECKPOINT_SIGNING_KEY must be an Ed25519 private key: PKCS#8 PEM, or base64 of its DER');
  }
  const interval = env.CHECKPOINT_INTERVAL_SECONDS;
  let intervalSeconds = 300;
  if (interval !== undefined && interval !== '') {
    const n = Number(interval);
    if (!Number.isInteger(n) || n < 0 || n > 7 * 24 * 3600)
      problems.push(`CHECKPOINT_INTERVAL_SECONDS must be an integer between 0 and 604800 (got "${interval}")`);
    else intervalSeconds = n;
  }
  return { signingKey, intervalSeconds };
}
