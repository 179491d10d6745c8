import type { RecordedEvent, SqlClient } from '#event-store';
import type { ExchangeEvent } from '#exchanges';
import type { VerificationEvent } from '#verifications';
import type { Projection, TableNamer } from '../projection.js';

/**
 * Drafts held for a second officer's release (issue 10), for the deadline board: exchange messages
 * and verification requests, which wait, since when, in which unit. Only ids, the author's user id
 * and the unit: the content stays in its stream. A row stays after its draft leaves the queue
 * (state `done`) so that a replayed older event cannot bring it back: every change is guarded by the
 * event's position. A verification request is keyed by its id in both key columns.
 */
const HANDLED = [
  'MessageLogged',
  'DraftReleased',
  'DraftReturned',
  'ReleaseWithdrawn',
  'DraftResubmitted',
  'DraftDiscarded',
  'VerificationDrafted',
  'VerificationReleased',
  'VerificationDraftReturned',
  'VerificationReleaseWithdrawn',
  'VerificationDraftResubmitted',
  'VerificationWithdrawn',
] as const;
type Handled = Extract<ExchangeEvent | VerificationEvent, { type: (typeof HANDLED)[number] }>;

const DDL = (t: TableNamer): string[] => [
  `CREATE TABLE ${t('release_queue')} (
     exchange_id text NOT NULL,
     message_id text NOT NULL,
     kind text NOT NULL,
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

/** The two key columns and the kind of the draft an event is about. */
function keyOf(event: Handled): { key: [string, string]; kind: 'message' | 'verification' } {
  if ('messageId' in event.data) return { key: [event.data.exchangeId, event.data.messageId], kind: 'message' };
  return { key: [event.data.verificationId, event.data.verificationId], kind: 'verification' };
}

async function apply(tx: SqlClient, e: RecordedEvent, t: TableNamer): Promise<void> {
  if (!(HANDLED as readonly string[]).includes(e.type)) return;
  // The store hands back what the domain decided: the data is the domain event's for this type.
  const event = { type: e.type, data: e.data } as Handled;
  const table = t('release_queue');
  const { key, kind } = keyOf(event);
  const at = 'occurredAt' in event.data ? event.data.occurredAt.at : e.metadata.occurredAt.at;
  const enter = async (release: { author: string; unit: string } | undefined): Promise<void> => {
    if (!release) return;
    await tx.query(
      `INSERT INTO ${table} (exchange_id, message_id, kind, case_id, unit, author, state, since, position)
       VALUES ($1, $2, $3, $4, $5, $6, 'awaiting', $7, $8) ON CONFLICT (exchange_id, message_id) DO NOTHING`,
      [...key, kind, e.metadata.caseId ?? null, release.unit, release.author, at, e.position.toString()],
    );
  };
  switch (event.type) {
    case 'MessageLogged':
    case 'VerificationDrafted':
      return enter(event.data.release);
    // Waiting again, from the resubmission: the board orders by how long the colleague has waited.
    case 'DraftResubmitted':
    case 'VerificationDraftResubmitted':
      await tx.query(
        `UPDATE ${table} SET state = 'awaiting', since = $3, position = $4
          WHERE exchange_id = $1 AND message_id = $2 AND position < $4`,
        [...key, at, e.position.toString()],
      );
      return;
    // Released (sent), returned, recalled, withdrawn or discarded: no longer waiting for anyone.
    case 'DraftReleased':
    case 'DraftReturned':
    case 'ReleaseWithdrawn':
    case 'DraftDiscarded':
    case 'VerificationReleased':
    case 'VerificationDraftReturned':
    case 'VerificationReleaseWithdrawn':
    case 'VerificationWithdrawn':
      await tx.query(
        `UPDATE ${table} SET state = 'done', position = $3
          WHERE exchange_id = $1 AND message_id = $2 AND position < $3`,
        [...key, e.position.toString()],
      );
  }
}

export const releaseQueueProjection: Projection = {
  name: 'release_queue',
  version: 2,
  tables: ['release_queue'],
  eventTypes: new Set<string>(HANDLED),
  createTables: DDL,
  apply,
};
