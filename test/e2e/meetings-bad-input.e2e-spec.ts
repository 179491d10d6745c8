import { startTestApp, type Caller, type TestApp } from './support/test-app.js';
import { head, newCase, openCase } from './support/journey.js';
import { newAction, newMeeting } from './support/meeting-fixtures.js';

/** Malformed or inconsistent meetings and actions get a clear 4xx, and leave the log as it was. */
describe('meetings: bad input (pglite)', () => {
  let app: TestApp;
  let officer: Caller;
  let supervisor: Caller;
  let meetingId: string;
  let actionId: string;
  let otherCase: string;

  beforeAll(async () => {
    app = await startTestApp('pglite');
    officer = await app.as('liaison_officer');
    supervisor = await app.as('supervisor', { sub: 'lanh.dao' });
    const laoCai = await app.as('liaison_officer', { sub: 'lc', province: 'lao-cai', unit: 'VN-LC-BLO' });
    otherCase = await openCase(laoCai, { ...newCase, province: 'lao-cai' });
    meetingId = (await officer.post('/meetings', newMeeting('lang-son', 'CN-GX-PSD'))).body.id;
    actionId = (await officer.post(`/meetings/${meetingId}/actions`, newAction('CN-GX-PSD', []))).body.actionId;
    await officer.post(`/meetings/${meetingId}/actions/${actionId}/drop`, { reason: 'Không còn cần thiết' });
  }, 60_000);
  afterAll(async () => app.close());

  const meeting = (over: Record<string, unknown>) => () =>
    officer.post('/meetings', newMeeting('lang-son', 'CN-GX-PSD', over));
  const action = (over: Record<string, unknown>) => () =>
    officer.post(`/meetings/${meetingId}/actions`, newAction('CN-GX-PSD', [], over));

  const cases: [string, () => Promise<{ status: number; body: any }>, number, string, string | null][] = [
    ['an unknown field', meeting({ secret: 'x' }), 400, 'REQUEST.INVALID', 'secret'],
    ['an unknown kind', meeting({ kind: 'banquet' }), 400, 'REQUEST.INVALID', 'kind'],
    ['a time without an offset', meeting({ heldAt: '2026-04-10T09:00' }), 400, 'REQUEST.INVALID', 'heldAt'],
    ['no counterpart', meeting({ counterparts: [] }), 400, 'REQUEST.INVALID', 'counterparts'],
    ['a malformed minutes hash', meeting({ minutes: { reference: 'BB', sha256: 'zz' } }), 400, 'REQUEST.INVALID', null],
    ['an unknown language', meeting({ languages: ['fr'] }), 400, 'REQUEST.INVALID', 'languages'],
    [
      'a counterpart not in the register',
      meeting({ counterparts: ['CN-XX-NOWHERE'] }),
      422,
      'MEETING.UNKNOWN_COUNTERPART',
      null,
    ],
    ['a meeting not yet held', meeting({ heldAt: '2099-01-01T09:00:00+07:00' }), 422, 'MEETING.HELD_IN_FUTURE', null],
    [
      'participants of one side only',
      meeting({ participants: [{ side: 'vn', name: 'Trần Văn Minh', role: 'Trưởng văn phòng' }] }),
      422,
      'MEETING.PARTICIPANTS_BOTH_SIDES',
      null,
    ],
    [
      'an action due before the meeting',
      action({ dueAt: '2026-04-01T09:00:00+07:00' }),
      422,
      'MEETING.DUE_BEFORE_MEETING',
      null,
    ],
    ['an owner of no kind', action({ owner: { kind: 'team', id: 'x' } }), 400, 'REQUEST.INVALID', null],
    ['a linked id that is not a UUID', action({ links: { caseIds: ['case-1'] } }), 400, 'REQUEST.INVALID', null],
    [
      'a linked case of another province',
      () => officer.post(`/meetings/${meetingId}/actions`, newAction('CN-GX-PSD', [otherCase])),
      422,
      'MEETING.RECORD_NOT_FOUND',
      null,
    ],
    [
      'an action done by a record of another province',
      () =>
        officer.post(`/meetings/${meetingId}/actions/${actionId}/done`, {
          fulfilledBy: { kind: 'case', id: otherCase },
          doneAt: '2026-04-12T09:00:00+07:00',
        }),
      422,
      'MEETING.RECORD_NOT_FOUND',
      null,
    ],
    [
      'a drop without a reason',
      () => officer.post(`/meetings/${meetingId}/actions/${actionId}/drop`, {}),
      400,
      'REQUEST.INVALID',
      'reason',
    ],
    [
      'an action id that is not a UUID',
      () => officer.post(`/meetings/${meetingId}/actions/7/drop`, { reason: 'x' }),
      400,
      'REQUEST.INVALID_ID',
      null,
    ],
    [
      'a campaign that ends before it starts',
      () =>
        supervisor.post('/campaigns', {
          name: 'Cao điểm',
          province: 'lang-son',
          coverage: 'province',
          counterparts: ['CN-GX-PSD'],
          from: '2026-05-31',
          to: '2026-05-01',
        }),
      422,
      'CAMPAIGN.ENDS_BEFORE_START',
      null,
    ],
    [
      'a statistics period that is not one',
      () => supervisor.get('/reports/meetings?period=2026-Q5'),
      400,
      'REQUEST.INVALID',
      'period',
    ],
  ];

  it.each(cases)('answers %s with %i and writes nothing', async (_label, send, status, code, field) => {
    const before = await head(app);
    const r = await send();
    expect({ status: r.status, code: r.body?.code }).toEqual({ status, code });
    if (field) expect(r.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await head(app)).toBe(before);
  });
});
