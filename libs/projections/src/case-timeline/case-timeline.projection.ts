import type { RecordedEvent, SqlClient } from '#event-store';
import { isUuid, parseStreamId, streamIdOf } from '#shared-kernel';
import type { Projection, TableNamer } from '../projection.js';
import { TIMELINE_EVENT_TYPES, summarise } from './timeline.summaries.js';

/** The categories whose streams make up a case's timeline (audit streams never do). */
export const TIMELINE_CATEGORIES = ['case', 'person', 'exchange', 'verification', 'handover'] as const;
const CATEGORIES: ReadonlySet<string> = new Set(TIMELINE_CATEGORIES);

const LINKS: Readonly<Record<string, { category: string; field: string }>> = {
  PersonLinked: { category: 'person', field: 'personId' },
  ExchangeLinked: { category: 'exchange', field: 'exchangeId' },
  VerificationLinked: { category: 'verification', field: 'verificationId' },
  HandoverLinked: { category: 'handover', field: 'handoverId' },
};

interface Link {
  case_id: string;
  stream_id: string;
  linked_at: string;
}

/**
 * Which cases a stream belongs to. The link events on the case stream are the authority; the
 * first event of a linked record also names its case(s) (in its data and in metadata.caseId),
 * which links the record even before the link event (appended right after it) is applied.
 * Every way in yields the same (case, stream) pair, so the earliest recording time wins.
 */
export function linksOf(e: RecordedEvent): Link[] {
  const { category } = parseStreamId(e.streamId);
  if (!CATEGORIES.has(category)) return [];
  const d = (e.data ?? {}) as Record<string, unknown>;
  const at = e.metadata.recordedAt;
  const out: Link[] = [];
  const add = (caseId: unknown, streamId: string): void => {
    if (isUuid(caseId)) out.push({ case_id: caseId, stream_id: streamId, linked_at: at });
  };
  if (category === 'case') add(d.caseId, e.streamId);
  const link = LINKS[e.type];
  if (category === 'case' && link && isUuid(d[link.field]))
    add(d.caseId, streamIdOf(link.category, d[link.field] as string));
  if (category !== 'case') {
    add(e.metadata.caseId, e.streamId);
    add(d.caseId, e.streamId);
    if (Array.isArray(d.caseIds)) for (const c of d.caseIds) add(c, e.streamId);
  }
  return out;
}

/**
 * The case timeline: one row per event of the five contexts (a summary without personal data,
 * who, when declared, when recorded), and the (case, stream) links. A case's timeline is the
 * join of the two in position order, so an event recorded before its stream was linked still
 * shows up once the link arrives, and a record linked to two cases shows in both.
 */
export class CaseTimelineProjection implements Projection {
  readonly name = 'case_timeline';
  readonly version = 1;
  readonly tables = ['case_timeline_entries', 'case_timeline_streams'] as const;
  readonly eventTypes: ReadonlySet<string> = TIMELINE_EVENT_TYPES;

  createTables(t: TableNamer): readonly string[] {
    const entries = t('case_timeline_entries');
    return [
      // Keyed by stream first: the one index serves both the timeline join and replays.
      `CREATE TABLE ${entries} (
         position        bigint      NOT NULL,
         stream_id       text        NOT NULL,
         type            text        NOT NULL,
         recorded_at     timestamptz NOT NULL,
         occurred_at     text        NOT NULL,
         occurred_offset text        NOT NULL,
         actor           jsonb       NOT NULL,
         summary         jsonb       NOT NULL,
         PRIMARY KEY (stream_id, position)
       )`,
      `CREATE TABLE ${t('case_timeline_streams')} (
         case_id   uuid        NOT NULL,
         stream_id text        NOT NULL,
         linked_at timestamptz NOT NULL,
         PRIMARY KEY (case_id, stream_id)
       )`,
    ];
  }

  async applyBatch(tx: SqlClient, events: readonly RecordedEvent[], t: TableNamer): Promise<void> {
    const entries: Record<string, unknown>[] = [];
    const links = new Map<string, Link>();
    for (const e of events) {
      if (!CATEGORIES.has(parseStreamId(e.streamId).category)) continue;
      const actor = e.metadata.actor;
      entries.push({
        position: e.position.toString(),
        stream_id: e.streamId,
        type: e.type,
        recorded_at: e.metadata.recordedAt,
        occurred_at: e.metadata.occurredAt.at,
        occurred_offset: e.metadata.occurredAt.offset,
        // Officers are named by their user id; their display names stay in the token.
        actor: { userId: actor.userId, role: actor.role, unitId: actor.unitId },
        summary: summarise(e.type, e.data),
      });
      for (const link of linksOf(e)) {
        const key = `${link.case_id}|${link.stream_id}`;
        const seen = links.get(key);
        if (!seen || Date.parse(link.linked_at) < Date.parse(seen.linked_at)) links.set(key, link);
      }
    }
    if (entries.length > 0) {
      await tx.query(
        `INSERT INTO ${t('case_timeline_entries')}
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(position bigint, stream_id text, type text,
           recorded_at timestamptz, occurred_at text, occurred_offset text, actor jsonb, summary jsonb)
         ON CONFLICT (stream_id, position) DO NOTHING`,
        [JSON.stringify(entries)],
      );
    }
    if (links.size > 0) {
      await tx.query(
        `INSERT INTO ${t('case_timeline_streams')} (case_id, stream_id, linked_at)
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(case_id uuid, stream_id text, linked_at timestamptz)
         ON CONFLICT (case_id, stream_id) DO UPDATE SET linked_at = LEAST(
           ${t('case_timeline_streams')}.linked_at, EXCLUDED.linked_at)`,
        [JSON.stringify([...links.values()])],
      );
    }
  }
}
