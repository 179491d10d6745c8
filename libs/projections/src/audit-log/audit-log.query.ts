import type { SqlClient } from '#event-store';
import { localTimes } from '#shared-kernel';
import type { TableNamer } from '../projection.js';

export interface AuditEntry {
  readonly position: string;
  readonly at: string;
  readonly local: { vn: string; cn: string };
  readonly type: string;
  readonly actor: { userId: string; role: string; unitId: string };
  readonly subject: { kind: string; id: string };
  readonly caseId: string | null;
  readonly purpose: string | null;
  readonly via: string | null;
  readonly details: Record<string, string>;
}

export interface AuditPage {
  readonly items: AuditEntry[];
  /** Opaque cursor of the next (older) page, or null at the end. */
  readonly next: string | null;
}

export interface AuditFilter {
  readonly subjectId?: string | null;
  readonly actor?: string | null;
  /** Inclusive lower bound of when the audited act was recorded. */
  readonly from?: Date | null;
  /** Exclusive upper bound. */
  readonly to?: Date | null;
  readonly cursor?: string | null;
  readonly limit: number;
  /** Only entries of these provinces (the case's, else the export's, else the actor's); null: all. */
  readonly provinces?: readonly string[] | null;
}

interface Row {
  position: string;
  type: string;
  actor_user: string;
  actor_role: string;
  actor_unit: string;
  subject_kind: string;
  subject_id: string;
  case_id: string | null;
  purpose: string | null;
  via: string | null;
  details: Record<string, string>;
  recorded_at: Date;
}

const CURSOR = /^p(\d{1,19})$/;

export const encodeAuditCursor = (position: string): string => Buffer.from(`p${position}`).toString('base64url');

/** The position a cursor stands for, or null when it is not one of ours. */
export function decodeAuditCursor(cursor: string): string | null {
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(cursor)) return null;
  const m = CURSOR.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return m ? m[1] : null;
}

/** Newest first, keyset-paged on the global position (stable while new entries arrive). */
export async function auditLog(sql: SqlClient, views: TableNamer, f: AuditFilter): Promise<AuditPage> {
  const before = f.cursor ? decodeAuditCursor(f.cursor) : null;
  // Only a scoped reader needs the case list joined (it tells an entry's province).
  const scoped = f.provinces !== undefined && f.provinces !== null;
  const r = await sql.query<Row>(
    `SELECT a.position::text AS position, a.type, a.actor_user, a.actor_role, a.actor_unit, a.subject_kind,
            a.subject_id, a.case_id, a.purpose, a.via, a.details, a.recorded_at
       FROM ${views('audit_entries')} a
       ${scoped ? `LEFT JOIN ${views('case_list')} c ON c.case_id::text = a.case_id` : ''}
      WHERE ($1::text IS NULL OR a.subject_id = $1)
        AND ($2::text IS NULL OR a.actor_user = $2)
        AND ($3::timestamptz IS NULL OR a.recorded_at >= $3)
        AND ($4::timestamptz IS NULL OR a.recorded_at < $4)
        AND ($5::bigint IS NULL OR a.position < $5)
        ${scoped ? 'AND COALESCE(c.province, a.record_province, a.actor_province) = ANY($7::text[])' : ''}
      ORDER BY a.position DESC
      LIMIT $6`,
    [
      f.subjectId ?? null,
      f.actor ?? null,
      f.from ?? null,
      f.to ?? null,
      before,
      f.limit + 1,
      ...(scoped ? [f.provinces] : []),
    ],
  );
  const rows = r.rows.slice(0, f.limit);
  const items = rows.map((row): AuditEntry => {
    const at = row.recorded_at.toISOString();
    return {
      position: row.position,
      at,
      local: localTimes(at),
      type: row.type,
      actor: { userId: row.actor_user, role: row.actor_role, unitId: row.actor_unit },
      subject: { kind: row.subject_kind, id: row.subject_id },
      caseId: row.case_id,
      purpose: row.purpose,
      via: row.via,
      details: row.details,
    };
  });
  const last = rows[rows.length - 1];
  return { items, next: r.rows.length > f.limit && last ? encodeAuditCursor(last.position) : null };
}
