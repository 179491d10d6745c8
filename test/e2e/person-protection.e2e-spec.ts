import { SQL_CLIENT, type SqlClient } from '#event-store';
import { KEY_STORE, type KeyStore } from '#security';
import { startTestApp, type Caller, type TestApp } from './support/test-app.js';
import { head, openCase, presumedVictim, registerPerson } from './support/journey.js';

const adult = { ...presumedVictim, fullName: 'Hoàng Thị Lụa', dateOfBirth: '1998-02-11' };
const consent = {
  decision: 'given',
  purpose: 'identity_verification',
  recipient: 'CN-GX-PSD',
  givenBy: 'person',
  formSha256: 'ab'.repeat(32),
  occurredAt: '2026-03-05T09:30:00+07:00',
};

/** Consent and legal holds over HTTP, on the embedded store (the write path is the same on both). */
describe('protecting the person: consent and legal holds (pglite)', () => {
  let app: TestApp;
  let officer: Caller;
  let supervisor: Caller;
  let laoCai: Caller;

  beforeAll(async () => {
    app = await startTestApp('pglite');
    officer = await app.as('liaison_officer');
    supervisor = await app.as('supervisor');
    laoCai = await app.as('supervisor', { sub: 'minh.lc', province: 'lao-cai', unit: 'VN-LC-BLO' });
  }, 60_000);
  afterAll(async () => app?.close());

  async function personEvents(personId: string): Promise<{ type: string; data: Record<string, unknown> }[]> {
    const sql = app.app.get<SqlClient>(SQL_CLIENT);
    const rows = await sql.query<{ type: string; data: Record<string, unknown> }>(
      'SELECT type, data FROM events WHERE stream_id = $1 ORDER BY revision',
      [`person-${personId}`],
    );
    return rows.rows;
  }

  it('records consent given, shows it on the person, and withdraws it once', async () => {
    const personId = await registerPerson(officer, await openCase(officer), adult);
    const given = await officer.post(`/persons/${personId}/consents`, consent);
    expect(given.status).toBe(200);
    const view = await officer.get(`/persons/${personId}`);
    expect(view.body.consents).toEqual([
      expect.objectContaining({
        decision: 'given',
        purpose: 'identity_verification',
        recipient: 'CN-GX-PSD',
        givenBy: 'person',
        formSha256: 'ab'.repeat(32),
        occurredAt: '2026-03-05T02:30:00.000Z',
        withdrawnAt: null,
      }),
    ]);
    const { consentId } = view.body.consents[0];
    const path = `/persons/${personId}/consents/${consentId}/withdrawal`;
    expect((await officer.post(path, { occurredAt: '2026-03-09T10:00:00+07:00' })).status).toBe(200);
    expect((await officer.get(`/persons/${personId}`)).body.consents[0].withdrawnAt).toBe('2026-03-09T03:00:00.000Z');
    const again = await officer.post(path, { occurredAt: '2026-03-10T10:00:00+07:00' });
    expect([again.status, again.body.code]).toEqual([409, 'PERSON.CONSENT_NOT_ACTIVE']);
    expect((await personEvents(personId)).map((e) => e.type)).toEqual([
      'PersonRegistered',
      'ConsentGiven',
      'ConsentWithdrawn',
    ]);
  });

  it('lets the legal representative decide for a child, not the child alone', async () => {
    const child = await registerPerson(officer, await openCase(officer)); // born 2009
    const before = await head(app);
    const alone = await officer.post(`/persons/${child}/consents`, consent);
    expect([alone.status, alone.body.code]).toEqual([409, 'PERSON.CONSENT_NEEDS_REPRESENTATIVE']);
    expect(await head(app)).toBe(before);
    const withGuardian = await officer.post(`/persons/${child}/consents`, {
      ...consent,
      givenBy: 'person_and_legal_representative',
    });
    expect(withGuardian.status).toBe(200);
  });

  it.each([
    ['an unknown recipient', { recipient: 'CN-XX-NOPE' }, 422],
    ['a given consent without the form', { formSha256: undefined }, 422],
    ['a purpose outside the list', { purpose: 'marketing' }, 400],
    ['a time without its offset', { occurredAt: '2026-03-05T09:30:00' }, 400],
  ])('refuses %s with a clear problem and writes nothing', async (_what, change, status) => {
    const personId = await registerPerson(officer, await openCase(officer), adult);
    const before = await head(app);
    const r = await officer.post(`/persons/${personId}/consents`, { ...consent, ...change });
    expect(r.status).toBe(status);
    expect(r.body.code).toEqual(expect.any(String));
    expect(await head(app)).toBe(before);
  });

  it('places a legal hold as a fact of the record, refuses erasure under it, and releases it', async () => {
    const caseId = await openCase(officer);
    const personId = await registerPerson(officer, caseId, adult);
    const hold = { proceedingsRef: 'VKS-LS 12/2026' };
    expect((await officer.post(`/persons/${personId}/legal-hold`, hold)).status).toBe(403);
    // Another province's person does not exist for the caller.
    expect((await laoCai.post(`/persons/${personId}/legal-hold`, hold)).status).toBe(404);

    expect((await supervisor.post(`/persons/${personId}/legal-hold`, hold)).status).toBe(200);
    expect((await officer.get(`/persons/${personId}`)).body.legalHold).toEqual(hold);
    expect((await officer.get(`/cases/${caseId}`)).body.persons).toEqual([
      expect.objectContaining({ id: personId, legalHold: hold }),
    ]);
    expect((await app.app.get<KeyStore>(KEY_STORE).status(personId))?.legalHold).toBe(true);

    const before = await head(app);
    const other = await supervisor.post(`/persons/${personId}/legal-hold`, { proceedingsRef: 'TA-LS 3/2026' });
    expect([other.status, other.body.code]).toEqual([409, 'PERSON.LEGAL_HOLD_EXISTS']);
    const erase = await supervisor.post(`/persons/${personId}/erasure`, { reason: 'yêu cầu xoá' });
    expect(erase.status).toBe(409);
    expect(['KEY.LEGAL_HOLD', 'PERSON.LEGAL_HOLD']).toContain(erase.body.code);
    expect(await head(app)).toBe(before);

    const noReason = await supervisor.post(`/persons/${personId}/legal-hold/release`, {});
    expect(noReason.status).toBe(400);
    expect(await head(app)).toBe(before);
    const released = await supervisor.post(`/persons/${personId}/legal-hold/release`, { reason: 'Bản án có hiệu lực' });
    expect(released.status).toBe(200);
    expect((await officer.get(`/persons/${personId}`)).body.legalHold).toBeNull();
    expect((await app.app.get<KeyStore>(KEY_STORE).status(personId))?.legalHold).toBe(false);
    expect((await supervisor.post(`/persons/${personId}/erasure`, { reason: 'yêu cầu xoá' })).status).toBe(200);

    const types = (await personEvents(personId)).map((e) => e.type);
    expect(types).toEqual(['PersonRegistered', 'LegalHoldPlaced', 'LegalHoldReleased', 'PersonalDataErased']);
  });

  it('placing the same hold again is harmless and mends the key store’s copy', async () => {
    const personId = await registerPerson(officer, await openCase(officer), adult);
    const hold = { proceedingsRef: 'VKS-LS 13/2026' };
    const first = await supervisor.post(`/persons/${personId}/legal-hold`, hold);
    // The copy is lost (a failure after the write): repeating the order restores it.
    await app.app.get<KeyStore>(KEY_STORE).releaseLegalHold(personId);
    const again = await supervisor.post(`/persons/${personId}/legal-hold`, hold);
    expect(again.status).toBe(200);
    expect(again.body.revision).toBe(first.body.revision);
    expect((await app.app.get<KeyStore>(KEY_STORE).status(personId))?.legalHold).toBe(true);
  });

  it('records the hold with the proceedings reference and ids only', async () => {
    const personId = await registerPerson(officer, await openCase(officer), adult);
    await supervisor.post(`/persons/${personId}/legal-hold`, { proceedingsRef: 'VKS-LS 14/2026' });
    const events = await personEvents(personId);
    // The hold event carries the reference of the proceedings and ids, nothing of the person.
    expect(events.at(-1)).toEqual({
      type: 'LegalHoldPlaced',
      data: { personId, caseId: expect.any(String), proceedingsRef: 'VKS-LS 14/2026' },
    });
  });
});
