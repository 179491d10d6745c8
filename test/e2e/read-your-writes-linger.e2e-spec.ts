import { describeEachStore, startTestApp, type Caller, type TestApp } from './support/test-app.js';
import { openCase } from './support/journey.js';

/**
 * The live projection loop holds small batches back for PROJECTION_LINGER_MS to apply many
 * writes in one transaction; a read that asks for its own write must not pay that wait. Here
 * the linger is a minute and the read allows itself two seconds (Prefer: wait=2): it can only
 * succeed if waiting for the position releases the held batch at once.
 */
describeEachStore('read-your-writes with a long projection linger', (kind) => {
  let app: TestApp;
  let officer: Caller;

  beforeAll(async () => {
    app = await startTestApp(kind, { PROJECTION_LINGER_MS: '60000' });
    officer = await app.as('liaison_officer');
  }, 60_000);
  afterAll(async () => app?.close());

  it('a read with the write position sees the write at once', async () => {
    const caseId = await openCase(officer);
    const classified = await officer.post(`/cases/${caseId}/classification`, {
      classification: 'trafficking_suspected',
    });
    expect(classified.status).toBe(200);
    const timeline = await officer.get(`/cases/${caseId}/timeline`, {
      'x-min-position': classified.body.position,
      prefer: 'wait=2',
    });
    expect(timeline.status).toBe(200);
    expect(timeline.body.entries.map((e: { type: string }) => e.type)).toEqual(['ReportReceived', 'CaseClassified']);
  }, 60_000);
});
