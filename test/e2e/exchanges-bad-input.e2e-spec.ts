import { startTestApp, type Caller, type TestApp } from './support/test-app.js';
import { head, openCase } from './support/journey.js';
import { firstMessage, newExchange, openExchange } from './support/exchange-fixtures.js';

/** Malformed exchange requests get a 400 naming the field, and leave the log as it was. */
describe('exchanges: bad input (pglite)', () => {
  let app: TestApp;
  let officer: Caller;
  let caseId: string;
  let exchangeId: string;

  beforeAll(async () => {
    app = await startTestApp('pglite');
    officer = await app.as('liaison_officer');
    caseId = await openCase(officer);
    exchangeId = (await openExchange(officer, [caseId])).id;
  }, 60_000);
  afterAll(async () => app.close());

  const create = (overrides: object) => () => officer.post('/exchanges', newExchange([caseId], overrides));
  const message = (overrides: object) => () =>
    officer.post(`/exchanges/${exchangeId}/messages`, { ...firstMessage, ...overrides });

  const cases: [string, () => Promise<{ status: number; body: any }>, number, string, string | null][] = [
    ['an unknown field', create({ victimName: 'x' }), 400, 'REQUEST.INVALID', 'victimName'],
    ['a wrong type', create({ body: 42 }), 400, 'REQUEST.INVALID', 'body'],
    ['a missing subject', create({ subject: undefined }), 400, 'REQUEST.INVALID', 'subject'],
    ['a blank body', create({ body: '   ' }), 400, 'REQUEST.INVALID', 'body'],
    ['no cases', create({ caseIds: [] }), 400, 'REQUEST.INVALID', 'caseIds'],
    ['a case id that is not a UUID', create({ caseIds: ['case-1'] }), 400, 'REQUEST.INVALID', 'caseIds'],
    ['a time without an offset', create({ occurredAt: '2026-03-05T09:00:00' }), 400, 'REQUEST.INVALID', 'occurredAt'],
    [
      'an impossible due time',
      create({ responseDueAt: '2026-02-30T09:00:00+07:00' }),
      400,
      'REQUEST.INVALID',
      'responseDueAt',
    ],
    ['an unknown channel', create({ channel: 'carrier_pigeon' }), 400, 'REQUEST.INVALID', 'channel'],
    ['an unknown language', create({ language: 'fr' }), 400, 'REQUEST.INVALID', 'language'],
    ['an unknown handling code', create({ handlingCode: 'H9' }), 400, 'REQUEST.INVALID', 'handlingCode'],
    ['an unknown direction', create({ direction: 'sideways' }), 400, 'REQUEST.INVALID', 'direction'],
    ['a malformed counterpart code', create({ counterpart: 'cn gx' }), 400, 'REQUEST.INVALID', 'counterpart'],
    [
      'an attachment without a SHA-256',
      create({ attachments: [{ name: 'a.pdf', sha256: 'xyz' }] }),
      400,
      'REQUEST.INVALID',
      'attachments.0.sha256',
    ],
    [
      'an evaluation off the grid',
      create({ evaluation: { source: 'E', information: 9 } }),
      400,
      'REQUEST.INVALID',
      'evaluation.source',
    ],
    [
      'an unknown consent kind',
      create({ personalData: { legalBasis: 'x', consent: 'maybe' } }),
      400,
      'REQUEST.INVALID',
      'personalData.consent',
    ],
    ['a draft flag that is not a boolean', message({ draft: 'yes' }), 400, 'REQUEST.INVALID', 'draft'],
    ['a reply to an id that is not a UUID', message({ inReplyTo: 'msg-1' }), 400, 'REQUEST.INVALID', 'inReplyTo'],
    ['thread fields on a later message', message({ channel: 'hotline' }), 400, 'REQUEST.INVALID', 'channel'],
    [
      'a path id that is not a UUID',
      () => officer.post('/exchanges/nope/messages', firstMessage),
      400,
      'REQUEST.INVALID_ID',
      'id',
    ],
    [
      'an acknowledgement time without an offset',
      () => officer.post(`/exchanges/${exchangeId}/acknowledgements`, { at: '2026-03-06 10:00' }),
      400,
      'REQUEST.INVALID',
      'at',
    ],
    [
      'an acknowledged message id that is not a UUID',
      () =>
        officer.post(`/exchanges/${exchangeId}/acknowledgements`, { at: '2026-03-06T10:00:00+08:00', messageId: 7 }),
      400,
      'REQUEST.INVALID',
      'messageId',
    ],
    [
      'a close without a reason',
      () => officer.post(`/exchanges/${exchangeId}/close`, {}),
      400,
      'REQUEST.INVALID',
      'reason',
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

  it('describes the exchange and verification endpoints in the OpenAPI document', async () => {
    const doc = await app.raw('/api/docs-json', {});
    expect(doc.status).toBe(200);
    const paths = Object.keys((doc.body as { paths: Record<string, unknown> }).paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/exchanges',
        '/api/v1/exchanges/{id}',
        '/api/v1/exchanges/{id}/messages',
        '/api/v1/exchanges/{id}/acknowledgements',
        '/api/v1/exchanges/{id}/close',
        '/api/v1/verification-requests',
        '/api/v1/verification-requests/{id}',
        '/api/v1/verification-requests/{id}/extensions',
        '/api/v1/verification-requests/{id}/answers',
        '/api/v1/verification-requests/{id}/withdrawal',
      ]),
    );
  });
});
