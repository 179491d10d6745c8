import { evolveCase, initialCaseState, type CaseEvent, type CaseState } from '#cases';
import type { RecordedEvent, SqlClient } from '#event-store';
import { isUuid } from '#shared-kernel';
import type { Projection, TableNamer } from '../projection.js';
import { foldText } from '../case-search/name-tokens.js';

const CASE_EVENT_TYPES: readonly CaseEvent['type'][] = [
  'ReportReceived',
  'CaseClassified',
  'CaseOpened',
  'CaseResolved',
  'CaseClosed',
  'CaseReopened',
  'PersonLinked',
  'ExchangeLinked',
  'VerificationLinked',
  'HandoverLinked',
];

interface Row {
  case_id: string;
  seq: bigint | null;
  /** Dates from the driver; JSON turns them back into ISO strings. */
  recorded_at: Date | string | null;
  updated_at: Date | string;
  last_position: bigint;
  state: CaseState;
}

/**
 * The case list: one row per case, folded with the domain's own evolve (so the list can never
 * disagree with GET /cases/{id} about a status), plus the columns the filters and the keyset
 * cursor need. `seq` is the position of the ReportReceived: unique, so it orders the list.
 */
export class CaseListProjection implements Projection {
  readonly name = 'case_list';
  readonly version = 1;
  readonly tables = ['case_list'] as const;
  readonly eventTypes: ReadonlySet<string> = new Set(CASE_EVENT_TYPES);

  createTables(t: TableNamer): readonly string[] {
    const table = t('case_list');
    return [
      `CREATE TABLE ${table} (
         case_id         uuid        PRIMARY KEY,
         seq             bigint      NOT NULL,
         status          text        NOT NULL,
         province        text        NOT NULL,
         channel         text        NOT NULL,
         classification  text        NULL,
         summary         text        NOT NULL,
         summary_folded  text        NOT NULL,
         receiving_unit  text        NOT NULL,
         received_at     text        NOT NULL,
         received_offset text        NOT NULL,
         recorded_at     timestamptz NOT NULL,
         updated_at      timestamptz NOT NULL,
         persons         integer     NOT NULL,
         exchanges       integer     NOT NULL,
         verifications   integer     NOT NULL,
         handovers       integer     NOT NULL,
         last_position   bigint      NOT NULL,
         state           jsonb       NOT NULL
       )`,
      `CREATE UNIQUE INDEX ${table}_seq ON ${table} (seq)`,
      `CREATE INDEX ${table}_status ON ${table} (status, seq)`,
      `CREATE INDEX ${table}_province ON ${table} (province, seq)`,
    ];
  }

  async applyBatch(tx: SqlClient, events: readonly RecordedEvent[], t: TableNamer): Promise<void> {
    const byCase = new Map<string, RecordedEvent[]>();
    for (const e of events) {
      const caseId = (e.data as { caseId?: unknown } | null)?.caseId;
      if (!isUuid(caseId)) continue;
      const list = byCase.get(caseId) ?? [];
      list.push(e);
      byCase.set(caseId, list);
    }
    if (byCase.size === 0) return;
    const found = await tx.query<Row>(
      `SELECT case_id, seq, recorded_at, updated_at, last_position, state FROM ${t('case_list')} WHERE case_id = ANY($1::uuid[])`,
      [[...byCase.keys()]],
    );
    const rows = new Map(found.rows.map((r) => [r.case_id, r]));
    const upserts: Record<string, unknown>[] = [];
    for (const [caseId, list] of byCase) {
      const row = rows.get(caseId);
      let state = row?.state ?? initialCaseState;
      let last = row ? BigInt(row.last_position) : 0n;
      let seq = row?.seq ?? null;
      let recordedAt = row?.recorded_at ?? null;
      let updatedAt = row?.updated_at ?? null;
      for (const e of list) {
        if (e.position <= last) continue; // a replay: already in the row
        state = evolveCase(state, { type: e.type, data: e.data } as CaseEvent);
        if (e.type === 'ReportReceived' && seq === null) {
          seq = e.position;
          recordedAt = e.metadata.recordedAt;
        }
        last = e.position;
        updatedAt = e.metadata.recordedAt;
      }
      if (state.status === 'none' || seq === null || (row && last === BigInt(row.last_position))) continue;
      upserts.push({
        case_id: caseId,
        seq: seq.toString(),
        status: state.status,
        province: state.province,
        channel: state.channel,
        classification: state.classification,
        summary: state.summary,
        summary_folded: foldText(state.summary),
        receiving_unit: state.receivingUnit,
        received_at: state.receivedAt.at,
        received_offset: state.receivedAt.offset,
        recorded_at: recordedAt,
        updated_at: updatedAt,
        persons: state.links.persons.length,
        exchanges: state.links.exchangeIds.length,
        verifications: state.links.verificationIds.length,
        handovers: state.links.handoverIds.length,
        last_position: last.toString(),
        state,
      });
    }
    if (upserts.length === 0) return;
    const columns = Object.keys(upserts[0]);
    await tx.query(
      `INSERT INTO ${t('case_list')} (${columns.join(', ')})
       SELECT ${columns.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS x(
         case_id uuid, seq bigint, status text, province text, channel text, classification text, summary text,
         summary_folded text, receiving_unit text, received_at text, received_offset text, recorded_at timestamptz,
         updated_at timestamptz, persons integer, exchanges integer, verifications integer, handovers integer,
         last_position bigint, state jsonb)
       ON CONFLICT (case_id) DO UPDATE SET ${columns
         .filter((c) => c !== 'case_id')
         .map((c) => `${c} = EXCLUDED.${c}`)
         .join(', ')}`,
      [JSON.stringify(upserts)],
    );
  }
}
