import type { RecordedEvent, SqlClient } from '#event-store';
import type { CampaignRecorded, MeetingEvent } from '#meetings';
import type { Projection, TableNamer } from '../projection.js';

/**
 * Meetings with the counterpart, their agreed actions and the joint campaigns (issue 11), for the
 * meeting list, the deadline board and the statistics. Ids, codes, dates and states only: what was
 * agreed and who sat at the table stay in the meeting's stream (its page folds it live). Every
 * change is guarded by the event's position, so a replayed older event changes nothing.
 */
const HANDLED = [
  'MeetingRecorded',
  'ActionAgreed',
  'ActionDone',
  'ActionDropped',
  'ActionDueChanged',
  'CampaignRecorded',
] as const;
type Handled = Extract<MeetingEvent | CampaignRecorded, { type: (typeof HANDLED)[number] }>;

const DDL = (t: TableNamer): string[] => [
  `CREATE TABLE ${t('meetings')} (
     meeting_id text PRIMARY KEY,
     province text NOT NULL,
     kind text NOT NULL,
     counterparts text NOT NULL,
     held_at timestamptz NOT NULL,
     held_offset text NOT NULL,
     position bigint NOT NULL
   )`,
  `CREATE INDEX ${t('meetings')}_held ON ${t('meetings')} (province, held_at)`,
  `CREATE TABLE ${t('agreed_actions')} (
     action_id text PRIMARY KEY,
     meeting_id text NOT NULL,
     province text NOT NULL,
     counterpart text NOT NULL,
     owner_kind text NOT NULL,
     owner_id text NOT NULL,
     due_at timestamptz NOT NULL,
     state text NOT NULL,
     agreed_at timestamptz NOT NULL,
     closed_at timestamptz,
     late boolean,
     position bigint NOT NULL
   )`,
  `CREATE INDEX ${t('agreed_actions')}_open ON ${t('agreed_actions')} (province, due_at) WHERE state = 'open'`,
  `CREATE TABLE ${t('campaigns')} (
     campaign_id text PRIMARY KEY,
     name text NOT NULL,
     province text NOT NULL,
     coverage text NOT NULL,
     counterparts text NOT NULL,
     from_day text NOT NULL,
     to_day text NOT NULL,
     position bigint NOT NULL
   )`,
];

async function apply(tx: SqlClient, e: RecordedEvent, t: TableNamer): Promise<void> {
  if (!(HANDLED as readonly string[]).includes(e.type)) return;
  // The store hands back what the domain decided: the data is the domain event's for this type.
  const event = { type: e.type, data: e.data } as Handled;
  const position = e.position.toString();
  const actions = t('agreed_actions');
  switch (event.type) {
    case 'MeetingRecorded': {
      const d = event.data;
      await tx.query(
        `INSERT INTO ${t('meetings')} (meeting_id, province, kind, counterparts, held_at, held_offset, position)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (meeting_id) DO NOTHING`,
        [d.meetingId, d.province, d.kind, d.counterparts.join(','), d.heldAt.at, d.heldAt.offset, position],
      );
      return;
    }
    case 'ActionAgreed': {
      const d = event.data;
      // Agreed at the meeting: the statistics count it in the period the meeting was held.
      await tx.query(
        `INSERT INTO ${actions} (action_id, meeting_id, province, counterpart, owner_kind, owner_id, due_at, state,
                                 agreed_at, position)
         SELECT $1, $2, $3, $4, $5, $6, $7, 'open', m.held_at, $8 FROM ${t('meetings')} m WHERE m.meeting_id = $2
         ON CONFLICT (action_id) DO NOTHING`,
        [d.actionId, d.meetingId, d.province, d.counterpart, d.owner.kind, d.owner.id, d.dueAt.at, position],
      );
      return;
    }
    case 'ActionDone':
      await tx.query(
        `UPDATE ${actions} SET state = 'done', closed_at = $2, late = $3, position = $4
          WHERE action_id = $1 AND position < $4`,
        [event.data.actionId, event.data.doneAt.at, event.data.late, position],
      );
      return;
    case 'ActionDropped':
      await tx.query(
        `UPDATE ${actions} SET state = 'dropped', closed_at = $2, position = $3 WHERE action_id = $1 AND position < $3`,
        [event.data.actionId, event.data.droppedAt.at, position],
      );
      return;
    case 'ActionDueChanged':
      await tx.query(`UPDATE ${actions} SET due_at = $2, position = $3 WHERE action_id = $1 AND position < $3`, [
        event.data.actionId,
        event.data.newDueAt.at,
        position,
      ]);
      return;
    case 'CampaignRecorded': {
      const d = event.data;
      await tx.query(
        `INSERT INTO ${t('campaigns')} (campaign_id, name, province, coverage, counterparts, from_day, to_day, position)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (campaign_id) DO NOTHING`,
        [d.campaignId, d.name, d.province, d.coverage, d.counterparts.join(','), d.from, d.to, position],
      );
    }
  }
}

export const meetingsProjection: Projection = {
  name: 'meetings',
  version: 1,
  tables: ['meetings', 'agreed_actions', 'campaigns'],
  eventTypes: new Set<string>(HANDLED),
  createTables: DDL,
  apply,
};
