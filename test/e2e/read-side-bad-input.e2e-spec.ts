import { startTestApp, type Caller, type TestApp } from './support/test-app.js';
import { head, openCase } from './support/journey.js';

/** Every malformed read is the client's mistake (400/401/403/404), never a 500, and writes nothing. */
describe('read side: bad input (pglite)', () => {
  let app: TestApp;
  let officer: Caller;
  let auditor: Caller;
  let caseId: string;

  beforeAll(async () => {
    app = await startTestApp('pglite');
    officer = await app.as('liaison_officer');
    auditor = await app.as('auditor');
    caseId = await openCase(officer);
  }, 60_000);
  afterAll(async () => app.close());

  it.each([
    ['limit 0', '/cases?limit=0', 'limit'],
    ['limit above 200', '/cases?limit=201', 'limit'],
    ['limit not a number', '/cases?limit=ten', 'limit'],
    ['unknown status', '/cases?status=lost', 'status'],
    ['unknown province', '/cases?province=ha-noi', 'province'],
    ['unknown query field', '/cases?sort=asc', 'sort'],
    ['cursor with foreign characters', '/cases?cursor=%21%21', 'cursor'],
    ['cursor the service never issued', '/cases?cursor=abc', 'cursor'],
    ['q with a control character', '/cases?q=a%00b', 'q'],
    ['q of 201 characters', `/cases?q=${'a'.repeat(201)}`, 'q'],
    ['minPosition not a number', '/cases?minPosition=-1', 'minPosition'],
    ['history without asOf', '/cases/{id}/history', 'asOf'],
    ['history asOf without offset', '/cases/{id}/history?asOf=2026-03-05T09:00:00', 'asOf'],
    ['history asOf not a date', '/cases/{id}/history?asOf=yesterday', 'asOf'],
    [
      'history purpose of 201 characters',
      `/cases/{id}/history?asOf=2026-03-05T09:00:00Z&purpose=${'p'.repeat(201)}`,
      'purpose',
    ],
    ['timeline id not a UUID', '/cases/123/timeline', 'id'],
    ['timeline unknown query field', '/cases/{id}/timeline?from=1', 'from'],
  ])('%s → 400 naming the field', async (_name, path, field) => {
    const before = await head(app);
    const r = await officer.get(path.replace('{id}', caseId));
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect(r.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await head(app)).toBe(before);
  });

  it('answers 401 without a token and 403 to roles that may not operate the read models', async () => {
    expect((await app.raw('/api/v1/cases', {})).status).toBe(401);
    expect((await app.raw(`/api/v1/cases/${caseId}/timeline`, {})).status).toBe(401);
    expect((await auditor.get('/admin/projections')).status).toBe(403);
    expect((await auditor.post('/admin/projections/case_list/rebuild', {})).status).toBe(403);
  });
});
