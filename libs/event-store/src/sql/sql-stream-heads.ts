import type { StreamWrite } from '../event-store.port.js';
import { checkExpectation, revisionConflict, type Heads } from '../append/append-batch.js';
import type { StreamHeadCache, StreamHead } from '../append/stream-head-cache.js';
import * as S from './event-store.statements.js';
import type { SqlClient } from './sql-client.js';

/**
 * Where each stream of an append currently ends, for SqlEventStore: answered from the shared
 * StreamHeadCache when it can, read from the database otherwise (and then remembered).
 */
export class SqlStreamHeads {
  constructor(
    private readonly sql: SqlClient,
    private readonly cache: StreamHeadCache,
  ) {}

  /**
   * What each write appends after. The cache answers when it can (see StreamHeadCache); an
   * expected 'no_stream' needs no read at all, since a wrong guess collides on revision 0.
   */
  async resolve(writes: readonly StreamWrite[], fresh: boolean): Promise<Heads> {
    const heads = new Map<string, StreamHead | null>();
    const unknown: string[] = [];
    for (const w of writes) {
      const cached = fresh ? undefined : this.cache.get(w.streamId);
      const expected = w.expectedRevision;
      if (cached && typeof expected === 'bigint' && cached.revision > expected) {
        throw revisionConflict(w, cached.revision);
      }
      if (cached && expected === 'no_stream') throw revisionConflict(w, cached.revision);
      if (cached && (typeof expected !== 'bigint' || cached.revision === expected)) heads.set(w.streamId, cached);
      else if (!fresh && expected === 'no_stream') heads.set(w.streamId, null);
      else unknown.push(w.streamId);
    }
    if (unknown.length > 0) {
      for (const [streamId, head] of await this.read(this.sql, unknown)) heads.set(streamId, head);
    }
    for (const w of writes) checkExpectation(w, heads.get(w.streamId) ?? null);
    return heads;
  }

  /** The later of what was resolved and what the cache knows now; the expectation re-checked. */
  freshest(writes: readonly StreamWrite[], known: Heads): Heads {
    const heads = new Map<string, StreamHead | null>();
    for (const w of writes) {
      const resolved = known.get(w.streamId) ?? null;
      const cached = this.cache.get(w.streamId);
      const head = cached && (!resolved || cached.revision > resolved.revision) ? cached : resolved;
      checkExpectation(w, head);
      heads.set(w.streamId, head);
    }
    return heads;
  }

  async read(q: SqlClient, streamIds: readonly string[]): Promise<Map<string, StreamHead | null>> {
    const r = await q.query<{ stream_id: string; revision: bigint | null; hash: string | null }>(
      S.READ_HEADS.text,
      [streamIds],
      S.READ_HEADS.name,
    );
    const heads = new Map<string, StreamHead | null>();
    for (const row of r.rows) {
      const head = row.revision === null || row.hash === null ? null : { revision: row.revision, hash: row.hash };
      heads.set(row.stream_id, head);
      if (head) this.cache.remember(row.stream_id, head);
    }
    return heads;
  }
}
