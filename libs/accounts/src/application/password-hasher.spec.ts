import {
  DEFAULT_ARGON2,
  WeakPasswordError,
  checkNewPassword,
  dummyHash,
  hashPassword,
  verifyPassword,
} from './password-hasher.js';

describe('password hashing (Argon2id from node:crypto)', () => {
  const password = 'Cửa khẩu Hữu Nghị 2026';

  it('stores a PHC string with the OWASP parameters and a fresh salt each time', async () => {
    const a = await hashPassword(password);
    const b = await hashPassword(password);
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain(password);
    expect(DEFAULT_ARGON2).toEqual({ memory: 19_456, passes: 2, parallelism: 1 });
  });

  it('verifies the right password and refuses a wrong one, including a near miss', async () => {
    const phc = await hashPassword(password);
    expect(await verifyPassword(password, phc)).toBe(true);
    // The same text in decomposed form (as some keyboards send it) is the same password.
    expect(await verifyPassword(password.normalize('NFD'), phc)).toBe(true);
    expect(await verifyPassword('Cửa khẩu Hữu Nghị 2025', phc)).toBe(false);
    expect(await verifyPassword('', phc)).toBe(false);
  });

  it('verifies with the parameters stored in the string, so stronger ones can come later', async () => {
    const phc = await hashPassword(password, { memory: 8_192, passes: 3, parallelism: 1 });
    expect(phc).toContain('$m=8192,t=3,p=1$');
    expect(await verifyPassword(password, phc)).toBe(true);
  });

  it('treats a malformed or out-of-bounds stored string as a mismatch', async () => {
    const phc = await hashPassword(password);
    for (const bad of [
      '',
      'plaintext',
      phc.replace('argon2id', 'argon2i'),
      phc.replace('m=19456', 'm=99999999'),
      phc.replace('t=2', 't=0'),
      phc.slice(0, -10),
    ]) {
      expect(await verifyPassword(password, bad)).toBe(false);
    }
  });

  it('refuses new passwords shorter than 12 characters as a person counts them', async () => {
    await expect(hashPassword('short-pass1')).rejects.toThrow(WeakPasswordError);
    expect(() => checkNewPassword('x'.repeat(1025))).toThrow(WeakPasswordError);
    expect(() => checkNewPassword(42)).toThrow(WeakPasswordError);
    // Twelve Vietnamese letters are twelve characters, whatever their encoding.
    expect(() => checkNewPassword('ữữữữữữữữữữữữ'.normalize('NFD'))).not.toThrow();
    expect(() => checkNewPassword('ữữữữữữữữữữữ')).toThrow(WeakPasswordError);
  });

  it('makes a dummy hash nobody can match', async () => {
    const dummy = await dummyHash();
    expect(await verifyPassword(password, dummy)).toBe(false);
    expect(await verifyPassword('', dummy)).toBe(false);
  });
});
