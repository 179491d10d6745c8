import { ACCESS, ACTS, type Act } from '#security';
import { describeEachStore, startTestApp, type Answer, type TestApp } from './support/test-app.js';
import {
  CALLERS,
  LANG_SON,
  LAO_CAI,
  headOf,
  recordsOf,
  type MatrixCaller,
  type ProvinceRecords,
} from './support/access-fixtures.js';
import { PROBE_ACCOUNT, PROBES } from './support/access-probes.js';
import { declaredRoutes, type DeclaredRoute } from './support/route-policies.js';
import type { RouteTarget } from '../../apps/api/src/http/auth.guard.js';

/**
 * The need-to-know table (libs/security access.policy.ts), walked cell by cell over HTTP: every
 * declared route × every role (of Lạng Sơn, of another Lạng Sơn gate, and national) × a record of
 * the caller's own province and one of Lào Cai. The expected answer is derived here from the
 * table's cells, independently of the guard's code; a refusal must also write nothing.
 */

type Expected =
  { readonly admitted: true } | { readonly admitted: false; readonly status: number; readonly code: string };

const NOT_FOUND_CODE: Record<string, string> = {
  case: 'CASE.NOT_FOUND',
  person: 'PERSON.NOT_FOUND',
  exchange: 'EXCHANGE.NOT_FOUND',
  verification: 'VERIFICATION.NOT_FOUND',
  handover: 'HANDOVER.NOT_FOUND',
  meeting: 'MEETING.NOT_FOUND',
  event: 'EVENT.NOT_FOUND',
};

/** As if the record did not exist: 404 for a record in the path or query, 422 for a case named in the body. */
function absent(target: RouteTarget): Expected {
  if (target.kind === 'province') return { admitted: false, status: 403, code: 'AUTH.OUT_OF_SCOPE' };
  return { admitted: false, status: target.from === 'body' ? 422 : 404, code: NOT_FOUND_CODE[target.kind] };
}

function expected(caller: MatrixCaller, act: Act, target: RouteTarget | undefined, records: ProvinceRecords): Expected {
  const rule = ACCESS[act];
  const scope = (rule.roles as Record<string, string | undefined>)[caller.role];
  if (scope === undefined) return { admitted: false, status: 403, code: 'AUTH.FORBIDDEN' };
  if (scope === 'global') return { admitted: true };
  // A national unit reads every province and writes in none, whether or not the route names a
  // record (a report's id names its province, which the controller checks).
  if (scope === 'province' && caller.province === '*')
    return rule.kind === 'read'
      ? { admitted: true }
      : { admitted: false, status: 403, code: 'AUTH.NATIONAL_READ_ONLY' };
  if (target === undefined) return { admitted: true };
  if (scope === 'province') return records.province === caller.province ? { admitted: true } : absent(target);
  // Gates: the handover at the guard's gate, and the person in it.
  return caller.gates.includes(records.gate) ? { admitted: true } : absent(target);
}

/** What an admitted request may still answer: anything but a refusal of who, or of which record. */
function isRefusal(answer: Answer, target: RouteTarget | undefined): boolean {
  if (answer.status === 401 || answer.status === 403) return true;
  const code = (answer.body as { code?: string } | null)?.code;
  return target !== undefined && target.kind !== 'province' && code === NOT_FOUND_CODE[target.kind];
}

// Reads first: writes that are admitted change the records (a case closed, a person erased),
// which changes what later writes answer but never whether they are admitted.
const ROUTE_KEYS = Object.keys(PROBES).sort(
  (a, b) => Number(!a.startsWith('GET')) - Number(!b.startsWith('GET')) || a.localeCompare(b),
);

/** Routes anyone may call without signing in; a new one must be added here on purpose. */
const PUBLIC_ROUTES = ['GET /health', 'POST /api/v1/session'];

