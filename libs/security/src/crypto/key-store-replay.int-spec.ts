import { randomBytes, randomUUID } from 'node:crypto';
import { openPglite } from '#event-store';
import { DataErasedError } from './crypto.errors.js';
import { KeyStore } from './key-store.js';
import { MasterKey } from './master-key.js';
import { PersonalDataCipher } from './personal-data-cipher.js';

/**
 * After a restore the log decides (ADR 0017): an erasure it records destroys the key an older
 * key-store backup brought back, even under a hold that copy still shows, and a subject the copy
 * never knew is marked erased so it can never be given a fresh key.
 */
describe('KeyStore.shredAsRecorded (erasure replay)', () => {
  it('destroys a restored key despite an old hold, marks an unknown subject, and does it once', async () => {
    const sql = await openPglite('memory://');
    try {
      const keys = new KeyStore(sql, MasterKey.fromBase64(randomBytes(32).toString('base64')));
      await keys.migrate();
      const cipher = new PersonalDataCipher(keys);
      const held = randomUUID();
      const other = randomUUID();
      const unknown = randomUUID();
      const sealed = await cipher.encrypt(held, { fullName: 'Nguyễn Thị Hoa' });
      await cipher.encrypt(other, { fullName: 'Lò Văn Páo' });
      await keys.setLegalHold(held, 'vụ án 12/2026');
      const at = new Date('2026-12-01T03:00:00.000Z');

      expect(await keys.shredAsRecorded(held, at)).toBe(true);
      expect(await keys.shredAsRecorded(unknown, at)).toBe(true);
      expect(await keys.shredAsRecorded(held, new Date())).toBe(false); // already done: nothing changes

      await expect(cipher.decrypt(held, sealed)).rejects.toBeInstanceOf(DataErasedError);
      expect(await keys.status(held)).toMatchObject({ shreddedAt: at, legalHold: false });
      await expect(cipher.encrypt(unknown, { fullName: 'x' })).rejects.toBeInstanceOf(DataErasedError);
      expect((await keys.status(other))?.shreddedAt).toBeNull();
    } finally {
      await sql.close();
    }
  });
});
