import type { RecordedEvent, SqlClient } from '#event-store';
import type { ExchangeEvent } from '#exchanges';
import type { Projection, TableNamer } from '../projection.js';

/**
 * Drafts held for a second officer's release (issue 10), for the deadline board: which wait, since
 * when, in which unit. Only ids, the author's user id and the unit: the content stays sealed in the
 * exchange. A row stays after its draft leaves the queue (state `done`) so that a replayed older
 * event cannot bring it back: every change is guarded by the event's position.
 */
const HANDLED = [
  'MessageLogged',
  'DraftReleased',
  'DraftReturned',
  'ReleaseWithdrawn',
  'DraftResubmitted',
  'DraftDiscarded',
] as const;
type Handled = Extract<ExchangeEvent, { type: (typeof HANDLED)[number] }>;

const DDL = (t: TableNamer): string[] => [
  `CREATE TABLE ${t('release_queue')} (
     exchange_id text NOT NULL,
     message_id text NOT NULL,
     case_id text,
     unit text NOT NULL,
     author text NOT NULL,
     state text NOT NULL,
     since timestamptz NOT NULL,
     position bigint NOT NULL,
     PRIMARY KEY (exchange_id, message_id)
   )`,
  `CREATE INDEX ${t('release_queue')}_awaiting ON ${t('release_queue')} (unit, since) WHERE state = 'awaiting'`,
];

async function apply(tx: SqlClient, e: RecordedEvent, t: TableNamer): Promise<void> {
  if (!(HANDLED as readonly string[]).includes(e.type)) return;
  // The store hands back what the domain decided: the data is the domain event's for this type.
  const event = { type: e.type, data: e.data } as Handled;
  const table = t('release_queue');
  const key = [event.data.exchangeId, event.data.messageId];
  const at = 'occurredAt' in event.data ? event.data.occurredAt.at : e.metadata.occurredAt.at;
  switch (event.type) {
    case 'MessageLogged': {
      const { release } = event.data;
      if (!release) return;
      await tx.query(
        `INSERT INTO ${table} (exchange_id, message_id, case_id, unit, author, state, since, position)
         VALUES ($1, $2, $3, $4, $5, 'awaiting', $6, $7) ON CONFLICT (exchange_id, message_id) DO NOTHING`,
        [...key, e.metadata.caseId ?? null, release.unit, release.author, at, e.position.toString()],
      );
      return;
    }
    // Waiting again, from the resubmission: the board orders by how long the colleague has waited.
    case 'DraftResubmitted':
      await tx.query(
        `UPDATE ${table} SET state = 'awaiting', since = $3, position = $4
          WHERE exchange_id = $1 AND message_id = $2 AND position < $4`,
        [...key, at, e.position.toString()],
      );
      return;
    case 'DraftReleased':
    case 'DraftReturned':
    case 'ReleaseWithdrawn':
    case 'DraftDiscarded':
      await tx.query(
        `UPDATE ${table} SET state = 'done', position = $3
          WHERE exchange_id = $1 AND message_id = $2 AND position < $3`,
        [...key, e.position.toString()],
      );
  }
}

export const releaseQueueProjection: Projection = {
  name: 'release_queue',
  version: 1,
  tables: ['release_queue'],
  eventTypes: new Set<string>(HANDLED),
  createTables: DDL,
  apply,
};
