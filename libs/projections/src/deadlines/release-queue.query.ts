import type { SqlClient } from '#event-store';
import { localTimes } from '#shared-kernel';
import type { TableNamer } from '../projection.js';

/** A draft waiting for a second officer of its unit to release or return it. */
export interface AwaitingRelease {
  /** An exchange message (`exchangeId`, `messageId`) or a verification request (`verificationId`). */
  readonly kind: 'message' | 'verification';
  readonly exchangeId: string | null;
  readonly messageId: string | null;
  readonly verificationId: string | null;
  readonly caseId: string | null;
  /** The unit that must release it, named by its province. */
  readonly province: string;
  /** The author's user id: the one officer of the unit who may not release it. */
  readonly author: string;
  /** Since when it waits (written, or resubmitted). */
  readonly since: string;
  readonly local: { vn: string; cn: string };
}

interface Row {
  kind: 'message' | 'verification';
  exchange_id: string;
  message_id: string;
  case_id: string | null;
  unit: string;
  author: string;
  since: Date;
}

/** The drafts awaiting release, oldest first; `province` null for every unit (national readers). */
export async function awaitingRelease(
  sql: SqlClient,
  views: TableNamer,
  query: { province?: string | null; limit?: number },
): Promise<AwaitingRelease[]> {
  const r = await sql.query<Row>(
    `SELECT kind, exchange_id, message_id, case_id, unit, author, since FROM ${views('release_queue')}
      WHERE state = 'awaiting' AND ($1::text IS NULL OR unit = $1)
      ORDER BY since, exchange_id, message_id LIMIT $2`,
    [query.province ?? null, query.limit ?? 200],
  );
  return r.rows.map((row) => {
    const since = row.since.toISOString();
    const message = row.kind === 'message';
    return {
      kind: row.kind,
      exchangeId: message ? row.exchange_id : null,
      messageId: message ? row.message_id : null,
      verificationId: message ? null : row.exchange_id,
      caseId: row.case_id,
      province: row.unit,
      author: row.author,
      since,
      local: localTimes(since),
    };
  });
}
