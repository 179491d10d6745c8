import { randomBytes, randomUUID } from 'node:crypto';
import { openPglite, openPostgres, type SqlClient } from '#event-store';
import { createTestDatabase, postgresUrlOrSkip } from '#testing';
import {
  CiphertextInvalidError,
  DataErasedError,
  LegalHoldError,
  MasterKeyMismatchError,
  SubjectKeyNotFoundError,
} from './crypto.errors.js';
import { KeyStore } from './key-store.js';
import { MasterKey } from './master-key.js';
import { PersonalDataCipher } from './personal-data-cipher.js';

interface Target {
  open(): Promise<{ sql: SqlClient; dispose: () => Promise<void> }>;
}

const pgUrl = postgresUrlOrSkip('security: key store and personal data cipher on PostgreSQL');
const targets: [string, Target][] = [
  [
    'PGlite',
    {
      open: async () => {
        const sql = await openPglite('memory://');
        return { sql, dispose: () => sql.close() };
      },
    },
  ],
];
if (pgUrl)
  targets.push([
    'PostgreSQL',
    {
      open: async () => {
        const db = await createTestDatabase(pgUrl);
        const sql = openPostgres(db.url, 8);
        return { sql, dispose: () => sql.close().then(db.drop) };
      },
    },
  ]);

const PERSON = {
  fullName: 'Nguyễn Thị Hương',
  nameVariants: [
    { script: 'zh-Hans', value: '阮氏香' },
    { script: 'pinyin', value: 'Ruǎn Shì Xiāng' },
  ],
  dateOfBirth: '2009-04-17',
  documents: [{ kind: 'cccd', number: '020309001234' }],
  notes: 'Được bàn giao tại cửa khẩu Hữu Nghị — 友谊关口岸移交',
};

const flipFirst = (part: string): string => `${part[0] === 'A' ? 'B' : 'A'}${part.slice(1)}`;

