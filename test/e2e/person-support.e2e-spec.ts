import { EVENT_STORE, SQL_CLIENT, type EventStore, type RecordedEvent, type SqlClient } from '#event-store';
import { toIntegrationEvent } from '#messaging';
import { startTestApp, type Caller, type TestApp } from './support/test-app.js';
import { head, openCase, presumedVictim, registerPerson } from './support/journey.js';

const adult = { ...presumedVictim, fullName: 'Đinh Thị Mai', dateOfBirth: '1996-04-02' };
const NOTE = 'Chị Mai bị sốt cao, cần khám lại ngày 9/3';
const FAMILY_NOTE = 'Về với bố là ông Đinh Văn Sáng, thôn Nà Pàn';
const support = {
  kind: 'medical_care',
  provider: 'Trung tâm Y tế huyện Văn Lãng',
  occurredAt: '2026-03-05T09:00:00+07:00',
  note: NOTE,
};
const referralConsent = {
  decision: 'given',
  purpose: 'referral_to_services',
  recipient: 'social_protection_centre',
  givenBy: 'person',
  formSha256: 'cd'.repeat(32),
  occurredAt: '2026-03-05T09:30:00+07:00',
};
const referral = {
  service: 'social_protection_centre',
  receivingUnit: 'Cơ sở Bảo trợ xã hội tỉnh Lạng Sơn',
  occurredAt: '2026-03-05T10:00:00+07:00',
};

