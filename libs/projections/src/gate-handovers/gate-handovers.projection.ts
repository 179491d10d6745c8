import type { RecordedEvent, SqlClient } from '#event-store';
import type { HandoverStatus } from '#handovers';
import type { ZonedInstant } from '#shared-kernel';
import type { Projection, TableNamer } from '../projection.js';
import { RowBatch, isNewer, type JsonRow } from '../statistics/row-batch.js';

const TYPES = [
  // The case's province is on its first event; a handover belongs to the province of its case.
  'ReportReceived',
  'HandoverProposed',
  'HandoverScheduled',
  'HandoverPostponed',
  'HandoverCancelled',
  'HandoverConducted',
  'MinutesSigned',
  'HandoverClosed',
] as const;

// Only the fields this list reads; the domain event types are the authority on the rest.
type Data = {
  caseId?: unknown;
  province?: unknown;
  handoverId?: unknown;
  gate?: unknown;
  counterpart?: unknown;
  personIds?: unknown;
  occurredAt?: ZonedInstant;
  scheduledAt?: ZonedInstant;
};

export interface GateHandoverRow extends JsonRow {
  handover_id: string;
  case_id: string;
  /** Null only until the case's ReportReceived is seen (never, in a log written by this service). */
  province: string | null;
  /** Where it happens now: proposed, then the last scheduled gate, then where it was conducted. */
  gate: string;
  status: Exclude<HandoverStatus, 'none'>;
  counterpart: string;
  persons: number;
  proposed_at: string;
  /** The time it is set for; cleared by a postponement until a new time is agreed. */
  scheduled_at: string | null;
  conducted_at: string | null;
  /** The last event applied: an event at or below it is a replay and changes nothing. */
  position: string | number;
}

interface CaseRow extends JsonRow {
  case_id: string;
  province: string;
}

const HANDOVER_COLUMNS = {
  handover_id: 'text',
  case_id: 'text',
  province: 'text',
  gate: 'text',
  status: 'text',
  counterpart: 'text',
  persons: 'integer',
  proposed_at: 'timestamptz',
  scheduled_at: 'timestamptz',
  conducted_at: 'timestamptz',
  position: 'bigint',
} as const;

const text = (v: unknown): v is string => typeof v === 'string' && v !== '';
const instant = (v: ZonedInstant | undefined): string | null => (v && text(v.at) ? v.at : null);

class Batch {
  readonly cases: RowBatch<CaseRow>;
  readonly handovers: RowBatch<GateHandoverRow>;

  constructor(t: TableNamer) {
    this.cases = new RowBatch(t('gate_handover_cases'), 'case_id', { case_id: 'text', province: 'text' });
    this.handovers = new RowBatch(t('gate_handovers'), 'handover_id', HANDOVER_COLUMNS);
  }

  async load(tx: SqlClient, events: readonly RecordedEvent[]): Promise<void> {
    const cases: string[] = [];
    const handovers: string[] = [];
    const reported: string[] = [];
    for (const e of events) {
      const d = e.data as Data;
      if (e.type === 'ReportReceived' && text(d.caseId)) reported.push(d.caseId);
      if (e.type === 'HandoverProposed' && text(d.caseId)) cases.push(d.caseId);
      if (text(d.handoverId)) handovers.push(d.handoverId);
    }
    await this.cases.load(tx, cases);
    await this.handovers.load(tx, handovers);
    // Handovers of a case reported only now (see `province`): one indexed read, and only when
    // the batch holds reports.
    await this.handovers.loadWhere(tx, 'case_id', reported);
  }

  async flush(tx: SqlClient): Promise<void> {
    await this.cases.flush(tx);
    await this.handovers.flush(tx);
  }
}

/**
 * A step of a handover, as the domain's evolve takes it: only from the states it allows (any
 * other event would leave the domain's state unchanged, so it leaves the row unchanged too).
 */
function step(
  b: Batch,
  e: RecordedEvent,
  from: readonly GateHandoverRow['status'][],
  change: (row: GateHandoverRow) => void,
): void {
  const id = (e.data as Data).handoverId;
  const row = text(id) ? b.handovers.get(id) : undefined;
  if (!row || !from.includes(row.status) || !isNewer(row, e.position)) return;
  change(row);
  row.position = e.position.toString();
  b.handovers.touch(row);
}

