import fc from 'fast-check';
import type { Role } from '#shared-kernel';
import { LANG_SON, LAO_CAI, headOf, recordsOf, type ProvinceRecords } from './support/access-fixtures.js';
import { operationsOf, resolverOf, type Operation } from './support/openapi-operations.js';
import { kindOfPathParameter, requestsFor, type Pools, type RequestPlan } from './support/request-arbitraries.js';
import { describeWhen, postgresUnavailable } from '#testing';
import { startTestApp, type StoreKind, type TestApp } from './support/test-app.js';

/**
 * Fuzzes every operation the service documents (its own OpenAPI document) with generated paths,
 * query strings, headers and bodies, and holds two rules on every answer: never a 5xx, and a
 * refusal (4xx) leaves the log's head where it was. Reads of personal data append their audit
 * event on success, so only refusals are held to "wrote nothing".
 *
 * `npm test` runs a few requests per operation. The full run (docs/input-hardening.md):
 *   FUZZ_RUNS=10000 npm run jest -- input-fuzz
 * FUZZ_SEED replays a run, FUZZ_SECONDS bounds it, FUZZ_STORE=postgres runs it on PostgreSQL.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 240);
const FULL = process.env.FUZZ_RUNS !== undefined;
const SEED = Number(process.env.FUZZ_SEED ?? 20_260_806);
const SECONDS = Number(process.env.FUZZ_SECONDS ?? (FULL ? 1_800 : 40));
const STORE = (process.env.FUZZ_STORE ?? 'pglite') as StoreKind;

/** A failed sign-in is recorded for auditors by design (ADR 0007): the one refusal that writes. */
const REFUSALS_THAT_WRITE = new Set(['POST /api/v1/session']);

/** Who may do the act: the first of these the route does not answer 403 AUTH.FORBIDDEN. */
const ROLES: readonly Role[] = ['supervisor', 'admin', 'auditor', 'border_guard'];

describeWhen(STORE === 'postgres' ? postgresUnavailable() : null, `input fuzz (${STORE})`, () => {
  let app: TestApp;
  let pools: Pools;

  beforeAll(async () => {
    app = await startTestApp(STORE);
    const here = await recordsOf(app, LANG_SON);
    const there = await recordsOf(app, LAO_CAI);
    const admin = await app.as('admin');
    const user = await admin.post('/users', {
      username: 'fuzz.target',
      name: 'Đối tượng thử',
      roles: ['liaison_officer'],
      unit: 'VN-LS-BLO',
      province: 'lang-son',
      password: 'một mật khẩu đủ dài 2026',
    });
    if (user.status !== 201) throw new Error(`seed user: ${user.status} ${JSON.stringify(user.body)}`);
    const { projections } = (await admin.get('/admin/projections')).body as { projections: { name: string }[] };
    const kinds = {
      cases: (r: ProvinceRecords) => [r.caseId],
      persons: (r: ProvinceRecords) => [r.personId],
      exchanges: (r: ProvinceRecords) => [r.exchangeId],
      messages: (r: ProvinceRecords) => [r.messageId, r.draftId],
      verifications: (r: ProvinceRecords) => [r.verificationId],
      handovers: (r: ProvinceRecords) => [r.handoverId],
    };
    const byKind: Record<string, string[]> = Object.fromEntries(
      Object.entries(kinds).map(([kind, of]) => [kind, [here, there].flatMap(of)]),
    );
    pools = {
      ids: Object.values(byKind).flat(),
      byKind: { ...byKind, users: ['fuzz.target'], projections: projections.map((p) => p.name) },
      preferred: { province: [LANG_SON.province], gate: [LANG_SON.gate], counterpart: [LANG_SON.counterpart] },
    };
  }, 120_000);
  afterAll(async () => app?.close());

  it(
    `answers ${RUNS} generated requests over every documented operation without a 5xx, refusals writing nothing`,
    async () => {
      const live = app;
      const doc = (await live.raw('/api/docs-json', {})).body;
      const operations = operationsOf(doc);
      const resolve = resolverOf(doc);
      const perOperation = Math.max(1, Math.ceil(RUNS / operations.length));
      const deadline = Date.now() + SECONDS * 1000;
      const statuses = new Map<number, number>();
      let sent = 0;

      /** Sends one request, holds the two rules, and answers its status and problem code. */
      const send = async (op: Operation, plan: RequestPlan): Promise<{ status: number; code?: string }> => {
        const before = await headOf(live);
        const res = await fetch(`${live.url}${plan.target}`, {
          method: plan.method,
          headers: plan.headers,
          body: plan.body as RequestInit['body'],
          signal: AbortSignal.timeout(30_000),
        });
        const text = await res.text();
        const after = await headOf(live);
        sent++;
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        const what = `${res.status} to ${plan.method} ${plan.target.slice(0, 300)}: ${text.slice(0, 300)}`;
        if (res.status >= 500) throw new Error(`server error ${what}`);
        if (res.status < 400) return { status: res.status };
        if (!/^application\/problem\+json/.test(res.headers.get('content-type') ?? '')) {
          throw new Error(`refusal not problem+json: ${what}`);
        }
        if (after !== before && !REFUSALS_THAT_WRITE.has(`${op.method} ${op.template}`)) {
          throw new Error(`refusal wrote ${after - before} event(s): ${what}`);
        }
        return { status: res.status, code: (JSON.parse(text) as { code?: string }).code };
      };

      const bearerFor = async (op: Operation): Promise<string> => {
        const target = op.pathParameters.reduce(
          (p, name) => p.replace(`{${name}}`, (pools.byKind[kindOfPathParameter(op.template, name)] ?? pools.ids)[0]),
          op.template,
        );
        for (const role of ROLES) {
          const authorization = `Bearer ${await live.token(role)}`;
          const hasBody = op.method !== 'GET' && op.method !== 'DELETE';
          const probe: RequestPlan = {
            method: op.method,
            target,
            headers: { authorization, ...(hasBody ? { 'content-type': 'application/json' } : {}) },
            ...(hasBody ? { body: '{}' } : {}),
          };
          if ((await send(op, probe)).code !== 'AUTH.FORBIDDEN') return authorization;
        }
        return `Bearer ${await live.token('supervisor')}`;
      };

      const started = Date.now();
      for (const [index, op] of operations.entries()) {
        const authorization = await bearerFor(op);
        const remaining = Math.max(1, deadline - Date.now());
        await fc.assert(
          fc.asyncProperty(requestsFor(op, resolve, pools, authorization), async (plan) => {
            await send(op, plan);
          }),
          {
            numRuns: perOperation,
            seed: SEED + index,
            interruptAfterTimeLimit: Math.ceil(remaining / (operations.length - index)),
            markInterruptAsFailure: FULL,
          },
        );
      }
      const summary = [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
      console.log(
        `input fuzz on ${STORE}: ${sent} requests over ${operations.length} operations in ` +
          `${((Date.now() - started) / 1000).toFixed(1)} s, seed ${SEED}: ${summary.join(' ')}`,
      );
      if (FULL) expect(sent).toBeGreaterThanOrEqual(RUNS);
    },
    (SECONDS + 120) * 1000,
  );
});
