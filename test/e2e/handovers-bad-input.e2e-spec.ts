import { startTestApp, type Answer, type Caller, type TestApp } from './support/test-app.js';
import { head, openCase, presumedVictim, registerPerson } from './support/journey.js';
import { confirmation, proposal, proposeHandover, type ProposedHandover } from './support/handover-fixtures.js';

const MISSING = '01a20622-f6e9-7066-a49c-36660dc58c44';

type Row = [name: string, send: () => Promise<Answer>, status: number, code: string | null];

/** Every malformed or impossible confirmation is refused with a clear problem and writes nothing. */
describe('handover bad input (pglite)', () => {
  let app: TestApp;
  let officer: Caller;
  let guard: Caller;
  let h: ProposedHandover;
  let good: ReturnType<typeof confirmation>;
  let strangerId: string;

  beforeAll(async () => {
    app = await startTestApp('pglite');
    officer = await app.as('liaison_officer');
    guard = await app.as('border_guard');
    h = await proposeHandover(officer, { persons: 2 });
    good = confirmation(h.personIds);
    strangerId = await registerPerson(officer, await openCase(officer), presumedVictim);
  }, 60_000);
  afterAll(async () => app.close());

  const confirm = (body: unknown, headers: Record<string, string> = {}) =>
    guard.post(`/handovers/${h.handoverId}/confirmation`, body, headers);
  const withMinutes = (minutes: object) => ({ ...good, minutes: { ...good.minutes, ...minutes } });
  const firstReceived = (fields: object) => ({
    ...good,
    received: [{ ...good.received[0], ...fields }, good.received[1]],
  });

  const confirmationRows: Row[] = [
    ['an unknown field', () => confirm({ ...good, victimNames: ['x'] }), 400, 'REQUEST.INVALID'],
    ['an unknown field in a received person', () => confirm(firstReceived({ fullName: 'x' })), 400, 'REQUEST.INVALID'],
    ['an unknown field in the minutes', () => confirm(withMinutes({ pages: 3 })), 400, 'REQUEST.INVALID'],
    ['officers as a string', () => confirm({ ...good, vnOfficers: 'Lê Văn Đức' }), 400, 'REQUEST.INVALID'],
    ['an officer as a number', () => confirm({ ...good, cnOfficers: [42] }), 400, 'REQUEST.INVALID'],
    ['a blank officer name', () => confirm({ ...good, vnOfficers: ['  '] }), 400, 'REQUEST.INVALID'],
    ['received as an object', () => confirm({ ...good, received: good.received[0] }), 400, 'REQUEST.INVALID'],
    ['a missing conductedAt', () => confirm({ ...good, conductedAt: undefined }), 400, 'REQUEST.INVALID'],
    ['missing minutes', () => confirm({ ...good, minutes: undefined }), 400, 'REQUEST.INVALID'],
    ['minutes as a string', () => confirm({ ...good, minutes: '07/BB' }), 400, 'REQUEST.INVALID'],
    ['a missing received list', () => confirm({ ...good, received: undefined }), 400, 'REQUEST.INVALID'],
    [
      'a time without an offset',
      () => confirm({ ...good, conductedAt: '2026-03-05T09:20:00' }),
      400,
      'REQUEST.INVALID',
    ],
    [
      'an impossible date',
      () => confirm(withMinutes({ signedAt: '2026-02-30T09:45:00+08:00' })),
      400,
      'REQUEST.INVALID',
    ],
    ['an unknown minutes language', () => confirm(withMinutes({ languages: ['vi', 'fr'] })), 400, 'REQUEST.INVALID'],
    ['a scan hash that is not SHA-256', () => confirm(withMinutes({ scanSha256: 'abc' })), 400, 'REQUEST.INVALID'],
    [
      'a person id that is not a UUID',
      () => confirm(firstReceived({ personId: 'nguyen-thi-hoa' })),
      400,
      'REQUEST.INVALID',
    ],
    [
      'health notes with a control character',
      () => confirm(firstReceived({ healthCheck: 'ổn\u0000định' })),
      400,
      'REQUEST.INVALID',
    ],
    [
      'health notes of 100 kB',
      () => confirm(firstReceived({ healthCheck: 'x'.repeat(100_000) })),
      400,
      'REQUEST.INVALID',
    ],
    [
      'a person not received without a reason',
      () => confirm({ ...good, received: [good.received[0]], notReceived: [{ personId: h.personIds[1] }] }),
      400,
      'REQUEST.INVALID',
    ],
    [
      'a handover id that is not a UUID',
      () => guard.post('/handovers/42/confirmation', good),
      400,
      'REQUEST.INVALID_ID',
    ],
    ['a malformed If-Match', () => confirm(good, { 'if-match': 'latest' }), 400, 'REQUEST.INVALID_IF_MATCH'],
    [
      'a handover that does not exist',
      () => guard.post(`/handovers/${MISSING}/confirmation`, good),
      404,
      'HANDOVER.NOT_FOUND',
    ],
    ['a stale If-Match', () => confirm(good, { 'if-match': '"0"' }), 412, 'REQUEST.STALE_REVISION'],
    ['no officer of the Chinese side', () => confirm({ ...good, cnOfficers: [] }), 422, 'HANDOVER.OFFICERS_REQUIRED'],
    [
      'a person who is not part of the handover',
      () => confirm(firstReceived({ personId: strangerId })),
      422,
      'HANDOVER.UNKNOWN_PERSON',
    ],
    [
      'a person left out of the minutes',
      () => confirm({ ...good, received: [good.received[0]] }),
      422,
      'HANDOVER.PERSON_UNACCOUNTED',
    ],
    [
      'a person both received and not received',
      () => confirm({ ...good, notReceived: [{ personId: h.personIds[0], reason: 'Từ chối về nước' }] }),
      422,
      'HANDOVER.DUPLICATE_PERSON',
    ],
    [
      'minutes signed before the handover',
      () => confirm(withMinutes({ signedAt: '2026-03-05T09:00:00+08:00' })),
      422,
      'HANDOVER.MINUTES_BEFORE_CONDUCT',
    ],
    [
      'a handover held before it was proposed',
      () => confirm({ ...good, conductedAt: '2026-02-01T09:20:00+08:00' }),
      422,
      'HANDOVER.INVALID_TIME',
    ],
    [
      'minutes in one language twice',
      () => confirm(withMinutes({ languages: ['vi', 'vi'] })),
      422,
      'HANDOVER.INVALID_MINUTES',
    ],
  ];

  const otherRows: Row[] = [
    [
      'a proposal naming an unknown gate',
      () => officer.post('/handovers', { ...proposal(h.caseId, h.personIds), gate: 'NOWHERE' }),
      422,
      'HANDOVER.UNKNOWN_GATE',
    ],
    [
      'a proposal with a malformed gate code',
      () => officer.post('/handovers', { ...proposal(h.caseId, h.personIds), gate: 'hữu nghị' }),
      400,
      'REQUEST.INVALID',
    ],
    [
      'a proposal naming an unknown counterpart',
      () => officer.post('/handovers', { ...proposal(h.caseId, h.personIds), counterpart: 'CN-XX-NONE' }),
      422,
      'HANDOVER.UNKNOWN_COUNTERPART',
    ],
    [
      'a proposal for a case that does not exist',
      () => officer.post('/handovers', proposal(MISSING, h.personIds)),
      422,
      'CASE.NOT_FOUND',
    ],
    [
      'a proposal of a person registered in another case',
      () => officer.post('/handovers', proposal(h.caseId, [h.personIds[0], strangerId])),
      422,
      'HANDOVER.UNKNOWN_PERSON',
    ],
    [
      'a proposal of nobody',
      () => officer.post('/handovers', proposal(h.caseId, [])),
      422,
      'HANDOVER.PERSONS_REQUIRED',
    ],
    [
      'a proposal with an unknown side',
      () => officer.post('/handovers', { ...proposal(h.caseId, h.personIds), proposedBy: 'la' }),
      400,
      'REQUEST.INVALID',
    ],
    [
      'scheduling again without a postponement',
      () =>
        officer.post(`/handovers/${h.handoverId}/schedule`, {
          gate: 'HUU_NGHI',
          scheduledAt: '2026-03-07T09:00:00+08:00',
        }),
      409,
      'HANDOVER.INVALID_TRANSITION',
    ],
    [
      'postponing to an earlier time',
      () =>
        officer.post(`/handovers/${h.handoverId}/postponement`, {
          reason: 'x',
          newScheduledAt: '2026-03-04T09:00:00+08:00',
        }),
      422,
      'HANDOVER.INVALID_TIME',
    ],
    [
      'a cancellation without a reason',
      () => officer.post(`/handovers/${h.handoverId}/cancellation`, {}),
      400,
      'REQUEST.INVALID',
    ],
    [
      'an onward transfer before the handover',
      () =>
        guard.post(`/handovers/${h.handoverId}/onward-transfers`, {
          personId: h.personIds[0],
          toUnit: 'Công an tỉnh Lạng Sơn',
          at: '2026-03-05T14:00:00+07:00',
        }),
      409,
      'HANDOVER.NOT_CONDUCTED',
    ],
    [
      'an onward transfer of an unknown kind',
      () =>
        guard.post(`/handovers/${h.handoverId}/onward-transfers`, {
          personId: h.personIds[0],
          toUnit: 'x',
          toKind: 'abroad',
          at: '2026-03-05T14:00:00+07:00',
        }),
      400,
      'REQUEST.INVALID',
    ],
    [
      'closing with a body',
      () => officer.post(`/handovers/${h.handoverId}/close`, { force: true }),
      400,
      'REQUEST.INVALID',
    ],
    [
      'closing before the handover took place',
      () => officer.post(`/handovers/${h.handoverId}/close`, {}),
      409,
      'HANDOVER.NOT_CONDUCTED',
    ],
  ];

  const rows = [...confirmationRows, ...otherRows].map(
    ([name, send, status, code]) => [name, status, code, send] as const,
  );

  it.each(rows)('%s → %i %s, nothing written', async (_name, status, code, send) => {
    const before = await head(app);
    const r = await send();
    expect(r.status).toBe(status);
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(r.body).toMatchObject({ status, title: expect.any(String), detail: expect.any(String), code });
    if (status === 400 && code === 'REQUEST.INVALID') expect(r.body.errors.length).toBeGreaterThan(0);
    expect(await head(app)).toBe(before);
  });

  it('names every offending field of the confirmation, nested ones by path', async () => {
    const r = await confirm({
      conductedAt: 'yesterday',
      vnOfficers: 'x',
      received: [{ personId: 'x', health: 'ok' }],
      minutes: { number: '', languages: ['fr'] },
    });
    expect(r.status).toBe(400);
    const fields = (r.body.errors as { field: string }[]).map((e) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'conductedAt',
        'vnOfficers',
        'cnOfficers',
        'received.0.personId',
        'received.0.health',
        'minutes.number',
        'minutes.signedAt',
        'minutes.languages',
      ]),
    );
  });

  it('still accepts the untouched confirmation afterwards, with Vietnamese and Chinese text unchanged', async () => {
    const ok = await confirm(good);
    expect(ok.status).toBe(200);
    const view = await officer.get(`/handovers/${h.handoverId}`);
    expect(view.body.received.map((p: { healthCheck: string }) => p.healthCheck)).toEqual(
      good.received.map((p) => p.healthCheck),
    );
    expect(view.body).toMatchObject({ vnOfficers: good.vnOfficers, cnOfficers: good.cnOfficers });
    expect(view.body.minutes.number).toBe('07/BB-ĐBPCKHN');
  });
});
