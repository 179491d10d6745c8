import { viewName } from '../projection.js';
import type { BlindIndex } from './blind-index.js';
import type { QueryAlternative } from './name-tokens.js';

/**
 * Tokens most names have (the middle names Thị and Văn, and their pinyin). A group holding one
 * is read last, only for the persons the other groups found: read first it would pull in half
 * the index.
 */
const COMMON_TOKENS = new Set(['w:thi', 'w:van', 'w:shi', 'w:wen']);

/** A group number is a bit of a bigint mask; a query of more groups (never a real name) counts them instead. */
const MAX_MASKED_GROUPS = 62;

/**
 * SQL selecting (case_id, person_id) of the persons a name query finds: for each alternative,
 * the persons whose entries meet every group (a group by any of its entries), persons shredded
 * since they were indexed left out; the alternatives are a UNION. The distinctive groups are
 * probes on case_name_tokens' primary key (which covers case_id, so only the index is read);
 * when some groups hold a common token, the persons the other groups find are then read whole on
 * the (person_id, entry) index and tested against every group. `arg` binds a parameter and
 * returns its placeholder, so the text can sit inside a larger query (case-list.queries.ts).
 * Null when the query has no alternative.
 *
 * Per person, the test is two hashable aggregates (docs/performance.md, issue 12): the query's
 * entries are first folded to one row per entry with the mask of the groups it belongs to, so
 * a person's joined rows are their distinct matching entries; then OR of the masks = every group
 * met, and the row count = how many different entries met them. Counting DISTINCT values instead
 * sorted every row read, which is where a pinyin query spent most of its time.
 */
export function personsByNameSql(
  alternatives: readonly QueryAlternative[],
  index: Pick<BlindIndex, 'entry'>,
  arg: (value: unknown) => string,
): string | null {
  if (alternatives.length === 0) return null;
  const table = viewName('case_name_tokens');
  /** The query's entries, one row each with the mask of its groups (an entry may stand in two). */
  const masked = (groups: readonly (readonly string[])[]): string => {
    const entries = arg(groups.flatMap((tokens) => tokens.map((token) => index.entry(token))));
    const group = arg(groups.flatMap((tokens, g) => tokens.map(() => g)));
    return `(SELECT u.entry, bit_or(1::bigint << u.grp) AS mask
               FROM unnest(${entries}::text[], ${group}::int[]) AS u(entry, grp) GROUP BY u.entry)`;
  };
  const everyGroup = (groups: number): string => arg(((1n << BigInt(groups)) - 1n).toString());
  // A person meets every group, with as many different entries as there are groups ("than" reads
  // both chen and ming: one word of a name must not stand for two of the query). The same test
  // as nameMatches (name-tokens.ts).
  const meets = (groups: number) =>
    `HAVING bit_or(q.mask) = ${everyGroup(groups)}::bigint AND count(*) >= ${arg(groups)}`;
  const union = alternatives
    .map((groups) => {
      // One group (a single word, "Lý"): any of its entries is a match. A plain DISTINCT also
      // lets the planner estimate how many persons come out, and so check erasure with one hash
      // instead of a probe per person: a surname alone finds thousands.
      if (groups.length === 1) {
        const entries = arg(groups[0].map((token) => index.entry(token)));
        return `SELECT DISTINCT n.case_id, n.person_id FROM ${table} n WHERE n.entry = ANY(${entries}::text[])`;
      }
      if (groups.length > MAX_MASKED_GROUPS) return countedSql(groups, table, index, arg);
      const distinctive = groups.filter((g) => !g.some((t) => COMMON_TOKENS.has(t)));
      if (distinctive.length === 0 || distinctive.length === groups.length) {
        return `SELECT n.case_id, n.person_id FROM ${table} n
                 JOIN ${masked(groups)} AS q ON q.entry = n.entry
                 GROUP BY n.case_id, n.person_id ${meets(groups.length)}`;
      }
      // The persons the distinctive groups find, then all of each one's entries against every group.
      return `SELECT n.case_id, n.person_id FROM (
                 SELECT c.person_id FROM ${table} c
                   JOIN ${masked(distinctive)} AS q ON q.entry = c.entry
                  GROUP BY c.person_id HAVING bit_or(q.mask) = ${everyGroup(distinctive.length)}::bigint
               ) AS found
               JOIN ${table} n ON n.person_id = found.person_id
               JOIN ${masked(groups)} AS q ON q.entry = n.entry
               GROUP BY n.case_id, n.person_id ${meets(groups.length)}`;
    })
    .map((found) => `(${found})`)
    .join(' UNION ');
  // Erasure is checked once per person found, not once per entry read.
  return `SELECT f.case_id, f.person_id FROM (${union}) AS f
           WHERE NOT EXISTS (SELECT 1 FROM subject_keys k WHERE k.subject_id = f.person_id::text AND k.shredded_at IS NOT NULL)`;
}

/** The same test by counting distinct groups and entries, for a query of more groups than a mask holds. */
function countedSql(
  groups: readonly (readonly string[])[],
  table: string,
  index: Pick<BlindIndex, 'entry'>,
  arg: (value: unknown) => string,
): string {
  const entries = arg(groups.flatMap((tokens) => tokens.map((token) => index.entry(token))));
  const group = arg(groups.flatMap((tokens, g) => tokens.map(() => g)));
  return `SELECT n.case_id, n.person_id FROM ${table} n
           JOIN unnest(${entries}::text[], ${group}::int[]) AS q(entry, grp) ON q.entry = n.entry
           GROUP BY n.case_id, n.person_id
          HAVING count(DISTINCT q.grp) = ${arg(groups.length)} AND count(DISTINCT n.entry) >= ${arg(groups.length)}`;
}
