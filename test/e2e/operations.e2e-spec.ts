import { startTestApp, type TestApp } from './support/test-app.js';

/** Every path of docs/api.md v1; the served OpenAPI document must describe all of them. */
const CONTRACT_PATHS: readonly [string, string][] = [
  ['post', '/api/v1/cases'],
  ['get', '/api/v1/cases/{id}'],
  ['get', '/api/v1/cases'],
  ['post', '/api/v1/cases/{id}/close'],
  ['post', '/api/v1/cases/{id}/reopen'],
  ['get', '/api/v1/cases/{id}/timeline'],
  ['get', '/api/v1/cases/{id}/history'],
  ['get', '/api/v1/cases/{id}/integrity'],
  ['post', '/api/v1/cases/{id}/persons'],
  ['get', '/api/v1/cases/{id}/possible-duplicates'],
  ['get', '/api/v1/persons/{id}'],
  ['post', '/api/v1/exchanges'],
  ['post', '/api/v1/exchanges/{id}/messages'],
  ['post', '/api/v1/exchanges/{id}/acknowledgements'],
  ['post', '/api/v1/exchanges/{id}/close'],
  ['get', '/api/v1/exchanges/{id}'],
  ['get', '/api/v1/exchanges/{id}/messages/{messageId}/possible-duplicates'],
  ['post', '/api/v1/verification-requests'],
  ['post', '/api/v1/verification-requests/{id}/extensions'],
  ['post', '/api/v1/verification-requests/{id}/answers'],
  ['post', '/api/v1/verification-requests/{id}/withdrawal'],
  ['get', '/api/v1/verification-requests/{id}'],
  ['post', '/api/v1/handovers'],
  ['post', '/api/v1/handovers/{id}/schedule'],
  ['post', '/api/v1/handovers/{id}/postponement'],
  ['post', '/api/v1/handovers/{id}/cancellation'],
  ['post', '/api/v1/handovers/{id}/confirmation'],
  ['post', '/api/v1/handovers/{id}/onward-transfers'],
  ['post', '/api/v1/handovers/{id}/close'],
  ['get', '/api/v1/handovers/{id}'],
  ['get', '/api/v1/deadlines'],
  ['get', '/api/v1/reports/statistics'],
  ['get', '/api/v1/reference/counterparts'],
  ['get', '/api/v1/reference/gates'],
  ['get', '/health'],
  ['get', '/metrics'],
];

describe('operations and the published contract', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp('pglite');
  }, 60_000);
  afterAll(async () => app.close());

  it('describes every contract path in the served OpenAPI document', async () => {
    const doc = await app.raw('/api/docs-json', {});
    expect(doc.status).toBe(200);
    const paths = doc.body.paths as Record<string, Record<string, unknown>>;
    const missing = CONTRACT_PATHS.filter(([method, path]) => !paths[path]?.[method]).map(
      ([m, p]) => `${m.toUpperCase()} ${p}`,
    );
    expect(missing).toEqual([]);
    expect((await app.raw('/api/docs', {})).headers.get('content-type')).toMatch(/text\/html/);
  });

  it('reports health with the head position, and metrics in Prometheus text without ids, to an administrator', async () => {
    // The case below is a Lào Cai one, so it is written by a Lào Cai officer.
    const officer = await app.as('liaison_officer', { province: 'lao-cai', unit: 'VN-LC-BLO' });
    // Both are for operators only (operational-surface.e2e-spec.ts covers who else gets what).
    const admin = { headers: { authorization: `Bearer ${await app.token('admin')}` } };
    const made = await officer.post('/cases', {
      channel: 'rescue',
      province: 'lao-cai',
      summary: 'Giải cứu tại Hà Khẩu',
      occurredAt: '2026-04-01T08:00:00+08:00',
    });
    const health = await app.raw('/health', admin);
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({
      status: 'up',
      eventStore: 'pglite',
      storeThread: 'main',
      headPosition: made.body.position,
    });
    await officer.get(`/cases/${made.body.id}`);
    const metrics = await app.raw('/metrics', admin);
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(metrics.body).toContain(`blo_event_store_head_position ${made.body.position}`);
    expect(metrics.body).toMatch(/blo_http_requests_total\{method="POST",route="\/api\/v1\/cases",status="201"\} \d+/);
    expect(metrics.body).not.toContain(made.body.id);
  });

  it('serves the register of gates and counterparts in three languages to any signed-in role', async () => {
    const guard = await app.as('border_guard');
    const gates = await guard.get('/reference/gates');
    expect(gates.status).toBe(200);
    expect(gates.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'HUU_NGHI', counterpartGate: expect.objectContaining({ zh: '友谊关' }) }),
      ]),
    );
    const units = await guard.get('/reference/counterparts');
    expect(units.body.map((u: { code: string }) => u.code)).toEqual(
      expect.arrayContaining(['CN-GX-PSD', 'CN-YN-PSD', 'CN-BIS-HEKOU']),
    );
    expect((await app.raw('/api/v1/reference/gates', {})).status).toBe(401);
  });

  it('answers an unknown route with a problem document', async () => {
    const officer = await app.as('liaison_officer');
    const r = await officer.get('/no-such-thing');
    expect(r.status).toBe(404);
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});
