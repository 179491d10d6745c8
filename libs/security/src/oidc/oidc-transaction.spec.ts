import { createSecretKey, randomBytes } from 'node:crypto';
import { OidcTransactionSealer, safeReturnTo, type OidcTransaction } from './oidc-transaction.js';

describe('safeReturnTo', () => {
  it.each([
    ['/cases', '/cases'],
    ['/cases/3f1c?status=open#top', '/cases/3f1c?status=open#top'],
    ['/a/../handovers', '/handovers'],
  ])('keeps the path %s on this service', (given, kept) => {
    expect(safeReturnTo(given)).toBe(kept);
  });

  it.each([
    undefined,
    null,
    ['/cases', '/x'],
    '',
    'cases',
    '//evil.example/cases',
    '/\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    `/${'a'.repeat(2000)}`,
  ])('sends %p to / instead', (given) => {
    expect(safeReturnTo(given)).toBe('/');
  });
});

describe('OidcTransactionSealer', () => {
  const key = createSecretKey(randomBytes(32));
  const sealer = new OidcTransactionSealer(key);
  const now = 1_800_000_000;
  const transaction: OidcTransaction = {
    state: 'state-value',
    nonce: 'nonce-value',
    codeVerifier: 'verifier-value',
    returnTo: '/cases',
    expiresAt: now + 600,
  };

  it('opens what it sealed, and shows none of it in the cookie value', () => {
    const sealed = sealer.seal(transaction);
    expect(sealed).toMatch(/^tx1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    for (const secret of ['state-value', 'nonce-value', 'verifier-value', '/cases'])
      expect(sealed).not.toContain(secret);
    expect(sealer.open(sealed, now)).toEqual(transaction);
  });

  it('refuses a value altered, sealed under another key, expired, or not a transaction at all', () => {
    const sealed = sealer.seal(transaction);
    const [version, iv, tag, body] = sealed.split('.');
    const flipped = `${body.slice(0, -2)}${body.at(-2) === 'A' ? 'B' : 'A'}${body.at(-1)}`;
    expect(sealer.open([version, iv, tag, flipped].join('.'), now)).toBeNull();
    expect(new OidcTransactionSealer(createSecretKey(randomBytes(32))).open(sealed, now)).toBeNull();
    expect(sealer.open(sealed, now + 600)).toBeNull();
    for (const junk of [undefined, '', 'tx1', 'tx1.a.b.c', 'tx2.a.b.c.d', '💥.💥.💥.💥'])
      expect(sealer.open(junk, now)).toBeNull();
  });

  it('takes only a 32-byte secret key', () => {
    expect(() => new OidcTransactionSealer(createSecretKey(randomBytes(16)))).toThrow(/32 secret bytes/);
  });
});
