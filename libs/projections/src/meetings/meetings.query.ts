import type { SqlClient } from '#event-store';
import { localTimes } from '#shared-kernel';
import type { TableNamer } from '../projection.js';

/** An agreed action on the deadline board: ids and codes only, its text is on the meeting's page. */
export interface AgreedActionEntry {
  readonly actionId: string;
  readonly meetingId: string;
  readonly province: string;
  readonly counterpart: string;
  readonly owner: { readonly kind: string; readonly id: string };
  readonly dueAt: string;
  readonly local: { vn: string; cn: string };
}

export interface AgreedActionsBoard {
  readonly overdue: AgreedActionEntry[];
  readonly dueSoon: AgreedActionEntry[];
}

interface ActionRow {
  action_id: string;
  meeting_id: string;
  province: string;
  counterpart: string;
  owner_kind: string;
  owner_id: string;
  due_at: Date;
}

const entry = (r: ActionRow): AgreedActionEntry => {
  const dueAt = r.due_at.toISOString();
  return {
    actionId: r.action_id,
    meetingId: r.meeting_id,
    province: r.province,
    counterpart: r.counterpart,
    owner: { kind: r.owner_kind, id: r.owner_id },
    dueAt,
    local: localTimes(dueAt),
  };
};

/**
 * Open actions past their due time (most overdue first) and those due within `withinMs`;
 * "overdue" is derived from `now`, never stored. `province` null: every province (national readers).
 */
export async function agreedActionsBoard(
  sql: SqlClient,
  views: TableNamer,
  q: { now: Date; withinMs: number; province: string | null; limit: number },
): Promise<AgreedActionsBoard> {
  const select = `SELECT action_id, meeting_id, province, counterpart, owner_kind, owner_id, due_at
                    FROM ${views('agreed_actions')} WHERE state = 'open' AND ($1::text IS NULL OR province = $1)`;
  const overdue = await sql.query<ActionRow>(`${select} AND due_at < $2 ORDER BY due_at, action_id LIMIT $3`, [
    q.province,
    q.now.toISOString(),
    q.limit,
  ]);
  const soon = await sql.query<ActionRow>(
    `${select} AND due_at >= $2 AND due_at <= $3 ORDER BY due_at, action_id LIMIT $4`,
    [q.province, q.now.toISOString(), new Date(q.now.getTime() + q.withinMs).toISOString(), q.limit],
  );
  return { overdue: overdue.rows.map(entry), dueSoon: soon.rows.map(entry) };
}

export interface MeetingListEntry {
  readonly meetingId: string;
  readonly province: string;
  readonly kind: string;
  readonly counterparts: string[];
  readonly heldAt: { at: string; offset: string; local: { vn: string; cn: string } };
  readonly actions: { agreed: number; open: number; overdue: number; done: number; dropped: number };
}

interface MeetingRow {
  meeting_id: string;
  province: string;
  kind: string;
  counterparts: string;
  held_at: Date;
  held_offset: string;
  agreed: string | number;
  open: string | number;
  overdue: string | number;
  done: string | number;
  dropped: string | number;
}

/** Meetings, latest first, each with how its actions stand at `now`. */
export async function meetingList(
  sql: SqlClient,
  views: TableNamer,
  q: { now: Date; province: string | null; limit: number },
): Promise<MeetingListEntry[]> {
  const r = await sql.query<MeetingRow>(
    `SELECT m.meeting_id, m.province, m.kind, m.counterparts, m.held_at, m.held_offset,
            count(a.action_id) AS agreed,
            count(*) FILTER (WHERE a.state = 'open') AS open,
            count(*) FILTER (WHERE a.state = 'open' AND a.due_at < $2) AS overdue,
            count(*) FILTER (WHERE a.state = 'done') AS done,
            count(*) FILTER (WHERE a.state = 'dropped') AS dropped
       FROM ${views('meetings')} m LEFT JOIN ${views('agreed_actions')} a ON a.meeting_id = m.meeting_id
      WHERE ($1::text IS NULL OR m.province = $1)
      GROUP BY m.meeting_id, m.province, m.kind, m.counterparts, m.held_at, m.held_offset
      ORDER BY m.held_at DESC, m.meeting_id LIMIT $3`,
    [q.province, q.now.toISOString(), q.limit],
  );
  return r.rows.map((row) => {
    const at = row.held_at.toISOString();
    return {
      meetingId: row.meeting_id,
      province: row.province,
      kind: row.kind,
      counterparts: row.counterparts.split(',').filter(Boolean),
      heldAt: { at, offset: row.held_offset, local: localTimes(at) },
      actions: {
        agreed: Number(row.agreed),
        open: Number(row.open),
        overdue: Number(row.overdue),
        done: Number(row.done),
        dropped: Number(row.dropped),
      },
    };
  });
}

export interface CampaignEntry {
  readonly campaignId: string;
  readonly name: string;
  readonly province: string;
  readonly coverage: 'province' | 'national';
  readonly counterparts: string[];
  /** Vietnam calendar days, both included. */
  readonly from: string;
  readonly to: string;
}

interface CampaignRow {
  campaign_id: string;
  name: string;
  province: string;
  coverage: 'province' | 'national';
  counterparts: string;
  from_day: string;
  to_day: string;
}

/** The campaigns a province's statistics count: its own and the national ones (all, for null). */
export async function campaignList(
  sql: SqlClient,
  views: TableNamer,
  q: { province: string | null },
): Promise<CampaignEntry[]> {
  const r = await sql.query<CampaignRow>(
    `SELECT campaign_id, name, province, coverage, counterparts, from_day, to_day FROM ${views('campaigns')}
      WHERE $1::text IS NULL OR province = $1 OR coverage = 'national'
      ORDER BY from_day, campaign_id`,
    [q.province],
  );
  return r.rows.map((row) => ({
    campaignId: row.campaign_id,
    name: row.name,
    province: row.province,
    coverage: row.coverage,
    counterparts: row.counterparts.split(',').filter(Boolean),
    from: row.from_day,
    to: row.to_day,
  }));
}
