import type { SqlClient } from '../sql/sql-client.js';

/** The personal-data key store's table: it never goes into a data backup (ADR 0004, ADR 0017). */
export const KEY_TABLE = 'subject_keys';

/** One table as it was: enough DDL to create it again, and every row as the JSON text of the row. */
export interface TableDump {
  readonly name: string;
  /** CREATE TABLE with columns, defaults, NOT NULL and storage options; no constraints yet. */
  readonly create: string;
  /** Primary keys, unique, check and exclusion constraints, added once the rows are in. */
  readonly constraints: readonly string[];
  /** Foreign keys, added last, when every table holds its rows. */
  readonly foreignKeys: readonly string[];
  /** Indexes that back no constraint. */
  readonly indexes: readonly string[];
  readonly rows: readonly string[];
}

export interface ViewDump {
  readonly name: string;
  readonly create: string;
}

/** Everything in the store's schema, read in one snapshot. */
export interface StoreSnapshot {
  /** The event log's last global position in the snapshot ("0" when empty). */
  readonly lastPosition: string;
  /** metadata.hash of the event at that position: the head of the log's chain. */
  readonly headHash: string | null;
  readonly tables: readonly TableDump[];
  readonly views: readonly ViewDump[];
  /** The key store's table, only when asked for; kept apart from `tables` so it can be written apart. */
  readonly keys: TableDump | null;
}

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/**
 * Reads the whole schema in one REPEATABLE READ, READ ONLY transaction, so every table is seen
 * at the same instant: on PostgreSQL that is its MVCC snapshot; on PGlite there is one
 * connection, so nothing else runs in between at all. The events, the read models and the
 * integrity index therefore agree with each other, and the log is a prefix of the live one.
 */
export async function exportSnapshot(sql: SqlClient, options: { withKeys: boolean }): Promise<StoreSnapshot> {
  return sql.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const rels = await tx.query<{ oid: number; name: string; kind: string; options: string[] | null }>(
      `SELECT c.oid::int AS oid, c.relname AS name, c.relkind::text AS kind, c.reloptions AS options
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'v')
        ORDER BY c.oid`,
    );
    const tables: TableDump[] = [];
    let keys: TableDump | null = null;
    for (const rel of rels.rows.filter((r) => r.kind === 'r')) {
      if (rel.name === KEY_TABLE && !options.withKeys) continue;
      const dump = await dumpTable(tx, rel);
      if (rel.name === KEY_TABLE) keys = dump;
      else tables.push(dump);
    }
    const views: ViewDump[] = [];
    for (const rel of rels.rows.filter((r) => r.kind === 'v')) {
      const def = await tx.query<{ def: string }>('SELECT pg_get_viewdef($1::oid, true) AS def', [rel.oid]);
      views.push({ name: rel.name, create: `CREATE VIEW ${quote(rel.name)} AS ${def.rows[0].def}` });
    }
    const head = await tx.query<{ last: string; hash: string | null }>(
      `SELECT p.last::text AS last, e.metadata->>'hash' AS hash
         FROM event_position p LEFT JOIN events e ON e.position = p.last`,
    );
    return {
      lastPosition: head.rows[0]?.last ?? '0',
      headHash: head.rows[0]?.hash ?? null,
      tables,
      views,
      keys,
    };
  });
}

async function dumpTable(
  tx: SqlClient,
  rel: { oid: number; name: string; options: string[] | null },
): Promise<TableDump> {
  const columns = await tx.query<{ name: string; type: string; notnull: boolean; def: string | null }>(
    `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS notnull,
            pg_get_expr(d.adbin, d.adrelid) AS def
       FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE a.attrelid = $1::oid AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY a.attnum`,
    [rel.oid],
  );
  const cols = columns.rows.map(
    (c) => `${quote(c.name)} ${c.type}${c.def !== null ? ` DEFAULT ${c.def}` : ''}${c.notnull ? ' NOT NULL' : ''}`,
  );
  const withOptions = rel.options && rel.options.length > 0 ? ` WITH (${rel.options.join(', ')})` : '';
  // NOT NULL constraints (contype 'n' in PostgreSQL 18) are already on the columns.
  const cons = await tx.query<{ name: string; type: string; def: string }>(
    `SELECT conname AS name, contype::text AS type, pg_get_constraintdef(oid) AS def
       FROM pg_constraint WHERE conrelid = $1::oid AND contype IN ('p', 'u', 'c', 'x', 'f')
      ORDER BY contype = 'p' DESC, conname`,
    [rel.oid],
  );
  const add = (c: { name: string; def: string }) =>
    `ALTER TABLE ${quote(rel.name)} ADD CONSTRAINT ${quote(c.name)} ${c.def}`;
  const indexes = await tx.query<{ def: string }>(
    `SELECT pg_get_indexdef(i.indexrelid) AS def FROM pg_index i
      WHERE i.indrelid = $1::oid
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conrelid = i.indrelid AND c.conindid = i.indexrelid)
      ORDER BY i.indexrelid`,
    [rel.oid],
  );
  const rows = await tx.query<{ row: string }>(`SELECT to_jsonb(t)::text AS row FROM ${quote(rel.name)} t`);
  return {
    name: rel.name,
    create: `CREATE TABLE ${quote(rel.name)} (${cols.join(', ')})${withOptions}`,
    constraints: cons.rows.filter((c) => c.type !== 'f').map(add),
    foreignKeys: cons.rows.filter((c) => c.type === 'f').map(add),
    indexes: indexes.rows.map((r) => r.def),
    rows: rows.rows.map((r) => r.row),
  };
}

const BATCH = 500;

/**
 * Creates the tables and views of a snapshot in an empty database and fills them, in one
 * transaction: a restore that fails leaves nothing half-made. Rows go in before the
 * constraints and indexes are built, the way pg_restore does it.
 */
export async function importSnapshot(
  sql: SqlClient,
  tables: readonly TableDump[],
  views: readonly ViewDump[],
): Promise<void> {
  await sql.transaction(async (tx) => {
    for (const t of tables) {
      await tx.query(t.create);
      for (let i = 0; i < t.rows.length; i += BATCH)
        await tx.query(
          `INSERT INTO ${quote(t.name)} SELECT * FROM jsonb_populate_recordset(NULL::${quote(t.name)}, $1::jsonb)`,
          [`[${t.rows.slice(i, i + BATCH).join(',')}]`],
        );
    }
    for (const t of tables) for (const c of t.constraints) await tx.query(c);
    for (const t of tables) for (const ix of t.indexes) await tx.query(ix);
    for (const t of tables) for (const fk of t.foreignKeys) await tx.query(fk);
    for (const v of views) await tx.query(v.create);
  });
}
