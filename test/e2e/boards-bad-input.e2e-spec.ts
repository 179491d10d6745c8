import { startTestApp, type Caller, type TestApp } from './support/test-app.js';
import { head } from './support/journey.js';

/** Bad queries to the boards are refused with a 4xx problem before any read model is touched. */
describe('boards: bad input (pglite)', () => {
  let app: TestApp;
  let supervisor: Caller;
  let auditor: Caller;

  beforeAll(async () => {
    app = await startTestApp('pglite');
    supervisor = await app.as('supervisor');
    auditor = await app.as('auditor');
  }, 60_000);
  afterAll(async () => app.close());

  const cases: [string, () => Promise<{ status: number; body: any }>, number, string | null, string | null][] = [
    [
      'an unknown deadline filter',
      () => supervisor.get('/deadlines?priority=high'),
      400,
      'REQUEST.INVALID',
      'priority',
    ],
    [
      'a province that is not a border province',
      () => supervisor.get('/deadlines?province=ha-noi'),
      400,
      'REQUEST.INVALID',
      'province',
    ],
    [
      'a window that is not a duration',
      () => supervisor.get('/deadlines?within=2days'),
      400,
      'REQUEST.INVALID',
      'within',
    ],
    ['a window in months', () => supervisor.get('/deadlines?within=P1M'), 400, 'REQUEST.INVALID', 'within'],
    ['a zero window', () => supervisor.get('/deadlines?within=PT0S'), 400, 'REQUEST.INVALID', 'within'],
    ['a window beyond the maximum', () => supervisor.get('/deadlines?within=P400D'), 400, 'REQUEST.INVALID', 'within'],
    [
      'a non-numeric minPosition',
      () => supervisor.get('/deadlines?minPosition=abc'),
      400,
      'REQUEST.INVALID',
      'minPosition',
    ],
    ['a board limit of 1000', () => supervisor.get('/deadlines?limit=1000'), 400, 'REQUEST.INVALID', 'limit'],
    ['statistics without a period', () => supervisor.get('/reports/statistics'), 400, 'REQUEST.INVALID', 'period'],
    ['a fifth quarter', () => supervisor.get('/reports/statistics?period=2026-Q5'), 400, 'REQUEST.INVALID', 'period'],
    ['a month as period', () => supervisor.get('/reports/statistics?period=2026-03'), 400, 'REQUEST.INVALID', 'period'],
    ['a year out of range', () => supervisor.get('/reports/statistics?period=1999'), 400, 'REQUEST.INVALID', 'period'],
    [
      'an unknown format',
      () => supervisor.get('/reports/statistics?period=2026&format=pdf'),
      400,
      'REQUEST.INVALID',
      'format',
    ],
    [
      'an unknown statistics field',
      () => supervisor.get('/reports/statistics?period=2026&raw=true'),
      400,
      'REQUEST.INVALID',
      'raw',
    ],
    [
      'an audit time without offset',
      () => auditor.get('/audit?from=2026-03-01T00:00:00'),
      400,
      'REQUEST.INVALID',
      'from',
    ],
    ['a forged audit cursor', () => auditor.get('/audit?cursor=bm90LWEtY3Vyc29y'), 400, 'REQUEST.INVALID', 'cursor'],
    ['an audit page of 1000', () => auditor.get('/audit?limit=1000'), 400, 'REQUEST.INVALID', 'limit'],
    ['an audit page of zero', () => auditor.get('/audit?limit=0'), 400, 'REQUEST.INVALID', 'limit'],
    ['a supervisor reading the audit log', () => supervisor.get('/audit'), 403, null, null],
    ['an officer reading the audit log', async () => (await app.as('liaison_officer')).get('/audit'), 403, null, null],
    ['no token', () => app.raw('/api/v1/deadlines', {}), 401, null, null],
  ];

  it.each(cases)('refuses %s', async (_label, call, status, code, field) => {
    const before = await head(app);
    const r = await call();
    expect(r.status).toBe(status);
    expect(r.body).toMatchObject({ status });
    if (code) expect(r.body.code).toBe(code);
    if (field) expect(r.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await head(app)).toBe(before);
  });
});
