import type { RecordedEvent, SqlClient } from '#event-store';
import { parseStreamId } from '#shared-kernel';
import type { Projection, TableNamer } from '../projection.js';

/**
 * Who read whose personal data, who replayed a case's history, who exported statistics: one row
 * per audit event of the `audit-*` streams (libs/audit), keyed by its global position so a
 * replayed event is a no-op. The rows hold ids and purposes only, never the personal data read.
 */
export const AUDIT_EVENT_TYPES = [
  'PersonalDataRead',
  'HistoryReplayed',
  'StatisticsExported',
  // Sign-ins (libs/accounts sign-in-audit.ts): who got in, who was refused, from where.
  'SignInSucceeded',
  'SignInFailed',
  'SignInThrottled',
  'SignedOut',
  // A supervisor sent a person's data to a counterpart although their consent did not stand
  // (libs/verifications): auditors list every such decision with its reason.
  'ConsentOverridden',
] as const;
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
  province?: string | null;
  username?: string | null;
  address?: string;
  reason?: string;
  limit?: string;
  personId?: string;
  counterpart?: string;
  consent?: string;
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
     recorded_at timestamptz NOT NULL,
     actor_province text,
     record_province text
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
    case 'ConsentOverridden':
      return { kind: 'person', id: d.personId ?? streamSubject };
    case 'SignInSucceeded':
    case 'SignInFailed':
    case 'SignInThrottled':
    case 'SignedOut':
      return { kind: 'account', id: d.username ?? streamSubject };
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
    case 'SignInSucceeded':
    case 'SignInFailed':
    case 'SignInThrottled':
    case 'SignedOut':
      return Object.fromEntries(
        (['address', 'via', 'reason', 'limit'] as const).flatMap((k) => (typeof d[k] === 'string' ? [[k, d[k]]] : [])),
      );
    case 'ConsentOverridden':
      return Object.fromEntries(
        (['counterpart', 'consent'] as const).flatMap((k) => (typeof d[k] === 'string' ? [[k, d[k]]] : [])),
      );
    case 'PersonalDataRead':
    default:
      return {};
  }
}

const COLUMNS = {
  position: 'bigint',
  event_id: 'text',
  type: 'text',
  actor_user: 'text',
  actor_role: 'text',
  actor_unit: 'text',
  subject_kind: 'text',
  subject_id: 'text',
  case_id: 'text',
  purpose: 'text',
  via: 'text',
  details: 'jsonb',
  recorded_at: 'timestamptz',
  actor_province: 'text',
  record_province: 'text',
} as const;

/** One insert per batch; the position key makes a replayed event a no-op. */
async function applyBatch(tx: SqlClient, events: readonly RecordedEvent[], t: TableNamer): Promise<void> {
  const rows = events.map((e) => {
    const d = (e.data ?? {}) as Data;
    const subject = subjectOf(e, d);
    const actor = e.metadata.actor;
    return {
      position: e.position.toString(),
      event_id: e.id,
      type: e.type,
      actor_user: actor.userId,
      actor_role: actor.role,
      actor_unit: actor.unitId,
      subject_kind: subject.kind,
      subject_id: subject.id,
      case_id: d.caseId ?? e.metadata.caseId ?? null,
      // An override's reason is why the data left: shown where a read's purpose is.
      purpose: d.purpose ?? (e.type === 'ConsentOverridden' ? (d.reason ?? null) : null),
      via: d.via ?? null,
      details: detailsOf(e, d),
      recorded_at: e.metadata.recordedAt,
      // Whose entry this is for need-to-know: the case's province (joined when read), else the
      // province an export was restricted to, else the actor's own.
      actor_province: actor.province ?? null,
      record_province: typeof d.province === 'string' ? d.province : null,
    };
  });
  if (rows.length === 0) return;
  const names = Object.keys(COLUMNS);
  await tx.query(
    `INSERT INTO ${t('audit_entries')} (${names.join(', ')})
     SELECT ${names.join(', ')} FROM jsonb_to_recordset($1::jsonb)
       AS x(${Object.entries(COLUMNS)
         .map(([n, type]) => `${n} ${type}`)
         .join(', ')})
     ON CONFLICT (position) DO NOTHING`,
    [JSON.stringify(rows)],
  );
}

export const auditLogProjection: Projection = {
  name: 'audit_log',
  // 2: the provinces an entry belongs to (need-to-know for auditors), and sign-ins.
  // 3: supervisors' overrides of consent.
  version: 3,
  tables: ['audit_entries'],
  eventTypes: new Set<string>(AUDIT_EVENT_TYPES),
  createTables: ddl,
  applyBatch,
};