describeEachStore('need-to-know matrix over HTTP', (kind) => {
  let app: TestApp;
  let routes: Map<string, DeclaredRoute>;
  let own: ProvinceRecords;
  let other: ProvinceRecords;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    app = await startTestApp(kind);
    routes = new Map(declaredRoutes(app.app).map((r) => [r.key, r]));
    const admin = await app.as('admin', { sub: 'matrix.admin' });
    const account = await admin.post('/users', PROBE_ACCOUNT);
    if (account.status !== 201) throw new Error(`probe account: ${account.status} ${JSON.stringify(account.body)}`);
    own = await recordsOf(app, LANG_SON);
    other = await recordsOf(app, LAO_CAI);
    // The proof probes need a signed checkpoint that covers both provinces' records.
    const sealed = await admin.post('/integrity/checkpoints', {});
    if (sealed.status !== 201) throw new Error(`checkpoint: ${sealed.status} ${JSON.stringify(sealed.body)}`);
    for (const c of CALLERS) {
      tokens.set(
        c.name,
        await app.token(c.role, {
          sub: `${c.role}.${c.name.replace(/\W+/g, '-')}`,
          province: c.province,
          unit: c.province === '*' ? 'VN-BCA-C02' : 'VN-LS-BLO',
          ...(c.gates.length > 0 ? { gates: c.gates } : {}),
        }),
      );
    }
  }, 120_000);
  afterAll(async () => app?.close());

  it('has a probe for every declared route and a route for every act of the table', () => {
    expect([...routes.values()].filter((r) => r.isPublic).map((r) => r.key)).toEqual(PUBLIC_ROUTES);
    const guarded = [...routes.values()].filter((r) => !r.isPublic).map((r) => r.key);
    expect(guarded.filter((k) => !(k in PROBES))).toEqual([]);
    expect(Object.keys(PROBES).filter((k) => !routes.has(k))).toEqual([]);
    const reached = new Set([...routes.values()].map((r) => r.policy?.act).filter(Boolean));
    expect(ACTS.filter((act) => !reached.has(act))).toEqual([]);
    // Every guarded route declares an act (deny by default would refuse it, but the table must say).
    expect([...routes.values()].filter((r) => !r.isPublic && !r.policy).map((r) => r.key)).toEqual([]);
  });

  it.each(ROUTE_KEYS)('%s: every role, own and other province', async (key) => {
    const route = routes.get(key);
    if (!route?.policy) throw new Error(`${key} is not a guarded route of the application`);
    const { act, target } = route.policy;
    const probe = PROBES[key];
    const method = key.split(' ')[0];
    const failures: string[] = [];
    for (const caller of CALLERS) {
      for (const records of target ? [own, other] : [own]) {
        const want = expected(caller, act, target, records);
        const before = await headOf(app);
        const path = probe.absolute ? probe.path(records) : `/api/v1${probe.path(records)}`;
        const answer = await app.raw(path, {
          method,
          headers: {
            authorization: `Bearer ${tokens.get(caller.name)}`,
            ...(probe.body ? { 'content-type': 'application/json' } : {}),
          },
          ...(probe.body ? { body: JSON.stringify(probe.body(records)) } : {}),
        });
        const cell = `${caller.name} on ${records.province}`;
        const code = (answer.body as { code?: string } | null)?.code;
        if (answer.status >= 500) failures.push(`${cell}: ${answer.status} ${code}`);
        else if (want.admitted && isRefusal(answer, target)) failures.push(`${cell}: refused ${answer.status} ${code}`);
        else if (!want.admitted) {
          if (answer.status !== want.status || code !== want.code)
            failures.push(`${cell}: expected ${want.status} ${want.code}, got ${answer.status} ${code}`);
          else if ((await headOf(app)) !== before) failures.push(`${cell}: refused but something was written`);
        } else if (method === 'GET' && answer.status !== 200)
          failures.push(`${cell}: read answered ${answer.status} ${code}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
