import { startTestApp, type Caller, type TestApp } from './support/test-app.js';
import { head, openCase, presumedVictim, registerPerson } from './support/journey.js';
import { newExchange } from './support/exchange-fixtures.js';

const adult = { ...presumedVictim, dateOfBirth: '1999-04-02' };
const consent = {
  decision: 'given',
  purpose: 'information_exchange',
  recipient: 'CN-GX-PSD',
  givenBy: 'person',
  formSha256: '12'.repeat(32),
  occurredAt: '2026-03-05T08:00:00+07:00',
};

/** An outgoing message that names persons states, for each, the basis on which their data leaves. */
describe('the persons an outgoing message names (pglite)', () => {
  let app: TestApp;
  let officer: Caller;
  let supervisor: Caller;

  beforeAll(async () => {
    app = await startTestApp('pglite');
    officer = await app.as('liaison_officer');
    supervisor = await app.as('supervisor');
  }, 60_000);
  afterAll(async () => app?.close());

  const naming = (caseId: string, personId: string, disclosure: object = { basis: 'consent' }) =>
    newExchange([caseId], { persons: [{ personId, disclosure }] });

  it('sends on standing consent for information exchange with that counterpart, and shows the basis', async () => {
    const caseId = await openCase(officer);
    const personId = await registerPerson(officer, caseId, adult);
    const before = await head(app);
    const missing = await officer.post('/exchanges', naming(caseId, personId));
    expect([missing.status, missing.body.code]).toEqual([409, 'EXCHANGE.CONSENT_MISSING']);
    expect(await head(app)).toBe(before);

    expect((await officer.post(`/persons/${personId}/consents`, consent)).status).toBe(200);
    const sent = await officer.post('/exchanges', naming(caseId, personId));
    expect(sent.status).toBe(201);
    const thread = await officer.get(`/exchanges/${sent.body.id}?content=none`);
    expect(thread.body.messages[0].persons).toEqual([{ personId, basis: 'consent', reference: null }]);
  });

  it('refuses after withdrawal; a supervisor may override, and the auditors see it', async () => {
    const caseId = await openCase(officer);
    const personId = await registerPerson(officer, caseId, adult);
    await officer.post(`/persons/${personId}/consents`, consent);
    const { consentId } = (await officer.get(`/persons/${personId}`)).body.consents[0];
    await officer.post(`/persons/${personId}/consents/${consentId}/withdrawal`, {
      occurredAt: '2026-03-05T08:30:00+07:00',
    });
    const refused = await officer.post('/exchanges', naming(caseId, personId));
    expect([refused.status, refused.body.code]).toEqual([409, 'EXCHANGE.CONSENT_WITHDRAWN']);
    const override = { basis: 'consent', overrideReason: 'Người này đang gặp nguy hiểm' };
    const byOfficer = await officer.post('/exchanges', naming(caseId, personId, override));
    expect([byOfficer.status, byOfficer.body.code]).toEqual([409, 'EXCHANGE.CONSENT_OVERRIDE_NOT_ALLOWED']);
    const bySupervisor = await supervisor.post('/exchanges', naming(caseId, personId, override));
    expect(bySupervisor.status).toBe(201);
    const audit = await (
      await app.as('auditor')
    ).get(`/audit?subjectId=${personId}&minPosition=${bySupervisor.body.position}`);
    expect(audit.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'ConsentOverridden', purpose: override.overrideReason }),
      ]),
    );
  });

  it('refuses a person who is not in the thread’s cases, or does not exist, writing nothing', async () => {
    const caseId = await openCase(officer);
    const otherCase = await openCase(officer);
    const stranger = await registerPerson(officer, otherCase, adult);
    const exception = { basis: 'criminal_proceedings', reference: 'QĐ khởi tố 15/2026' };
    const before = await head(app);
    const notHere = await officer.post('/exchanges', naming(caseId, stranger, exception));
    expect([notHere.status, notHere.body.code]).toEqual([422, 'EXCHANGE.PERSON_NOT_IN_CASES']);
    const nobody = await officer.post('/exchanges', naming(caseId, '0190f5e4-0000-7000-8000-000000000001', exception));
    expect([nobody.status, nobody.body.code]).toEqual([422, 'EXCHANGE.PERSON_NOT_FOUND']);
    const badBasis = await officer.post('/exchanges', naming(caseId, stranger, { basis: 'because' }));
    expect(badBasis.status).toBe(400);
    expect(await head(app)).toBe(before);
    // The legal exception with its reference is enough, whatever the consent.
    expect(
      (
        await officer.post(
          '/exchanges',
          newExchange([otherCase], { persons: [{ personId: stranger, disclosure: exception }] }),
        )
      ).status,
    ).toBe(201);
  });
});

describe('consent looked at again when a held draft is released (pglite)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp('pglite', { EXCHANGE_RELEASE: 'personal_data' });
  }, 60_000);
  afterAll(async () => app?.close());

  it('stops the release of a draft whose person withdrew consent while it waited', async () => {
    const author = await app.as('liaison_officer', { sub: 'an.nguyen' });
    const colleague = await app.as('liaison_officer', { sub: 'binh.tran' });
    const caseId = await openCase(author);
    const personId = await registerPerson(author, caseId, adult);
    await author.post(`/persons/${personId}/consents`, consent);
    const draft = await author.post(
      '/exchanges',
      newExchange([caseId], { draft: true, persons: [{ personId, disclosure: { basis: 'consent' } }] }),
    );
    expect(draft.status).toBe(201);
    const { consentId } = (await author.get(`/persons/${personId}`)).body.consents[0];
    await author.post(`/persons/${personId}/consents/${consentId}/withdrawal`, {
      occurredAt: '2026-03-05T08:30:00+07:00',
    });
    const before = await head(app);
    const path = `/exchanges/${draft.body.id}/messages/${draft.body.messageId}/release`;
    const stopped = await colleague.post(path, {});
    expect([stopped.status, stopped.body.code]).toEqual([409, 'EXCHANGE.CONSENT_WITHDRAWN']);
    expect(await head(app)).toBe(before);
    // Consent given again: the same draft can leave.
    await author.post(`/persons/${personId}/consents`, { ...consent, occurredAt: '2026-03-05T09:00:00+07:00' });
    expect((await colleague.post(path, {})).status).toBe(200);
  });
});
