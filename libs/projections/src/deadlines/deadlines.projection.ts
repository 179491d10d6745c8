import type { RecordedEvent, SqlClient } from '#event-store';
import type { ZonedInstant } from '#shared-kernel';
import type { Projection, TableNamer } from '../projection.js';
import { Batch } from './deadlines.batch.js';
import { BOARD_EVENT_TYPES } from './deadlines.events.js';
import { ruleOf, type Keys } from './deadlines.rules.js';
import { deadlinesDdl } from './deadlines.tables.js';

/** When the event happened as declared; events without their own instant lend the envelope's. */
const instantOf = (e: RecordedEvent): string =>
  (e.data as { occurredAt?: ZonedInstant } | null)?.occurredAt?.at ?? e.metadata.occurredAt.at;

async function applyBatch(tx: SqlClient, events: readonly RecordedEvent[], t: TableNamer): Promise<void> {
  const keys: Keys = { cases: [], parents: [], items: [], threads: [] };
  for (const e of events) {
    const found = ruleOf(e);
    found?.rule.keys(found.data, keys);
  }
  const b = new Batch(t);
  await b.cases.load(tx, keys.cases);
  await b.parents.load(tx, keys.parents);
  await b.items.load(tx, keys.items);
  await b.items.loadWhere(tx, 'parent_id', keys.threads);
  for (const e of events) {
    const found = ruleOf(e);
    found?.rule.apply(b, e, found.data, instantOf(e));
  }
  await b.flush(tx);
}

export const deadlinesProjection: Projection = {
  name: 'deadlines',
  // 2: referral answers (issue 10). 3: priorities (issue 11).
  version: 3,
  tables: ['deadline_cases', 'deadline_parents', 'deadline_items'],
  eventTypes: new Set<string>(BOARD_EVENT_TYPES),
  createTables: deadlinesDdl,
  applyBatch,
};