function apply(b: Batch, e: RecordedEvent): void {
  const d = e.data as Data;
  const type = e.type as (typeof TYPES)[number];
  switch (type) {
    case 'ReportReceived': {
      if (!text(d.caseId) || !text(d.province)) return;
      const province = d.province;
      b.cases.insert({ case_id: d.caseId, province });
      for (const row of b.handovers.filter((r) => r.case_id === d.caseId && r.province === null)) {
        row.province = province;
        b.handovers.touch(row);
      }
      return;
    }
    case 'HandoverProposed': {
      const proposedAt = instant(d.occurredAt);
      if (!text(d.handoverId) || !text(d.caseId) || !text(d.gate) || !text(d.counterpart) || !proposedAt) return;
      // A handover is proposed once; the same event again is a replay.
      if (b.handovers.get(d.handoverId)) return;
      b.handovers.put({
        handover_id: d.handoverId,
        case_id: d.caseId,
        province: b.cases.get(d.caseId)?.province ?? null,
        gate: d.gate,
        status: 'proposed',
        counterpart: d.counterpart,
        persons: Array.isArray(d.personIds) ? d.personIds.length : 0,
        proposed_at: proposedAt,
        scheduled_at: null,
        conducted_at: null,
        position: e.position.toString(),
      });
      return;
    }
    case 'HandoverScheduled': {
      const at = instant(d.scheduledAt);
      const gate = d.gate;
      if (!at || !text(gate)) return;
      return step(b, e, ['proposed', 'postponed'], (r) => {
        r.status = 'scheduled';
        r.gate = gate;
        r.scheduled_at = at;
      });
    }
    case 'HandoverPostponed':
      // The old time no longer holds: the handover waits for a new one (a postponement that
      // names it is followed by HandoverScheduled in the same write).
      return step(b, e, ['scheduled'], (r) => {
        r.status = 'postponed';
        r.scheduled_at = null;
      });
    case 'HandoverCancelled':
      // The time stays, so the day's list shows the guard that the meeting is off.
      return step(b, e, ['proposed', 'scheduled', 'postponed'], (r) => {
        r.status = 'cancelled';
      });
    case 'HandoverConducted': {
      const at = instant(d.occurredAt);
      const gate = d.gate;
      if (!at || !text(gate)) return;
      return step(b, e, ['scheduled'], (r) => {
        r.status = 'conducted';
        r.gate = gate;
        r.conducted_at = at;
      });
    }
    case 'MinutesSigned':
      return step(b, e, ['conducted'], (r) => {
        r.status = 'minutes_signed';
      });
    case 'HandoverClosed':
      return step(b, e, ['minutes_signed'], (r) => {
        r.status = 'closed';
      });
    default:
      return; // not one of ours: the runner filters by eventTypes, so this is a safety net
  }
}

/**
 * The handovers of every gate, one row each, with the province of its case: what a border
 * guard's phone lists for the gates they serve, and an office for its province. No personal
 * data: only how many persons, never who.
 */
export const gateHandoversProjection: Projection = {
  name: 'gate_handovers',
  version: 1,
  tables: ['gate_handover_cases', 'gate_handovers'],
  eventTypes: new Set<string>(TYPES),
  createTables: (t) => [
    `CREATE TABLE ${t('gate_handover_cases')} (
       case_id  text PRIMARY KEY,
       province text NOT NULL
     )`,
    `CREATE TABLE ${t('gate_handovers')} (
       handover_id  text        PRIMARY KEY,
       case_id      text        NOT NULL,
       province     text,
       gate         text        NOT NULL,
       status       text        NOT NULL,
       counterpart  text        NOT NULL,
       persons      integer     NOT NULL,
       proposed_at  timestamptz NOT NULL,
       scheduled_at timestamptz,
       conducted_at timestamptz,
       position     bigint      NOT NULL
     )`,
    `CREATE INDEX ${t('gate_handovers')}_gate ON ${t('gate_handovers')} (gate, scheduled_at)`,
    `CREATE INDEX ${t('gate_handovers')}_province ON ${t('gate_handovers')} (province, scheduled_at)`,
    `CREATE INDEX ${t('gate_handovers')}_case ON ${t('gate_handovers')} (case_id)`,
  ],
  async applyBatch(tx, events, t) {
    const b = new Batch(t);
    await b.load(tx, events);
    for (const e of events) apply(b, e);
    await b.flush(tx);
  },
};
