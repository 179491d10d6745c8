import { EVENT_STORE, type EventStore, type RecordedEvent } from '#event-store';
import { toIntegrationEvent } from '#messaging';
import { startTestApp, type Caller, type TestApp } from './support/test-app.js';
import { head, newCase, openCase, registerPerson } from './support/journey.js';
import { newVerification } from './support/exchange-fixtures.js';

/**
 * Second-officer release of verification requests about a person (issue 10), over HTTP, with the
 * default policy for Lạng Sơn: the request is a draft until a colleague of its author's unit
 * releases it, and only then is it sent, counted and on the reply clock.
 */
const COMMENT = 'Ghi rõ bà Nguyễn Thị Hoa sinh năm 1990, không ghi số CCCD.';

describe('second-officer release of verification requests over HTTP (pglite)', () => {
  let app: TestApp;
  let author: Caller;
  let colleague: Caller;
  let auditor: Caller;
  let laoCai: Caller;

  beforeAll(async () => {
    app = await startTestApp('pglite', { EXCHANGE_RELEASE: 'personal_data' });
    author = await app.as('liaison_officer', { sub: 'an.nguyen' });
    colleague = await app.as('liaison_officer', { sub: 'binh.tran' });
    auditor = await app.as('auditor');
    laoCai = await app.as('liaison_officer', { sub: 'mai.vang', province: 'lao-cai', unit: 'VN-LC-BLO' });
  }, 60_000);
  afterAll(async () => app?.close());

  const consent = (personId: string, decision: 'given' | 'withdrawn', consentId?: string) =>
    consentId
      ? author.post(`/persons/${personId}/consents/${consentId}/withdrawal`, {
          occurredAt: '2026-03-06T10:00:00+07:00',
        })
      : author.post(`/persons/${personId}/consents`, {
          decision,
          purpose: 'identity_verification',
          recipient: 'CN-YN-PSD',
          givenBy: 'legal_representative',
          formSha256: 'ab'.repeat(32),
          occurredAt: '2026-03-05T08:00:00+07:00',
        });
  /** A request on the person's standing consent: held, since it carries who the person is. */
  const draftAbout = async () => {
    const caseId = await openCase(author);
    const personId = await registerPerson(author, caseId);
    const given = await consent(personId, 'given');
    expect(given.status).toBe(200);
    const r = await author.post(
      '/verification-requests',
      newVerification(caseId, { personId, disclosure: { basis: 'consent' } }),
    );
    expect(r.status).toBe(201);
    const { consentId } = (await author.get(`/persons/${personId}`)).body.consents[0];
    return { caseId, personId, id: r.body.id as string, position: r.body.position as string, consentId };
  };
  const eventsOf = async (id: string): Promise<RecordedEvent[]> => {
    const events: RecordedEvent[] = [];
    for await (const e of app.app.get<EventStore>(EVENT_STORE).readStream(`verification-${id}`)) events.push(e);
    return events;
  };

  it('holds the request as a draft, off the reply clock, until a colleague of the unit releases it; then the clock starts', async () => {
    const { id, position } = await draftAbout();
    const draft = await author.get(`/verification-requests/${id}`);
    expect(draft.body).toMatchObject({
      status: 'draft',
      overdue: false,
      answerOwedBy: null,
      release: { state: 'awaiting_release', author: 'an.nguyen', returned: null, released: null },
    });
    // Nothing can happen to it as if it had been sent.
    const answer = await author.post(`/verification-requests/${id}/answers`, {
      result: 'confirmed',
      details: 'khớp',
      answeredAt: '2026-03-10T15:00:00+08:00',
    });
    expect([answer.status, answer.body.code]).toEqual([409, 'VERIFICATION.NOT_SENT']);

    const board = await colleague.get(`/deadlines?minPosition=${position}`);
    expect(board.body.awaitingRelease).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'verification', verificationId: id, author: 'an.nguyen' }),
      ]),
    );
    expect((await laoCai.get(`/deadlines?minPosition=${position}`)).body.awaitingRelease).toEqual([]);

    const before = await head(app);
    const own = await author.post(`/verification-requests/${id}/release`);
    expect([own.status, own.body.code]).toEqual([409, 'VERIFICATION.OWN_DRAFT_RELEASE']);
    const elsewhere = await laoCai.post(`/verification-requests/${id}/release`);
    expect([elsewhere.status, elsewhere.body.code]).toEqual([404, 'VERIFICATION.NOT_FOUND']);
    expect((await auditor.post(`/verification-requests/${id}/release`)).status).toBe(403);
    expect(await head(app)).toBe(before);

    const releasedAt = Date.now();
    const released = await colleague.post(`/verification-requests/${id}/release`);
    expect(released.status).toBe(200);
    const sent = (await author.get(`/verification-requests/${id}`)).body;
    expect(sent).toMatchObject({
      status: 'requested',
      answerOwedBy: 'counterpart',
      release: { state: 'released', author: 'an.nguyen', released: { by: 'binh.tran' } },
    });
    // Asked on the 5th for the 12th of 2099: the reply time asked for counts from the release.
    const asked = Date.parse(draft.body.dueAt.at) - Date.parse(draft.body.requestedAt.at);
    expect(Date.parse(sent.requestedAt.at)).toBeGreaterThanOrEqual(releasedAt - 1000);
    expect(Date.parse(sent.dueAt.at) - Date.parse(sent.requestedAt.at)).toBe(asked);
    const after = await colleague.get(`/deadlines?minPosition=${released.body.position}`);
    expect(after.body.awaitingRelease.map((d: { verificationId: string }) => d.verificationId)).not.toContain(id);
  });

  it('stops a draft whose person withdrew consent while it waited', async () => {
    const { id, personId, consentId } = await draftAbout();
    expect((await consent(personId, 'withdrawn', consentId)).status).toBe(200);
    const before = await head(app);
    const r = await colleague.post(`/verification-requests/${id}/release`);
    expect([r.status, r.body.code]).toEqual([409, 'VERIFICATION.CONSENT_WITHDRAWN']);
    expect(await head(app)).toBe(before);
  });

  it('returns a draft with a sealed comment that its author resubmits; the log and Kafka carry no personal data', async () => {
    const { id } = await draftAbout();
    const before = await head(app);
    const blank = await colleague.post(`/verification-requests/${id}/return`, { comment: '   ' });
    expect([blank.status, blank.body.code]).toEqual([400, 'REQUEST.INVALID']);
    expect(await head(app)).toBe(before);
    expect((await colleague.post(`/verification-requests/${id}/return`, { comment: COMMENT })).status).toBe(200);
    expect((await author.get(`/verification-requests/${id}`)).body.release).toMatchObject({
      state: 'returned',
      returned: { by: 'binh.tran', comment: COMMENT },
    });
    const notMine = await colleague.post(`/verification-requests/${id}/resubmit`);
    expect([notMine.status, notMine.body.code]).toEqual([403, 'VERIFICATION.NOT_DRAFT_AUTHOR']);
    expect((await author.post(`/verification-requests/${id}/resubmit`)).status).toBe(200);
    expect((await author.post(`/verification-requests/${id}/recall`)).status).toBe(200);
    expect((await author.post(`/verification-requests/${id}/resubmit`)).status).toBe(200);
    expect((await colleague.post(`/verification-requests/${id}/release`)).status).toBe(200);

    const events = await eventsOf(id);
    expect(events.map((e) => e.type)).toEqual([
      'VerificationDrafted',
      'VerificationDraftReturned',
      'VerificationDraftResubmitted',
      'VerificationReleaseWithdrawn',
      'VerificationDraftResubmitted',
      'VerificationReleased',
      'VerificationRequested',
    ]);
    expect(JSON.stringify(events.map((e) => e.data))).not.toContain('Nguyễn Thị Hoa');
    // Only the sending is published, with ids and codes.
    const published = events.map(toIntegrationEvent).filter((e) => e !== null);
    expect(published.map((e) => e.type)).toEqual(['blo.verification.requested.v1']);
    for (const personal of [COMMENT, 'Nguyễn Thị Hoa', 'an.nguyen', 'binh.tran', 'comment'])
      expect(JSON.stringify(published)).not.toContain(personal);
  });

  it('sends a request about nobody, and an incoming one, at once', async () => {
    const caseId = await openCase(author, { ...newCase });
    const plain = await author.post('/verification-requests', newVerification(caseId));
    expect((await author.get(`/verification-requests/${plain.body.id}`)).body.status).toBe('requested');
    const personId = await registerPerson(author, caseId);
    const incoming = await author.post(
      '/verification-requests',
      newVerification(caseId, { personId, direction: 'incoming' }),
    );
    expect((await author.get(`/verification-requests/${incoming.body.id}`)).body.status).toBe('requested');
  });
});