/** Support, referrals and screenings over HTTP (issue 10, part 3), on the embedded store. */
describe('support and referrals for victims (pglite)', () => {
  let app: TestApp;
  let officer: Caller;
  let supervisor: Caller;
  let auditor: Caller;
  let laoCai: Caller;

  beforeAll(async () => {
    app = await startTestApp('pglite');
    officer = await app.as('liaison_officer');
    supervisor = await app.as('supervisor');
    auditor = await app.as('auditor');
    laoCai = await app.as('supervisor', { sub: 'minh.lc', province: 'lao-cai', unit: 'VN-LC-BLO' });
  }, 60_000);
  afterAll(async () => app?.close());

  const eventsOf = async (personId: string): Promise<RecordedEvent[]> => {
    const events: RecordedEvent[] = [];
    for await (const e of app.app.get<EventStore>(EVENT_STORE).readStream(`person-${personId}`)) events.push(e);
    return events;
  };

  it('records support with a sealed note, shows the note only to a read of the person, and keeps it off Kafka', async () => {
    const caseId = await openCase(officer);
    const personId = await registerPerson(officer, caseId, adult);
    expect((await supervisor.post(`/persons/${personId}/support`, support)).status).toBe(200);
    const view = await officer.get(`/persons/${personId}`);
    expect(view.body.support).toEqual([
      expect.objectContaining({
        kind: 'medical_care',
        provider: 'Trung tâm Y tế huyện Văn Lãng',
        occurredAt: '2026-03-05T02:00:00.000Z',
        recordedBy: expect.objectContaining({ userId: expect.any(String), unitId: 'VN-LS-BLO' }),
        hasNote: true,
        note: NOTE,
      }),
    ]);
    // The case page lists support without the note.
    const casePage = await officer.get(`/cases/${caseId}`);
    const summary = casePage.body.persons.find((p: { id: string }) => p.id === personId);
    expect(summary.support).toEqual([expect.objectContaining({ kind: 'medical_care', hasNote: true })]);
    expect(JSON.stringify(casePage.body)).not.toContain(NOTE);
    // Sealed in the database: not in clear in any row of the log.
    const sql = app.app.get<SqlClient>(SQL_CLIENT);
    const rows = await sql.query<{ data: unknown }>('SELECT data FROM events WHERE stream_id = $1', [
      `person-${personId}`,
    ]);
    expect(JSON.stringify(rows.rows)).not.toContain('sốt cao');
    const published = JSON.stringify((await eventsOf(personId)).map(toIntegrationEvent));
    expect(published).toContain('blo.person.support-provided.v1');
    expect(published).toContain('medical_care');
    for (const personal of ['sốt cao', 'Văn Lãng', 'note']) expect(published).not.toContain(personal);
  });

  it('refers on consent for that service, answers once, completes after acceptance', async () => {
    const personId = await registerPerson(officer, await openCase(officer), adult);
    const before = await head(app);
    const noConsent = await officer.post(`/persons/${personId}/referrals`, referral);
    expect([noConsent.status, noConsent.body.code]).toEqual([409, 'PERSON.REFERRAL_CONSENT_REQUIRED']);
    expect(await head(app)).toBe(before);
    expect((await officer.post(`/persons/${personId}/consents`, referralConsent)).status).toBe(200);
    const referred = await officer.post(`/persons/${personId}/referrals`, referral);
    expect(referred.status).toBe(200);
    const [made] = (await officer.get(`/persons/${personId}`)).body.referrals;
    // Unanswered past the configured limit (7 days by default): overdue on the deadline board.
    const board = await supervisor.get(`/deadlines?minPosition=${referred.body.position}`);
    expect(board.body.overdue).toContainEqual(
      expect.objectContaining({ kind: 'referral_answer', id: made.referralId, parentId: personId, owedBy: null }),
    );
    expect(made).toEqual(
      expect.objectContaining({ service: 'social_protection_centre', state: 'made', consentId: expect.any(String) }),
    );
    const path = `/persons/${personId}/referrals/${made.referralId}`;
    const early = await officer.post(`${path}/completion`, { occurredAt: '2026-03-06T09:00:00+07:00' });
    expect([early.status, early.body.code]).toEqual([409, 'PERSON.REFERRAL_NOT_ACCEPTED']);
    const answer = { answer: 'accepted', occurredAt: '2026-03-06T09:00:00+07:00' };
    const accepted = await officer.post(`${path}/answer`, answer);
    expect(accepted.status).toBe(200);
    const after = await supervisor.get(`/deadlines?minPosition=${accepted.body.position}`);
    expect(after.body.overdue.map((e: { id: string }) => e.id)).not.toContain(made.referralId);
    const twice = await officer.post(`${path}/answer`, { ...answer, answer: 'declined', reason: 'no_capacity' });
    expect([twice.status, twice.body.code]).toEqual([409, 'PERSON.REFERRAL_ALREADY_ANSWERED']);
    expect((await officer.post(`${path}/completion`, { occurredAt: '2026-03-20T09:00:00+07:00' })).status).toBe(200);
    const done = (await officer.get(`/persons/${personId}`)).body.referrals[0];
    expect(done).toEqual(
      expect.objectContaining({
        state: 'completed',
        answeredAt: '2026-03-06T02:00:00.000Z',
        completedAt: '2026-03-20T02:00:00.000Z',
      }),
    );
    expect((await eventsOf(personId)).map((e) => e.type)).toEqual([
      'PersonRegistered',
      'ConsentGiven',
      'ReferralMade',
      'ReferralAccepted',
      'ReferralCompleted',
    ]);
  });

  it('refers a child to the family on an exemption, names the relatives only sealed, and declines with a code', async () => {
    const child = await registerPerson(officer, await openCase(officer)); // born 2009
    const family = {
      service: 'family',
      exemption: 'urgent_child_protection',
      occurredAt: '2026-03-05T10:00:00+07:00',
      note: FAMILY_NOTE,
    };
    const named = await officer.post(`/persons/${child}/referrals`, { ...family, receivingUnit: 'Ông Đinh Văn Sáng' });
    expect([named.status, named.body.code]).toEqual([422, 'PERSON.INVALID_REFERRAL']);
    expect((await officer.post(`/persons/${child}/referrals`, family)).status).toBe(200);
    const [made] = (await officer.get(`/persons/${child}`)).body.referrals;
    expect(made).toEqual(
      expect.objectContaining({ service: 'family', receivingUnit: null, exemption: 'urgent_child_protection' }),
    );
    expect(made.note).toBe(FAMILY_NOTE);
    const path = `/persons/${child}/referrals/${made.referralId}`;
    const noReason = await officer.post(`${path}/answer`, {
      answer: 'declined',
      occurredAt: '2026-03-06T09:00:00+07:00',
    });
    expect([noReason.status, noReason.body.code]).toEqual([422, 'PERSON.INVALID_REFERRAL']);
    const declined = { answer: 'declined', reason: 'person_declined', occurredAt: '2026-03-06T09:00:00+07:00' };
    expect((await officer.post(`${path}/answer`, declined)).status).toBe(200);
    const complete = await officer.post(`${path}/completion`, { occurredAt: '2026-03-07T09:00:00+07:00' });
    expect([complete.status, complete.body.code]).toEqual([409, 'PERSON.REFERRAL_NOT_ACCEPTED']);
    const events = await eventsOf(child);
    const published = JSON.stringify(events.map(toIntegrationEvent));
    expect(published).toContain('blo.person.referral-declined.v1');
    for (const personal of ['Đinh Văn Sáng', 'Nà Pàn', 'person_declined']) expect(published).not.toContain(personal);
    expect(JSON.stringify(events.map((e) => e.data))).not.toContain('Đinh Văn Sáng');
  });

  it('records a screening of a returnee from an online-scam compound', async () => {
    const personId = await registerPerson(officer, await openCase(officer), adult);
    const screening = {
      group: 'online_scam_compound_returnee',
      exploitationTypes: ['forced_criminality', 'forced_labour'],
      result: 'indicators_present',
      occurredAt: '2026-03-05T08:00:00+07:00',
    };
    expect((await officer.post(`/persons/${personId}/screenings`, screening)).status).toBe(200);
    expect((await officer.get(`/persons/${personId}`)).body.screenings).toEqual([
      expect.objectContaining({ ...screening, occurredAt: '2026-03-05T01:00:00.000Z' }),
    ]);
  });

  it('refuses relatives and suspects with a 409 and writes nothing', async () => {
    const caseId = await openCase(officer);
    for (const role of ['relative', 'suspect']) {
      const personId = await registerPerson(officer, caseId, { ...adult, role });
      const before = await head(app);
      const refused = await officer.post(`/persons/${personId}/support`, support);
      expect([refused.status, refused.body.code]).toEqual([409, 'PERSON.NOT_ELIGIBLE_FOR_SUPPORT']);
      expect(await head(app)).toBe(before);
    }
  });

  it('keeps another province and the auditor out', async () => {
    const personId = await registerPerson(officer, await openCase(officer), adult);
    const before = await head(app);
    expect((await laoCai.post(`/persons/${personId}/support`, support)).status).toBe(404);
    expect((await laoCai.post(`/persons/${personId}/screenings`, {})).status).toBe(404);
    expect((await auditor.post(`/persons/${personId}/support`, support)).status).toBe(403);
    expect(await head(app)).toBe(before);
  });

  it('answers bad input with a 4xx problem and writes nothing', async () => {
    const personId = await registerPerson(officer, await openCase(officer), adult);
    const p = `/persons/${personId}`;
    const referralPath = `${p}/referrals/0190f5e4-0000-7000-8000-000000000000`;
    const before = await head(app);
    const cases: [string, () => Promise<{ status: number; body: any }>, number, string][] = [
      ['no body', () => officer.post(`${p}/support`, {}), 400, 'REQUEST.INVALID'],
      ['an unknown kind', () => officer.post(`${p}/support`, { ...support, kind: 'cash' }), 400, 'REQUEST.INVALID'],
      [
        'a time without offset',
        () => officer.post(`${p}/support`, { ...support, occurredAt: '2026-03-05T09:00' }),
        400,
        'REQUEST.INVALID',
      ],
      [
        'a provider too long',
        () => officer.post(`${p}/support`, { ...support, provider: 'x'.repeat(121) }),
        400,
        'REQUEST.INVALID',
      ],
      ['a note of the wrong type', () => officer.post(`${p}/support`, { ...support, note: 7 }), 400, 'REQUEST.INVALID'],
      [
        'an unknown service',
        () => officer.post(`${p}/referrals`, { ...referral, service: 'church' }),
        400,
        'REQUEST.INVALID',
      ],
      [
        'an unknown exemption',
        () => officer.post(`${p}/referrals`, { ...referral, exemption: 'convenience' }),
        400,
        'REQUEST.INVALID',
      ],
      [
        'no receiving unit',
        () => officer.post(`${p}/referrals`, { ...referral, receivingUnit: undefined, exemption: 'medical_emergency' }),
        422,
        'PERSON.INVALID_REFERRAL',
      ],
      [
        'an unknown answer',
        () => officer.post(`${referralPath}/answer`, { answer: 'maybe', occurredAt: referral.occurredAt }),
        400,
        'REQUEST.INVALID',
      ],
      [
        'no such referral',
        () => officer.post(`${referralPath}/answer`, { answer: 'accepted', occurredAt: referral.occurredAt }),
        404,
        'PERSON.REFERRAL_NOT_FOUND',
      ],
      [
        'a referral id that is no uuid',
        () => officer.post(`${p}/referrals/nope/completion`, { occurredAt: referral.occurredAt }),
        400,
        'REQUEST.INVALID_ID',
      ],
      [
        'an unknown exploitation type',
        () =>
          officer.post(`${p}/screenings`, {
            group: 'other',
            exploitationTypes: ['x'],
            result: 'inconclusive',
            occurredAt: referral.occurredAt,
          }),
        400,
        'REQUEST.INVALID',
      ],
      [
        'indicators without a type',
        () =>
          officer.post(`${p}/screenings`, {
            group: 'other',
            exploitationTypes: [],
            result: 'indicators_present',
            occurredAt: referral.occurredAt,
          }),
        422,
        'PERSON.INVALID_SCREENING',
      ],
      [
        'consent for an unknown service',
        () => officer.post(`${p}/consents`, { ...referralConsent, recipient: 'church' }),
        400,
        'REQUEST.INVALID',
      ],
      [
        'a service code for another purpose',
        () => officer.post(`${p}/consents`, { ...referralConsent, purpose: 'family_tracing' }),
        422,
        'PERSON.UNKNOWN_RECIPIENT',
      ],
    ];
    for (const [what, call, status, code] of cases) {
      const answer = await call();
      expect({ what, status: answer.status, code: answer.body.code }).toEqual({ what, status, code });
    }
    expect(await head(app)).toBe(before);
  });

  it('makes notes unreadable once the person is erased', async () => {
    const personId = await registerPerson(officer, await openCase(officer), adult);
    expect((await officer.post(`/persons/${personId}/support`, support)).status).toBe(200);
    expect(
      (await supervisor.post(`/persons/${personId}/erasure`, { reason: 'Yêu cầu của chủ thể dữ liệu' })).status,
    ).toBe(200);
    const view = await supervisor.get(`/persons/${personId}`);
    expect(view.body.support[0]).toEqual(expect.objectContaining({ kind: 'medical_care', hasNote: true, note: null }));
  });
});
