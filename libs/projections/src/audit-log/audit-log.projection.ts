import type { RecordedEvent, SqlClient } from '#event-store';
import { parseStreamId } from '#shared-kernel';
import type { Projection, TableNamer } from '../projection.js';

/**
 * Who read whose personal data, who replayed a case's history, who exported statistics: one row
 * per audit event of the `audit-*` streams (libs/audit), keyed by its global position so a
 * replayed event is a no-op. The rows hold ids and purposes only, never the personal data read.
 */
export const AUDIT_EVENT_TYPES = ['PersonalDataRead', 'HistoryReplayed', 'StatisticsExported'] as const;
export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number];

type Data = {
  subjectKind?: string;
  subjectId?: string;
  caseId?: string | null;
  purpose?: string | null;
  via?: string;
  asOf?: string;
  period?: string;
  format?: string;
};

const ddl = (t: TableNamer): string[] => [
  `CREATE TABLE ${t('audit_entries')} (
     position bigint PRIMARY KEY,
     event_id text NOT NULL,
     type text NOT NULL,
     actor_user text NOT NULL,
     actor_role text NOT NULL,
     actor_unit text NOT NULL,
     subject_kind text NOT NULL,
     subject_id text NOT NULL,
     case_id text,
     purpose text,
     via text,
     details jsonb NOT NULL,
     recorded_at timestamptz NOT NULL
   )`,
  `CREATE INDEX ${t('audit_entries')}_subject ON ${t('audit_entries')} (subject_id, position)`,
  `CREATE INDEX ${t('audit_entries')}_actor ON ${t('audit_entries')} (actor_user, position)`,
  `CREATE INDEX ${t('audit_entries')}_recorded ON ${t('audit_entries')} (recorded_at, position)`,
];

/** What the entry is about: the person read, the case replayed, or the statistics exported. */
function subjectOf(e: RecordedEvent, d: Data): { kind: string; id: string } {
  const streamSubject = parseStreamId(e.streamId).id;
  switch (e.type as AuditEventType) {
    case 'PersonalDataRead':
      return { kind: d.subjectKind ?? 'person', id: d.subjectId ?? streamSubject };
    case 'HistoryReplayed':
      return { kind: 'case', id: d.caseId ?? streamSubject };
    case 'StatisticsExported':
      return { kind: 'statistics', id: streamSubject };
    default:
      return { kind: 'unknown', id: streamSubject };
  }
}

function detailsOf(e: RecordedEvent, d: Data): Record<string, string> {
  switch (e.type as AuditEventType) {
    case 'HistoryReplayed':
      return d.asOf ? { asOf: d.asOf } : {};
    case 'StatisticsExported':
      return { ...(d.period ? { period: d.period } : {}), ...(d.format ? { format: d.format } : {}) };
    case 'PersonalDataRead':
    default:
      return {};
  }
}

async function apply(tx: SqlClient, e: RecordedEvent, t: TableNamer): Promise<void> {
  const d = (e.data ?? {}) as Data;
  const subject = subjectOf(e, d);
  const actor = e.metadata.actor;
  await tx.query(
    `INSERT INTO ${t('audit_entries')}
       (position, event_id, type, actor_user, actor_role, actor_unit, subject_kind, subject_id, case_id, purpose, via,
        details, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
     ON CONFLICT (position) DO NOTHING`,
    [
      e.position.toString(),
      e.id,
      e.type,
      actor.userId,
      actor.role,
      actor.unitId,
      subject.kind,
      subject.id,
      d.caseId ?? e.metadata.caseId ?? null,
      d.purpose ?? null,
      d.via ?? null,
      JSON.stringify(detailsOf(e, d)),
      e.metadata.recordedAt,
    ],
  );
}

export const auditLogProjection: Projection = {
  name: 'audit_log',
  version: 1,
  tables: ['audit_entries'],
  eventTypes: new Set<string>(AUDIT_EVENT_TYPES),
  createTables: ddl,
  apply,
};
