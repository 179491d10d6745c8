import { randomBytes } from 'node:crypto';
import { CiphertextInvalidError, MasterKeyMismatchError } from './crypto.errors.js';
import { MasterKey } from './master-key.js';

describe('the master key', () => {
  const master = MasterKey.fromBase64(randomBytes(32).toString('base64'));
  const dataKey = randomBytes(32);

  it('wraps a data key so that only the same context opens it', () => {
    const wrapped = master.wrap(dataKey, 'subject-a');
    expect(wrapped).toMatch(/^mk1\./);
    expect(wrapped).not.toContain(dataKey.toString('base64url'));
    expect(master.unwrap(wrapped, 'subject-a').equals(dataKey)).toBe(true);
    expect(() => master.unwrap(wrapped, 'subject-b')).toThrow(CiphertextInvalidError);
  });

  it('tells a key wrapped by another master key from a damaged one', () => {
    const other = MasterKey.fromBase64(randomBytes(32).toString('base64'));
    const wrapped = master.wrap(dataKey, 'subject-a');
    expect(() => other.unwrap(wrapped, 'subject-a')).toThrow(MasterKeyMismatchError);
    const parts = wrapped.split('.');
    parts[4] = `${parts[4][0] === 'A' ? 'B' : 'A'}${parts[4].slice(1)}`;
    expect(() => master.unwrap(parts.join('.'), 'subject-a')).toThrow(CiphertextInvalidError);
    expect(() => master.unwrap('garbage', 'subject-a')).toThrow(CiphertextInvalidError);
  });

  it('accepts only 32 bytes, and its id does not reveal it', () => {
    expect(() => MasterKey.fromBase64(randomBytes(31).toString('base64'))).toThrow('exactly 32 bytes');
    const bytes = randomBytes(32);
    const key = MasterKey.fromBase64(bytes.toString('base64'));
    expect(key.id).toBe(MasterKey.fromBase64(bytes.toString('base64')).id);
    expect(bytes.toString('base64url')).not.toContain(key.id);
  });
});
