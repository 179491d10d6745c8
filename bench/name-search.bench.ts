import { createSecretKey, randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import {
  BlindIndex,
  CaseNameIndexProjection,
  personsByNameSql,
  queryAlternatives,
  tokensOfName,
  viewName,
} from '#projections';
import {
  identity,
  seeded,
  written,
  type Identity,
  type Script,
} from '../libs/projections/src/case-search/name-pairs.spec-fixtures.js';
import {
  createBenchDatabase,
  envInt,
  fmtMs,
  formatTable,
  loadLine,
  log,
  machineLine,
  percentile,
  postgresSettings,
  postgresUnavailable,
  verdict,
  type BenchSection,
} from './bench-kit.js';

/**
 * `npm run bench -- names`: name search across scripts (issue 12) at BENCH_NAME_PERSONS persons
 * (default 100,000) on PostgreSQL. The index is filled with the blind entries the projection
 * would write for generated names (Vietnamese, characters, pinyin, with spelling variants); the
 * search is the query of the case list (personsByNameSql), tokenising and keying included. The
 * ceiling, measured in the same run: one raw probe of the same entries on the same index, with
 * no grouping by person and no check for erased persons. Goal: search p99 ≤ 50 ms.
 */
const GOAL_P99_MS = 50;
const SCRIPTS: readonly Script[] = ['vi', 'vi', 'vi', 'vi', 'han', 'pinyin'];

interface Kind {
  readonly name: string;
  readonly queries: readonly string[];
}

async function fill(pool: pg.Pool, index: BlindIndex, persons: number, rng: () => number): Promise<Identity[]> {
  const people: Identity[] = [];
  const batch = { entry: [] as string[], caseId: [] as string[], personId: [] as string[] };
  const flush = async (): Promise<void> => {
    await pool.query(
      `INSERT INTO ${viewName('case_name_tokens')} (entry, case_id, person_id)
       SELECT * FROM unnest($1::text[], $2::uuid[], $3::uuid[]) ON CONFLICT DO NOTHING`,
      [batch.entry, batch.caseId, batch.personId],
    );
    batch.entry = [];
    batch.caseId = [];
    batch.personId = [];
  };
  let caseId = randomUUID();
  for (let i = 0; i < persons; i++) {
    const id = identity(rng);
    people.push(id);
    const personId = randomUUID();
    if (rng() < 0.6) caseId = randomUUID(); // one to a few persons per case
    // A name as registered, and for a third of them a variant in another script beside it.
    const names = [written(id, 'vi', rng).text];
    if (rng() < 0.33) names.push(written(id, SCRIPTS[Math.floor(rng() * SCRIPTS.length)], rng).text);
    const tokens = new Set(names.flatMap((n) => tokensOfName(n)));
    for (const token of tokens) {
      batch.entry.push(index.entry(token));
      batch.caseId.push(caseId);
      batch.personId.push(personId);
    }
    if (batch.entry.length >= 50_000) await flush();
  }
  if (batch.entry.length > 0) await flush();
  return people;
}

async function timed(samples: number, op: (i: number) => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < Math.min(50, samples); i++) await op(i); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t0 = performance.now();
    await op(i);
    ms.push(performance.now() - t0);
  }
  return ms.sort((a, b) => a - b);
}

export const section: BenchSection = {
  name: 'names',
  summary: 'name search across scripts: p99 at 100,000 persons on PostgreSQL vs a raw probe of the same entries',
  order: 25,
  async run() {
    const persons = envInt('BENCH_NAME_PERSONS', 100_000, 1_000);
    const samples = envInt('BENCH_NAME_SAMPLES', 1_000, 10);
    log(machineLine());
    const unavailable = await postgresUnavailable();
    if (unavailable) {
      log(`PostgreSQL: ${unavailable}; section not run`);
      return;
    }
    log(`PostgreSQL: ${await postgresSettings()}`);
    const db = await createBenchDatabase();
    const pool = new pg.Pool({ connectionString: db.url, max: 2 });
    try {
      const index = BlindIndex.fromKey(createSecretKey(randomBytes(32)));
      // The projection's own tables (only its DDL is used here), and the key store's erasure marks.
      const ddl = new CaseNameIndexProjection({ decrypt: () => Promise.reject(new Error('unused')) }, index);
      for (const statement of ddl.createTables(viewName)) await pool.query(statement);
      await pool.query('CREATE TABLE subject_keys (subject_id text PRIMARY KEY, shredded_at timestamptz)');
      const rng = seeded(12);
      const t0 = performance.now();
      const people = await fill(pool, index, persons, rng);
      await pool.query(
        `INSERT INTO subject_keys (subject_id) SELECT DISTINCT person_id::text FROM ${viewName('case_name_tokens')}`,
      );
      await pool.query('VACUUM ANALYZE');
      const rows = (await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${viewName('case_name_tokens')}`))
        .rows[0].n;
      log(
        `${persons.toLocaleString('en-US')} persons, ${Number(rows).toLocaleString('en-US')} entries, filled in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
      );

      const someone = (): Identity => people[Math.floor(rng() * people.length)];
      const kinds: Kind[] = [
        {
          name: 'full name, any script',
          queries: Array.from(
            { length: samples },
            () => written(someone(), SCRIPTS[Math.floor(rng() * SCRIPTS.length)], rng).text,
          ),
        },
        { name: 'pinyin', queries: Array.from({ length: samples }, () => written(someone(), 'pinyin', rng).text) },
        { name: 'characters', queries: Array.from({ length: samples }, () => written(someone(), 'han', rng).text) },
        { name: 'surname only', queries: Array.from({ length: samples }, () => someone().surname[0]) },
      ];
      const table: string[][] = [
        [
          'query',
          'samples',
          'p50 ms',
          'p99 ms',
          'max ms',
          'raw p99 ms',
          'p99 / raw',
          'found (avg)',
          `p99 ≤ ${GOAL_P99_MS}`,
        ],
      ];
      for (const kind of kinds) {
        const found: number[] = [];
        const search = await timed(kind.queries.length, async (i) => {
          const params: unknown[] = [];
          const sql = personsByNameSql(queryAlternatives(kind.queries[i]), index, (v) => {
            params.push(v);
            return `$${params.length}`;
          });
          const r = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM (${sql}) AS found`, params);
          found[i] = Number(r.rows[0].n);
        });
        const raw = await timed(kind.queries.length, async (i) => {
          const entries = queryAlternatives(kind.queries[i])
            .flat(2)
            .map((t) => index.entry(t));
          await pool.query(`SELECT count(*) FROM ${viewName('case_name_tokens')} WHERE entry = ANY($1::text[])`, [
            entries,
          ]);
        });
        const p99 = percentile(search, 99);
        const rawP99 = percentile(raw, 99);
        table.push([
          kind.name,
          String(kind.queries.length),
          fmtMs(percentile(search, 50)),
          fmtMs(p99),
          fmtMs(search[search.length - 1]),
          fmtMs(rawP99),
          (p99 / rawP99).toFixed(2),
          (found.reduce((a, b) => a + b, 0) / found.length).toFixed(1),
          verdict(p99 <= GOAL_P99_MS),
        ]);
      }
      log(formatTable(table));
      log(loadLine());
    } finally {
      await pool.end();
      await db.drop();
    }
  },
};
