import type { SqlClient } from '#event-store';
import { localTimes } from '#shared-kernel';
import { viewName } from '../projection.js';
import type { BlindIndex } from '../case-search/blind-index.js';
import { personsByNameSql } from '../case-search/name-search.sql.js';
import { foldText, queryAlternatives } from '../case-search/name-tokens.js';

export interface CaseListFilter {
  readonly status?: string;
  readonly province?: string;
  /** Case summary text, or a person's name in any script. */
  readonly q?: string;
  /** Opaque, from a previous page's `next`. */
  readonly cursor?: string;
  readonly limit: number;
  /** Match `q` against person names too (default true); false for roles that may not see names. */
  readonly names?: boolean;
}

export interface CaseListItem {
  readonly id: string;
  readonly status: string;
  readonly province: string;
  readonly channel: string;
  readonly classification: string | null;
  readonly summary: string;
  readonly receivingUnit: string;
  readonly receivedAt: { at: string; offset: string; local: { vn: string; cn: string } };
  readonly recordedAt: string;
  readonly updatedAt: string;
  readonly counts: { persons: number; exchanges: number; verifications: number; handovers: number };
}

export interface CaseListPage {
  readonly items: readonly CaseListItem[];
  readonly next: string | null;
}

export class InvalidCursorError extends Error {
  constructor() {
    super('the cursor is not one this service issued');
    this.name = 'InvalidCursorError';
  }
}

const CURSOR = /^c1:(\d{1,19})$/;

export const encodeCursor = (seq: bigint): string => Buffer.from(`c1:${seq}`, 'utf8').toString('base64url');

export function decodeCursor(cursor: string): bigint {
  const m = /^[A-Za-z0-9_-]{1,64}$/.test(cursor)
    ? CURSOR.exec(Buffer.from(cursor, 'base64url').toString('utf8'))
    : null;
  if (!m) throw new InvalidCursorError();
  return BigInt(m[1]);
}

const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

interface Row {
  case_id: string;
  seq: bigint;
  status: string;
  province: string;
  channel: string;
  classification: string | null;
  summary: string;
  receiving_unit: string;
  received_at: string;
  received_offset: string;
  recorded_at: Date;
  updated_at: Date;
  persons: number;
  exchanges: number;
  verifications: number;
  handovers: number;
}

/**
 * Newest first (by when the report was recorded), keyset-paged on `seq` so a page is as cheap
 * at the end of the list as at the start and a case added meanwhile never shifts a page.
 * Name search: the query is tokenised like the names were, each token keyed with the same
 * HMAC, and a case matches when one person meets every group of one alternative, a group by
 * any of its tokens (name-tokens.ts: a typed word stands for its readings in the other script).
 * Persons whose key was shredded since they were indexed are left out.
 */
export async function listCases(sql: SqlClient, index: BlindIndex, filter: CaseListFilter): Promise<CaseListPage> {
  const params: unknown[] = [];
  const where: string[] = [];
  const arg = (v: unknown): string => {
    params.push(v);
    return `$${params.length}`;
  };
  if (filter.status) where.push(`c.status = ${arg(filter.status)}`);
  if (filter.province) where.push(`c.province = ${arg(filter.province)}`);
  if (filter.cursor !== undefined) where.push(`c.seq < ${arg(decodeCursor(filter.cursor).toString())}`);
  const q = filter.q?.trim();
  if (q) {
    const text = `c.summary_folded LIKE ${arg(`%${escapeLike(foldText(q))}%`)}`;
    const names = filter.names === false ? null : personsByNameSql(queryAlternatives(q), index, arg);
    where.push(names ? `(${text} OR c.case_id IN (SELECT case_id FROM (${names}) AS found))` : text);
  }
  const r = await sql.query<Row>(
    `SELECT c.case_id, c.seq, c.status, c.province, c.channel, c.classification, c.summary, c.receiving_unit,
            c.received_at, c.received_offset, c.recorded_at, c.updated_at, c.persons, c.exchanges, c.verifications,
            c.handovers
       FROM ${viewName('case_list')} c
      ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY c.seq DESC LIMIT ${arg(filter.limit + 1)}`,
    params,
  );
  const rows = r.rows.slice(0, filter.limit);
  const more = r.rows.length > filter.limit;
  return {
    items: rows.map(toItem),
    next: more && rows.length > 0 ? encodeCursor(BigInt(rows[rows.length - 1].seq)) : null,
  };
}

function toItem(r: Row): CaseListItem {
  return {
    id: r.case_id,
    status: r.status,
    province: r.province,
    channel: r.channel,
    classification: r.classification,
    summary: r.summary,
    receivingUnit: r.receiving_unit,
    receivedAt: { at: r.received_at, offset: r.received_offset, local: localTimes(r.received_at) },
    recordedAt: r.recorded_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    counts: { persons: r.persons, exchanges: r.exchanges, verifications: r.verifications, handovers: r.handovers },
  };
}
