import { openPglite } from '../sql/pglite-client.js';
import type { SqlClient } from '../sql/sql-client.js';
import { BackupFileError, decodeBackup, encodeBackup } from './backup-file.js';
import { exportSnapshot, importSnapshot } from './store-snapshot.js';

/** What pg_dump would keep, as far as this schema uses it: types, defaults, constraints, indexes, options, views. */
const SCHEMA = `
CREATE TABLE event_position (singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton), last bigint NOT NULL) WITH (fillfactor = 20);
CREATE TABLE events (position bigint PRIMARY KEY, id uuid NOT NULL UNIQUE, metadata jsonb NOT NULL,
  recorded_at timestamptz NOT NULL, blob bytea, note text DEFAULT 'none', tags text[]);
CREATE INDEX events_note_idx ON events (note, position) WHERE note IS NOT NULL;
CREATE TABLE rm_x__g1 (event_id uuid REFERENCES events (id), n numeric(30, 10));
CREATE VIEW rm_x AS SELECT * FROM rm_x__g1;
CREATE TABLE subject_keys (subject_id text PRIMARY KEY, wrapped_key text);
INSERT INTO event_position VALUES (true, 2);
INSERT INTO events VALUES
  (1, '0b9c1b39-6f7e-4a55-9b43-1f1f0e9e0001', '{"hash":"h1","n":9007199254740993}', '2026-03-05T02:00:00.123456Z', '\\x00ff', 'Hữu Nghị 友谊关', '{a,"b c"}'),
  (2, '0b9c1b39-6f7e-4a55-9b43-1f1f0e9e0002', '{"hash":"h2"}', '2026-03-05T02:00:01Z', NULL, NULL, NULL);
INSERT INTO rm_x__g1 VALUES ('0b9c1b39-6f7e-4a55-9b43-1f1f0e9e0001', 12345678901234567890.0123456789);
INSERT INTO subject_keys VALUES ('p1', 'mk1.abc.secret');
`;

const catalog = async (db: SqlClient) =>
  (
    await db.query<{ d: string }>(
      `SELECT string_agg(x, E'\\n' ORDER BY x) AS d FROM (
         SELECT c.relname || ' ' || c.relkind::text || ' ' || coalesce(array_to_string(c.reloptions, ','), '') AS x
           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'
         UNION ALL SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace
         UNION ALL SELECT pg_get_indexdef(indexrelid) FROM pg_index WHERE indrelid::regclass::text NOT LIKE 'pg_%') s`,
    )
  ).rows[0].d;

const content = async (db: SqlClient) =>
  (
    await db.query(
      `SELECT (SELECT json_agg(e ORDER BY position)::text FROM events e) AS events,
              (SELECT json_agg(x)::text FROM rm_x x) AS view, (SELECT last FROM event_position) AS last`,
    )
  ).rows[0];

describe('store snapshot (backup and restore, ADR 0017)', () => {
  it('restores tables, rows, constraints, indexes, options and views as they were, without the key store', async () => {
    const source = await openPglite('memory://');
    const target = await openPglite('memory://');
    try {
      await source.query(SCHEMA);
      const snapshot = await exportSnapshot(source, { withKeys: true });
      expect(snapshot).toMatchObject({ lastPosition: '2', headHash: 'h2' });
      expect(snapshot.tables.map((t) => t.name)).not.toContain('subject_keys');
      expect(snapshot.keys?.rows).toHaveLength(1);
      const file = encodeBackup(
        { kind: 'data', createdAt: 'now', lastPosition: '2', headHash: 'h2' },
        snapshot.tables,
        snapshot.views,
      );
      const decoded = decodeBackup(file, 'data');
      await importSnapshot(target, decoded.tables, decoded.views);
      expect(await content(target)).toEqual(await content(source));
      const expected = (await catalog(source)).split('\n').filter((line) => !line.includes('subject_keys'));
      expect((await catalog(target)).split('\n')).toEqual(expected);
      expect((await target.query(`SELECT to_regclass('subject_keys') AS t`)).rows[0]).toEqual({ t: null });
      expect(() => decodeBackup(file, 'keys')).toThrow(BackupFileError);
    } finally {
      await source.close();
      await target.close();
    }
  });
});
