import pg from 'pg';

/**
 * The narrow SQL surface the event store, key store and read models use. Both drivers are a
 * node-postgres Pool: one over a PostgreSQL server, one over PGlite's node-postgres adapter,
 * so exactly the same statements run on both.
 */
export interface SqlResult<R> {
  readonly rows: R[];
  readonly rowCount: number;
}

export interface SqlClient {
  /** `name` makes it a prepared statement (parsed once per connection). */
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[], name?: string): Promise<SqlResult<R>>;
  /** Runs fn in one transaction on one connection; rolls back if it throws. */
  transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T>;
  readonly kind: 'postgres' | 'pglite';
  close(): Promise<void>;
}

type Queryable = Pick<pg.PoolClient, 'query'>;

async function run<R>(on: Queryable, text: string, params?: readonly unknown[], name?: string): Promise<SqlResult<R>> {
  const result = await on.query<R & pg.QueryResultRow>(
    name ? { name, text, values: params as unknown[] } : { text, values: params as unknown[] },
  );
  return { rows: result.rows, rowCount: result.rowCount ?? 0 };
}

class TransactionClient implements SqlClient {
  constructor(
    private readonly conn: pg.PoolClient,
    readonly kind: SqlClient['kind'],
  ) {}

  query<R>(text: string, params?: readonly unknown[], name?: string): Promise<SqlResult<R>> {
    return run<R>(this.conn, text, params, name);
  }

  transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T> {
    return fn(this); // already inside one
  }

  async close(): Promise<void> {}
}

export class PoolSqlClient implements SqlClient {
  constructor(
    readonly pool: pg.Pool,
    readonly kind: SqlClient['kind'],
    private readonly onClose: () => Promise<void> = async () => undefined,
  ) {
    // An idle connection the server drops (restart, failover, admin termination) is removed by
    // the pool and the next query opens a new one; without a listener the 'error' event would
    // crash the process instead.
    pool.on('error', () => undefined);
  }

  /**
   * Not `pool.query`: that discards the connection after ANY failed statement, which on a server
   * costs a reconnect (and the prepared statements) per constraint violation, and on PGlite
   * breaks the one shared adapter connection for good. A statement the server refused leaves
   * the connection healthy, so only other failures retire it.
   */
  async query<R>(text: string, params?: readonly unknown[], name?: string): Promise<SqlResult<R>> {
    const conn = await this.pool.connect();
    let broken: Error | undefined;
    try {
      return await run<R>(conn, text, params, name);
    } catch (error) {
      if (!isServerError(error)) broken = error instanceof Error ? error : new Error(String(error));
      throw error;
    } finally {
      conn.release(broken);
    }
  }

  async transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T> {
    const conn = await this.pool.connect();
    try {
      await conn.query('BEGIN');
      const result = await fn(new TransactionClient(conn, this.kind));
      await conn.query('COMMIT');
      return result;
    } catch (error) {
      await conn.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      conn.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
    await this.onClose();
  }
}

/** An ErrorResponse from the server (it carries a SQLSTATE), as opposed to a broken connection. */
function isServerError(error: unknown): boolean {
  const e = error as { code?: unknown; severity?: unknown } | null;
  return typeof e?.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) && typeof e.severity === 'string';
}

// bigint columns come back as strings by default; int8 → BigInt keeps positions exact.
pg.types.setTypeParser(20, (v: string) => BigInt(v));

export function openPostgres(url: string, poolSize = 16): SqlClient {
  // Our statements are short index look-ups and appends: JIT compilation only ever adds latency
  // (measured ~40–100 ms on timelines of fresh read-model generations).
  return new PoolSqlClient(new pg.Pool({ connectionString: url, max: poolSize, options: '-c jit=off' }), 'postgres');
}
