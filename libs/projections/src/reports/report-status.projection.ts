import type { RecordedEvent, SqlClient } from '#event-store';
import type { ReportEvent } from '#reports';
import type { Projection, TableNamer } from '../projection.js';

/**
 * Where each report to the steering committee stands, for the list, the national status board
 * and the report due dates on the deadline board. Only the stage and its times: the figures and
 * the text stay in the report's stream. Every change is guarded by the event's position.
 */
const HANDLED = ['ReportDrafted', 'ReportNarrativeEdited', 'ReportApproved', 'ReportSubmitted'] as const;

const DDL = (t: TableNamer): string[] => [
  `CREATE TABLE ${t('report_status')} (
     report_id text PRIMARY KEY,
     province text NOT NULL,
     period_code text NOT NULL,
     period_kind text NOT NULL,
     period_from timestamptz NOT NULL,
     period_to timestamptz NOT NULL,
     status text NOT NULL,
     drafted_at timestamptz NOT NULL,
     approved_at timestamptz,
     submitted_at timestamptz,
     position bigint NOT NULL
   )`,
  `CREATE INDEX ${t('report_status')}_period ON ${t('report_status')} (period_from, province)`,
];

async function apply(tx: SqlClient, e: RecordedEvent, t: TableNamer): Promise<void> {
  if (!(HANDLED as readonly string[]).includes(e.type)) return;
  const event = { type: e.type, data: e.data } as ReportEvent;
  const table = t('report_status');
  const position = e.position.toString();
  const set = (assignments: string, values: unknown[]) =>
    tx.query(`UPDATE ${table} SET ${assignments}, position = $2 WHERE report_id = $1 AND position < $2`, [
      event.data.reportId,
      position,
      ...values,
    ]);
  switch (event.type) {
    case 'ReportDrafted': {
      const d = event.data;
      await tx.query(
        `INSERT INTO ${table} (report_id, province, period_code, period_kind, period_from, period_to, status,
                               drafted_at, position)
         VALUES ($1, $2, $3, $4, $5, $6, 'draft', $7, $8) ON CONFLICT (report_id) DO NOTHING`,
        [d.reportId, d.province, d.period.code, d.period.kind, d.period.from, d.period.to, d.draftedAt, position],
      );
      return;
    }
    // An edit takes an approval back (report.evolve.ts).
    case 'ReportNarrativeEdited':
      await set(`status = 'draft', approved_at = NULL`, []);
      return;
    case 'ReportApproved':
      await set(`status = 'approved', approved_at = $3`, [event.data.approvedAt]);
      return;
    case 'ReportSubmitted':
      await set(`status = 'submitted', submitted_at = $3`, [event.data.submittedAt]);
  }
}

export const reportStatusProjection: Projection = {
  name: 'report_status',
  version: 1,
  tables: ['report_status'],
  eventTypes: new Set<string>(HANDLED),
  createTables: DDL,
  apply,
};
