import { startTestApp, type Caller, type TestApp } from './support/test-app.js';
import { head, openCase } from './support/journey.js';
import { newVerification, requestVerification } from './support/exchange-fixtures.js';

/** Malformed verification requests get a 400 naming the field, and leave the log as it was. */
describe('verification requests: bad input (pglite)', () => {
  let app: TestApp;
  let officer: Caller;
  let caseId: string;
  let id: string;

  beforeAll(async () => {
    app = await startTestApp('pglite');
    officer = await app.as('liaison_officer');
    caseId = await openCase(officer);
    id = await requestVerification(officer, caseId);
  }, 60_000);
  afterAll(async () => app.close());

  const request = (overrides: object) => () =>
    officer.post('/verification-requests', newVerification(caseId, overrides));

  const cases: [string, () => Promise<{ status: number; body: any }>, number, string, string | null][] = [
    ['an unknown field', request({ victimName: 'x' }), 400, 'REQUEST.INVALID', 'victimName'],
    ['a wrong type', request({ questions: ['a'] }), 400, 'REQUEST.INVALID', 'questions'],
    ['a due time that is no time', request({ dueAt: 'next week' }), 400, 'REQUEST.INVALID', 'dueAt'],
    ['an unknown priority', request({ priority: 'asap' }), 400, 'REQUEST.INVALID', 'priority'],
    ['a time without an offset', request({ occurredAt: '2026-03-05T09:00' }), 400, 'REQUEST.INVALID', 'occurredAt'],
    ['an unknown subject', request({ subject: 'shoe_size' }), 400, 'REQUEST.INVALID', 'subject'],
    ['an unknown direction', request({ direction: 'both' }), 400, 'REQUEST.INVALID', 'direction'],
    ['a case id that is not a UUID', request({ caseId: 'case-1' }), 400, 'REQUEST.INVALID', 'caseId'],
    ['a person id that is not a UUID', request({ personId: 12 }), 400, 'REQUEST.INVALID', 'personId'],
    ['a malformed counterpart code', request({ counterpart: '云南' }), 400, 'REQUEST.INVALID', 'counterpart'],
    ['blank questions', request({ questions: ' ' }), 400, 'REQUEST.INVALID', 'questions'],
    [
      'an unknown result',
      () =>
        officer.post(`/verification-requests/${id}/answers`, {
          result: 'maybe',
          details: 'x',
          answeredAt: '2026-03-06T09:00:00+07:00',
        }),
      400,
      'REQUEST.INVALID',
      'result',
    ],
    [
      'an extension without a reason',
      () => officer.post(`/verification-requests/${id}/extensions`, { newDueAt: '2099-12-01T09:00:00+07:00' }),
      400,
      'REQUEST.INVALID',
      'reason',
    ],
    [
      'a path id that is not a UUID',
      () => officer.post('/verification-requests/42/withdrawal', { reason: 'x' }),
      400,
      'REQUEST.INVALID_ID',
      'id',
    ],
  ];

  it.each(cases)('answers %s with %i and writes nothing', async (_label, send, status, code, field) => {
    const before = await head(app);
    const r = await send();
    expect(r.status).toBe(status);
    expect(r.body).toMatchObject({ status, code });
    if (field) expect(r.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await head(app)).toBe(before);
  });
});
