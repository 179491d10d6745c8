import type { SqlClient } from '#event-store';
import { viewName } from '../projection.js';
import type { BlindIndex } from './blind-index.js';
import { readAloud } from './han-readings.js';
import { personsByNameSql } from './name-search.sql.js';
import { queryAlternatives } from './name-tokens.js';

export interface PossibleDuplicate {
  readonly caseId: string;
  readonly personId: string;
  /**
   * Why, in terms of the names the caller gave (never the candidate's): which of them matched,
   * and how one in characters reads ("阮氏花 reads nguyễn thị hoa, pinyin ruǎn shì huā").
   */
  readonly evidence: readonly string[];
  /** The same evidence as data, so a screen can say it in the reader's language. */
  readonly matched: readonly MatchedName[];
}

/** One of the caller's names that matched, and how the characters in it read (null: none to read). */
export interface MatchedName {
  readonly name: string;
  readonly reads: { readonly vietnamese: string; readonly pinyin: string } | null;
}

/** Persons already recorded whose names match any of the given ones (issue 12, item 3). */
export interface DuplicateQuery {
  /** The names of the person about to be registered, or named in an inbound message. */
  readonly names: readonly string[];
  /** Only cases of these provinces: what the caller may see. Empty finds nothing. */
  readonly provinces: readonly string[];
  /** The case being registered into, left out (its persons are listed there already). */
  readonly exceptCaseId?: string;
  readonly limit: number;
}

/** What a caller learns of their own input: that it matched, and how characters in it read. */
function matchOf(name: string): MatchedName {
  const han = [...name].filter((c) => /\p{Script=Han}/u.test(c)).join('');
  return { name, reads: han ? readAloud(han) : null };
}

const evidenceOf = ({ name, reads }: MatchedName): string =>
  reads ? `${name} reads ${reads.vietnamese}, pinyin ${reads.pinyin}` : `${name} matches`;

/**
 * The persons in cases of the caller's provinces whose names match one of `names`, with the
 * evidence. The same blind-index search as the case list (personsByNameSql), one query per name;
 * nothing crosses a province the caller may not see, since the filter is on the case's province.
 */
export async function possibleDuplicates(
  sql: SqlClient,
  index: BlindIndex,
  query: DuplicateQuery,
): Promise<PossibleDuplicate[]> {
  if (query.provinces.length === 0) return [];
  const found = new Map<string, { caseId: string; matched: MatchedName[] }>();
  for (const name of new Set(query.names.map((n) => n.trim()).filter((n) => n.length > 0))) {
    const params: unknown[] = [];
    const arg = (v: unknown): string => {
      params.push(v);
      return `$${params.length}`;
    };
    const persons = personsByNameSql(queryAlternatives(name), index, arg);
    if (!persons) continue;
    const r = await sql.query<{ case_id: string; person_id: string }>(
      `SELECT p.case_id, p.person_id FROM (${persons}) AS p
         JOIN ${viewName('case_list')} c ON c.case_id = p.case_id
        WHERE c.province = ANY(${arg([...query.provinces])}::text[])
          AND p.case_id IS DISTINCT FROM ${arg(query.exceptCaseId ?? null)}::uuid
        ORDER BY c.seq DESC LIMIT ${arg(query.limit)}`,
      params,
    );
    for (const row of r.rows) {
      const entry = found.get(row.person_id) ?? { caseId: row.case_id, matched: [] };
      entry.matched.push(matchOf(name));
      found.set(row.person_id, entry);
    }
  }
  return [...found]
    .slice(0, query.limit)
    .map(([personId, { caseId, matched }]) => ({ caseId, personId, evidence: matched.map(evidenceOf), matched }));
}