describe.each(targets)('per-subject encryption on %s', (_name, target) => {
  let sql: SqlClient;
  let dispose: () => Promise<void>;
  let master: MasterKey;
  let keys: KeyStore;
  let cipher: PersonalDataCipher;
  /** Another process on the same database: its own store, nothing cached. */
  const elsewhere = () => new PersonalDataCipher(new KeyStore(sql, master, { cacheSize: 0 }));

  beforeAll(async () => {
    ({ sql, dispose } = await target.open());
    master = MasterKey.fromBase64(randomBytes(32).toString('base64'));
    keys = new KeyStore(sql, master);
    await Promise.all([keys.migrate(), new KeyStore(sql, master).migrate()]);
    await keys.migrate();
    cipher = new PersonalDataCipher(keys);
  });
  afterAll(() => dispose());

  it('round-trips Vietnamese and Chinese text, and the envelope shows none of it', async () => {
    const personId = randomUUID();
    const envelope = await cipher.encrypt(personId, PERSON);
    expect(envelope).toMatch(/^v1\.1\.[\w-]{16}\.[\w-]{22}\.[\w-]+$/);
    for (const fragment of ['Hương', '阮氏香', '020309001234', Buffer.from('Nguy').toString('base64url')]) {
      expect(envelope).not.toContain(fragment);
    }
    await expect(cipher.decrypt(personId, envelope)).resolves.toEqual(PERSON);
    await expect(elsewhere().decrypt(personId, envelope)).resolves.toEqual(PERSON);
    // Same plaintext twice gives different ciphertexts (fresh IV), so equal names are not linkable.
    expect(await cipher.encrypt(personId, PERSON)).not.toBe(envelope);
  });

  it('keeps the data key out of the stored row', async () => {
    const personId = randomUUID();
    await cipher.encrypt(personId, PERSON);
    const raw = (await keys.get(personId)).key.export();
    const row = await sql.query('SELECT * FROM subject_keys WHERE subject_id = $1', [personId]);
    const stored = JSON.stringify(row.rows[0]);
    for (const encoding of ['hex', 'base64', 'base64url'] as const) {
      expect(stored).not.toContain(raw.toString(encoding));
    }
    expect(row.rows[0]).toMatchObject({ key_version: 1, shredded_at: null, legal_hold: false });
    expect(String(row.rows[0].wrapped_key)).toMatch(new RegExp(`^mk1\\.${master.id}\\.`));
  });

  it('opens a blob only for its own subject', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const forA = await cipher.encrypt(a, PERSON);
    await cipher.encrypt(b, { fullName: 'Lý Văn Minh' });
    await expect(cipher.decrypt(b, forA)).rejects.toThrow(CiphertextInvalidError);
    await expect(cipher.decrypt(randomUUID(), forA)).rejects.toThrow(SubjectKeyNotFoundError);
  });

  it('refuses a wrapped key moved onto another subject row', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    await cipher.encrypt(a, PERSON);
    const forB = await cipher.encrypt(b, PERSON);
    await sql.query(
      'UPDATE subject_keys SET wrapped_key = (SELECT wrapped_key FROM subject_keys WHERE subject_id = $1) WHERE subject_id = $2',
      [a, b],
    );
    await expect(elsewhere().decrypt(b, forB)).rejects.toThrow(CiphertextInvalidError);
  });

  it('detects tampering with any part of the envelope', async () => {
    const personId = randomUUID();
    const envelope = await cipher.encrypt(personId, PERSON);
    const parts = envelope.split('.');
    const variants = [
      [parts[0], parts[1], flipFirst(parts[2]), parts[3], parts[4]],
      [parts[0], parts[1], parts[2], flipFirst(parts[3]), parts[4]],
      [parts[0], parts[1], parts[2], parts[3], flipFirst(parts[4])],
      [parts[0], parts[1], parts[2], parts[3], parts[4].slice(0, -4)],
      [parts[0], '2', parts[2], parts[3], parts[4]],
      ['v2', parts[1], parts[2], parts[3], parts[4]],
      [parts[0], parts[1], parts[2], parts[3], `${parts[4]}!`],
    ];
    for (const variant of variants) {
      await expect(cipher.decrypt(personId, variant.join('.'))).rejects.toThrow(CiphertextInvalidError);
    }
    await expect(cipher.decrypt(personId, envelope)).resolves.toEqual(PERSON);
  });

  it('after a shred the blob is gone everywhere while other subjects still decrypt', async () => {
    const [erased, kept] = [randomUUID(), randomUUID()];
    const blob = await cipher.encrypt(erased, PERSON);
    const other = await cipher.encrypt(kept, { fullName: 'Hoàng Văn Tú', zh: '黄文秀' });
    const first = await keys.shred(erased);
    expect(first.alreadyShredded).toBe(false);

    await expect(cipher.decrypt(erased, blob)).rejects.toThrow(DataErasedError);
    await expect(elsewhere().decrypt(erased, blob)).rejects.toThrow(DataErasedError);
    await expect(cipher.encrypt(erased, PERSON)).rejects.toThrow(DataErasedError); // no silent new key
    await expect(cipher.decrypt(kept, other)).resolves.toEqual({ fullName: 'Hoàng Văn Tú', zh: '黄文秀' });

    const row = await sql.query('SELECT wrapped_key, shredded_at FROM subject_keys WHERE subject_id = $1', [erased]);
    expect(row.rows[0]).toEqual({ wrapped_key: null, shredded_at: expect.any(Date) });
    await expect(keys.shred(erased)).resolves.toEqual({ shreddedAt: first.shreddedAt, alreadyShredded: true });
    await expect(keys.setLegalHold(erased, 'too late')).rejects.toThrow(DataErasedError);
  });

  it('blocks shredding while a legal hold is set, and allows it once released', async () => {
    const personId = randomUUID();
    const blob = await cipher.encrypt(personId, PERSON);
    await keys.setLegalHold(personId, 'Criminal case 14/2026/HS, Lang Son provincial court');
    await expect(keys.shred(personId)).rejects.toThrow(LegalHoldError);
    await expect(keys.shred(personId)).rejects.toMatchObject({ code: 'KEY.LEGAL_HOLD', kind: 'rule' });
    await expect(cipher.decrypt(personId, blob)).resolves.toEqual(PERSON);
    await expect(keys.status(personId)).resolves.toMatchObject({ legalHold: true, shreddedAt: null });

    await keys.releaseLegalHold(personId);
    await keys.shred(personId);
    await expect(cipher.decrypt(personId, blob)).rejects.toThrow(DataErasedError);
    await expect(keys.setLegalHold(randomUUID(), 'x')).rejects.toThrow(SubjectKeyNotFoundError);
    await expect(keys.setLegalHold(personId, ' ')).rejects.toThrow(RangeError);
  });

  it('gives every racing writer of a new subject the same key', async () => {
    const subjectId = `exchange-${randomUUID()}`;
    const stores = Array.from({ length: 4 }, () => new PersonalDataCipher(new KeyStore(sql, master, { cacheSize: 0 })));
    const blobs = await Promise.all(
      stores.flatMap((c, i) => [c.encrypt(subjectId, { i }), c.encrypt(subjectId, { i })]),
    );
    const count = await sql.query<{ n: bigint }>('SELECT count(*)::int8 AS n FROM subject_keys WHERE subject_id = $1', [
      subjectId,
    ]);
    expect(count.rows[0].n).toBe(1n);
    for (const [i, blob] of blobs.entries()) {
      await expect(elsewhere().decrypt(subjectId, blob)).resolves.toEqual({ i: Math.floor(i / 2) });
    }
  });

  it('bounds how long another instance keeps using a key shredded elsewhere', async () => {
    let now = 0;
    const cached = new PersonalDataCipher(new KeyStore(sql, master, { cacheTtlMs: 60_000, clock: () => now }));
    const personId = randomUUID();
    const blob = await cached.encrypt(personId, PERSON);
    await new KeyStore(sql, master).shred(personId);
    now = 59_999;
    await expect(cached.decrypt(personId, blob)).resolves.toEqual(PERSON);
    now = 60_000;
    await expect(cached.decrypt(personId, blob)).rejects.toThrow(DataErasedError);
  });

  it('refuses to unwrap with another master key', async () => {
    const personId = randomUUID();
    const blob = await cipher.encrypt(personId, PERSON);
    const wrongMaster = MasterKey.fromBase64(randomBytes(32).toString('base64'));
    const stranger = new PersonalDataCipher(new KeyStore(sql, wrongMaster));
    await expect(stranger.decrypt(personId, blob)).rejects.toThrow(MasterKeyMismatchError);
  });
});
