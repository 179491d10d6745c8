import type { SqlClient } from '#event-store';

/** A read-model row as JSON: timestamps as ISO strings, positions as decimal strings. */
export type JsonRow = Record<string, string | number | boolean | null>;

/**
 * The rows one batch of events touches, held in memory: loaded with one statement per table,
 * changed by plain code in log order, written back with one upsert per table. A rebuild then
 * costs a few statements per thousand events instead of several per event (the runner's batch
 * contract, libs/projections/src/projection.ts).
 */
export class RowBatch<R extends JsonRow> {
  private readonly rows = new Map<string, R>();
  private readonly loaded = new Set<string>();
  private readonly dirty = new Set<string>();

  /** `columns`: column → SQL type, in table order; `key` is the primary key column (text). */
  constructor(
    private readonly table: string,
    private readonly key: string & keyof R,
    private readonly columns: Readonly<Record<string, string>>,
  ) {}

  /** Loads the rows with these keys that are not in memory yet. */
  async load(tx: SqlClient, keys: Iterable<string>): Promise<void> {
    const wanted = [...new Set(keys)].filter((k) => !this.loaded.has(k));
    if (wanted.length === 0) return;
    for (const k of wanted) this.loaded.add(k);
    await this.select(tx, `${this.key} = ANY($1::text[])`, wanted);
  }

  /** Loads every row whose `column` is one of `values` (e.g. all messages of a closed thread). */
  async loadWhere(tx: SqlClient, column: string & keyof R, values: Iterable<string>): Promise<void> {
    const wanted = [...new Set(values)];
    if (wanted.length > 0) await this.select(tx, `${column} = ANY($1::text[])`, wanted);
  }

  get(key: string): R | undefined {
    return this.rows.get(key);
  }

  /** Rows in memory matching the predicate (loaded or created in this batch). */
  filter(predicate: (row: R) => boolean): R[] {
    return [...this.rows.values()].filter(predicate);
  }

  /** Adds the row unless one with its key exists (INSERT … ON CONFLICT DO NOTHING). */
  insert(row: R): R {
    const k = String(row[this.key]);
    const existing = this.rows.get(k);
    if (existing) return existing;
    this.rows.set(k, row);
    this.dirty.add(k);
    return row;
  }

  /** Puts the row whatever was there. */
  put(row: R): void {
    const k = String(row[this.key]);
    this.rows.set(k, row);
    this.dirty.add(k);
  }

  /** Marks a row changed in place. */
  touch(row: R): void {
    this.dirty.add(String(row[this.key]));
  }

  async flush(tx: SqlClient): Promise<void> {
    if (this.dirty.size === 0) return;
    const names = Object.keys(this.columns);
    const changed = [...this.dirty].map((k) => this.rows.get(k)!);
    await tx.query(
      `INSERT INTO ${this.table} (${names.join(', ')})
       SELECT ${names.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS x(${names
         .map((n) => `${n} ${this.columns[n]}`)
         .join(', ')})
       ON CONFLICT (${this.key}) DO UPDATE SET ${names
         .filter((n) => n !== this.key)
         .map((n) => `${n} = EXCLUDED.${n}`)
         .join(', ')}`,
      [JSON.stringify(changed)],
    );
    this.dirty.clear();
  }

  private async select(tx: SqlClient, where: string, values: readonly string[]): Promise<void> {
    const r = await tx.query<{ r: R }>(`SELECT to_jsonb(t) AS r FROM ${this.table} t WHERE ${where}`, [values]);
    for (const { r: row } of r.rows) {
      const k = String(row[this.key]);
      if (!this.rows.has(k)) this.rows.set(k, row);
    }
  }
}

/** True when the event is newer than what the row already holds (a replay changes nothing). */
export const isNewer = (row: { position?: string | number | boolean | null }, position: bigint): boolean =>
  BigInt(String(row.position ?? 0)) < position;
