import type { RecordedEvent } from '#event-store';
import type { Projection } from '../projection.js';
import { Batch, keysOf } from './statistics.batch.js';
import { STATISTICS_EVENT_TYPES, type Sex, type SexOpener, type StatisticsEventData } from './statistics.events.js';
import { applyEvent } from './statistics.evolve.js';
import { STATISTICS_TABLES, statisticsDdl, type StatisticsTable } from './statistics.tables.js';

const SEALED_TYPES = new Set(['PersonRegistered', 'PersonalDataCorrected']);

/** Counts for the periodic statistics (docs/domain.md, Statistics). */
export function statisticsProjection(openSex: SexOpener): Projection {
  return {
    name: 'statistics',
    // 3: support given and referrals (issue 10). 4: priorities and verification reply times (issue 11).
    version: 4,
    tables: STATISTICS_TABLES,
    eventTypes: new Set<string>(STATISTICS_EVENT_TYPES),
    createTables: statisticsDdl,
    async prepare(events: readonly RecordedEvent[]): Promise<ReadonlyMap<string, Sex>> {
      const sexes = new Map<string, Sex>();
      for (const e of events) {
        const d = e.data as StatisticsEventData;
        if (!SEALED_TYPES.has(e.type) || !d.personId) continue;
        sexes.set(e.id, typeof d.personal === 'string' ? await openSex(d.personId, d.personal) : 'unknown');
      }
      return sexes;
    },
    async applyBatch(tx, events, t, prepared): Promise<void> {
      const sexes = prepared instanceof Map ? (prepared as ReadonlyMap<string, Sex>) : new Map<string, Sex>();
      const keys = Object.fromEntries(STATISTICS_TABLES.map((table) => [table, [] as string[]])) as Record<
        StatisticsTable,
        string[]
      >;
      for (const e of events) keysOf(e, e.data as StatisticsEventData, keys);
      const b = new Batch(t);
      for (const table of STATISTICS_TABLES) await b.rows[table].load(tx, keys[table]);
      for (const e of events) applyEvent(b, e, sexes);
      // Tables in dependency order is not needed (no foreign keys), only one upsert each.
      for (const table of STATISTICS_TABLES) await b.rows[table].flush(tx);
    },
  };
}
