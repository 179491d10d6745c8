import { nameMatches, queryAlternatives, tokensOfName } from './name-tokens.js';
import { namePairs, type NamePair } from './name-pairs.spec-fixtures.js';

/**
 * How well names are matched across scripts, measured on generated pairs (name-pairs.spec-fixtures.ts:
 * Vietnamese, characters and pinyin, with the spelling that varies, and different people with
 * near names mixed in). Pure functions: the index query makes the same test on blind entries.
 * The goal of issue 12: recall ≥ 0.95 at precision ≥ 0.9. Figures recorded in docs/performance.md.
 */
const PAIRS = 6_000;

interface Score {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

function score(pairs: readonly NamePair[]): { total: Score; misses: Map<string, number>; false: Map<string, number> } {
  const total: Score = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const misses = new Map<string, number>();
  const wrong = new Map<string, number>();
  for (const p of pairs) {
    const found = nameMatches(queryAlternatives(p.query), new Set(tokensOfName(p.record)));
    if (p.same && found) total.tp++;
    else if (p.same) {
      total.fn++;
      misses.set(p.kind, (misses.get(p.kind) ?? 0) + 1);
    } else if (found) {
      total.fp++;
      wrong.set(p.kind, (wrong.get(p.kind) ?? 0) + 1);
    } else total.tn++;
  }
  return { total, misses, false: wrong };
}

describe('matching names across scripts (measured)', () => {
  const pairs = namePairs(PAIRS, 20261207);
  const { total, misses, false: wrong } = score(pairs);
  const precision = total.tp / (total.tp + total.fp);
  const recall = total.tp / (total.tp + total.fn);

  afterAll(() => {
    const top = (m: Map<string, number>) =>
      [...m]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 6)
        .map(([k, n]) => `${k}: ${n}`)
        .join('; ');
    console.log(
      `name matching on ${pairs.length} pairs: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} ` +
        `(tp ${total.tp}, fp ${total.fp}, fn ${total.fn}, tn ${total.tn})\n  misses: ${top(misses)}\n  false: ${top(wrong)}`,
    );
  });

  it('is tried on at least 5,000 pairs, half of them the same person', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(5_000);
    expect(pairs.filter((p) => p.same).length).toBe(pairs.length / 2);
    expect(new Set(pairs.map((p) => p.kind)).size).toBeGreaterThan(20);
  });

  it('finds the same person across scripts and spellings: recall ≥ 0.95', () => {
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });

  it('rarely takes a different person for them: precision ≥ 0.9', () => {
    expect(precision).toBeGreaterThanOrEqual(0.9);
  });
});
