import { viewName } from '../projection.js';
import type { BlindIndex } from './blind-index.js';
import type { QueryAlternative } from './name-tokens.js';

/**
 * Tokens most names have (the middle names Thị and Văn, and their pinyin). A group holding one
 * is read last, only for the persons the other groups found: read first it would pull in half
 * the index.
 */
const COMMON_TOKENS = new Set(['w:thi', 'w:van', 'w:shi', 'w:wen']);

/**
 * SQL selecting (case_id, person_id) of the persons a name query finds: for each alternative,
 * the persons whose entries meet every group (a group by any of its entries), persons shredded
 * since they were indexed left out; the alternatives are a UNION. The distinctive groups are
 * probes on case_name_tokens' primary key (which covers case_id, so only the index is read),
 * counted per person; when some groups hold a common token, the persons the other groups find
 * are then read whole on the (person_id, entry) index and tested against every group. `arg` binds a parameter and returns its placeholder, so the text can
 * sit inside a larger query (case-list.queries.ts). Null when the query has no alternative.
 */
export function personsByNameSql(
  alternatives: readonly QueryAlternative[],
  index: Pick<BlindIndex, 'entry'>,
  arg: (value: unknown) => string,
): string | null {
  if (alternatives.length === 0) return null;
  const table = viewName('case_name_tokens');
  const bind = (groups: readonly (readonly string[])[]): { entries: string; group: string } => ({
    entries: arg(groups.flatMap((tokens) => tokens.map((token) => index.entry(token)))),
    group: arg(groups.flatMap((tokens, g) => tokens.map(() => g))),
  });
  // A person counts once for each group any of their entries meets, and needs as many different
  // entries as there are groups ("than" reads both chen and ming: one word of a name must not
  // stand for two of the query). The same test as nameMatches (name-tokens.ts).
  const meets = (groups: number) =>
    `HAVING count(DISTINCT q.grp) = ${arg(groups)} AND count(DISTINCT n.entry) >= ${arg(groups)}`;
  const union = alternatives
    .map((groups) => {
      const all = bind(groups);
      const distinctive = groups.filter((g) => !g.some((t) => COMMON_TOKENS.has(t)));
      if (distinctive.length === 0 || distinctive.length === groups.length) {
        return `SELECT n.case_id, n.person_id FROM ${table} n
                 JOIN unnest(${all.entries}::text[], ${all.group}::int[]) AS q(entry, grp) ON q.entry = n.entry
                 GROUP BY n.case_id, n.person_id ${meets(groups.length)}`;
      }
      // The persons the distinctive groups find, then all of each one's entries against every group.
      const first = bind(distinctive);
      return `SELECT n.case_id, n.person_id FROM (
                 SELECT c.person_id FROM ${table} c
                   JOIN unnest(${first.entries}::text[], ${first.group}::int[]) AS q(entry, grp) ON q.entry = c.entry
                  GROUP BY c.person_id HAVING count(DISTINCT q.grp) = ${arg(distinctive.length)}
               ) AS found
               JOIN ${table} n ON n.person_id = found.person_id
               JOIN unnest(${all.entries}::text[], ${all.group}::int[]) AS q(entry, grp) ON q.entry = n.entry
               GROUP BY n.case_id, n.person_id ${meets(groups.length)}`;
    })
    .map((found) => `(${found})`)
    .join(' UNION ');
  // Erasure is checked once per person found, not once per entry read.
  return `SELECT f.case_id, f.person_id FROM (${union}) AS f
           WHERE NOT EXISTS (SELECT 1 FROM subject_keys k WHERE k.subject_id = f.person_id::text AND k.shredded_at IS NOT NULL)`;
}
