import { startTestApp, type Caller, type TestApp } from './support/test-app.js';
import { head, openCase, registerPerson } from './support/journey.js';
import { newVerification } from './support/exchange-fixtures.js';

/**
 * A verification request about a person sends the counterpart who the person is: it needs a basis,
 * and consent as the basis needs the person's consent for that purpose and recipient to stand.
 */
describe('the basis on which a person’s data leaves with a verification request (pglite)', () => {
  let app: TestApp;
  let officer: Caller;
  let supervisor: Caller;
  let auditor: Caller;

  beforeAll(async () => {
    app = await startTestApp('pglite');
    officer = await app.as('liaison_officer');
    supervisor = await app.as('supervisor');
    auditor = await app.as('auditor');
  }, 60_000);
  afterAll(async () => app?.close());

  const onConsent = (caseId: string, personId: string, extra: object = {}) =>
    newVerification(caseId, { personId, disclosure: { basis: 'consent', ...extra } });

  async function refusedWithoutWriting(
    request: Promise<{ status: number; body: any }>,
    code: string,
    status = 409,
  ): Promise<void> {
    const before = await head(app);
    const r = await request;
    expect([r.status, r.body.code]).toEqual([status, code]);
    expect(await head(app)).toBe(before);
  }

  it('refuses a request naming a person without a basis, and one on consent that does not stand', async () => {
    const caseId = await openCase(officer);
    const personId = await registerPerson(officer, caseId); // a child: the representative decides
    await refusedWithoutWriting(
      officer.post('/verification-requests', newVerification(caseId, { personId })),
      'VERIFICATION.DISCLOSURE_BASIS_REQUIRED',
    );
    await refusedWithoutWriting(
      officer.post('/verification-requests', onConsent(caseId, personId)),
      'VERIFICATION.CONSENT_MISSING',
    );
    // Consent to another recipient, or for another purpose, is not consent to this one.
    const elsewhere = {
      decision: 'given',
      givenBy: 'legal_representative',
      formSha256: 'cd'.repeat(32),
      occurredAt: '2026-03-05T10:00:00+07:00',
    };
    await officer.post(`/persons/${personId}/consents`, {
      ...elsewhere,
      purpose: 'identity_verification',
      recipient: 'CN-GX-PSD',
    });
    await officer.post(`/persons/${personId}/consents`, {
      ...elsewhere,
      purpose: 'family_tracing',
      recipient: 'CN-YN-PSD',
    });
    await refusedWithoutWriting(
      officer.post('/verification-requests', onConsent(caseId, personId)),
      'VERIFICATION.CONSENT_MISSING',
    );
  });

  it('sends on standing consent, refuses after its withdrawal, and lets only a supervisor override with a reason', async () => {
    const caseId = await openCase(officer);
    const personId = await registerPerson(officer, caseId);
    const given = await officer.post(`/persons/${personId}/consents`, {
      decision: 'given',
      purpose: 'identity_verification',
      recipient: 'CN-YN-PSD',
      givenBy: 'legal_representative',
      formSha256: 'ef'.repeat(32),
      occurredAt: '2026-03-05T10:00:00+07:00',
    });
    expect(given.status).toBe(200);
    const sent = await officer.post('/verification-requests', onConsent(caseId, personId));
    expect(sent.status).toBe(201);
    expect((await officer.get(`/verification-requests/${sent.body.id}`)).body.disclosure).toEqual({
      basis: 'consent',
      reference: null,
    });

    const { consentId } = (await officer.get(`/persons/${personId}`)).body.consents[0];
    await officer.post(`/persons/${personId}/consents/${consentId}/withdrawal`, {
      occurredAt: '2026-03-06T10:00:00+07:00',
    });
    await refusedWithoutWriting(
      officer.post('/verification-requests', onConsent(caseId, personId)),
      'VERIFICATION.CONSENT_WITHDRAWN',
    );
    const reason = { overrideReason: 'Nạn nhân đang gặp nguy hiểm, cần xác minh gấp' };
    await refusedWithoutWriting(
      officer.post('/verification-requests', onConsent(caseId, personId, reason)),
      'VERIFICATION.CONSENT_OVERRIDE_NOT_ALLOWED',
    );
    const overridden = await supervisor.post('/verification-requests', onConsent(caseId, personId, reason));
    expect(overridden.status).toBe(201);

    // The auditors see the override, who made it, about whom, and why.
    const audit = await auditor.get(`/audit?subjectId=${personId}&minPosition=${overridden.body.position}`);
    expect(audit.status).toBe(200);
    expect(audit.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: 'ConsentOverridden',
          actor: expect.objectContaining({ role: 'supervisor' }),
          subject: { kind: 'person', id: personId },
          caseId,
          purpose: reason.overrideReason,
        }),
      ]),
    );
  });

  it('sends on a legal exception with its reference, and refuses one without', async () => {
    const caseId = await openCase(officer);
    const personId = await registerPerson(officer, caseId);
    const without = newVerification(caseId, { personId, disclosure: { basis: 'criminal_proceedings' } });
    await refusedWithoutWriting(
      officer.post('/verification-requests', without),
      'VERIFICATION.DISCLOSURE_REFERENCE_REQUIRED',
      422,
    );
    const withRef = newVerification(caseId, {
      personId,
      disclosure: { basis: 'criminal_proceedings', reference: 'QĐ khởi tố 15/2026' },
    });
    expect((await officer.post('/verification-requests', withRef)).status).toBe(201);
  });

  it('refuses a basis outside the list as bad input', async () => {
    const caseId = await openCase(officer);
    const personId = await registerPerson(officer, caseId);
    const before = await head(app);
    const r = await officer.post(
      '/verification-requests',
      newVerification(caseId, { personId, disclosure: { basis: 'because' } }),
    );
    expect(r.status).toBe(400);
    expect(await head(app)).toBe(before);
  });
});
