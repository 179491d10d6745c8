import { EVENT_STORE, type EventStore, type RecordedEvent } from '#event-store';
import { toIntegrationEvent } from '#messaging';
import { describeEachStore, startTestApp, type Caller, type TestApp } from './support/test-app.js';
import { head, newCase, openCase } from './support/journey.js';
import { VI_SUBJECT, ZH_BODY, firstMessage, newExchange } from './support/exchange-fixtures.js';

/**
 * Second-officer release of outgoing messages with personal data (issue 10), over HTTP, with the
 * default policy for Lạng Sơn and "every outgoing message" for Lào Cai.
 */
const COMMENT = 'Bỏ tên bà Nguyễn Thị Hoa ở đoạn 2: phía bạn chưa cần.';

describeEachStore('second-officer release of exchange messages over HTTP', (kind) => {
  let app: TestApp;
  let author: Caller;
  let colleague: Caller;
  let supervisor: Caller;
  let auditor: Caller;
  let laoCai: Caller;

  beforeAll(async () => {
    app = await startTestApp(kind, { EXCHANGE_RELEASE: 'personal_data', EXCHANGE_RELEASE_BY_UNIT: 'lao-cai=all' });
    author = await app.as('liaison_officer', { sub: 'an.nguyen' });
    colleague = await app.as('liaison_officer', { sub: 'binh.tran' });
    supervisor = await app.as('supervisor', { sub: 'lanh.dao' });
    auditor = await app.as('auditor');
    laoCai = await app.as('liaison_officer', { sub: 'mai.vang', province: 'lao-cai', unit: 'VN-LC-BLO' });
  }, 60_000);
  afterAll(async () => app?.close());

  const message = (id: string, messageId: string) => `/exchanges/${id}/messages/${messageId}`;
  const draftOf = async (caseId: string): Promise<{ id: string; messageId: string; position: string }> => {
    const r = await author.post('/exchanges', newExchange([caseId], { draft: true }));
    expect(r.status).toBe(201);
    return { id: r.body.id as string, messageId: r.body.messageId as string, position: r.body.position as string };
  };
  const stateOf = async (id: string, messageId: string, reader: Caller = author) => {
    const view = await reader.get(`/exchanges/${id}`);
    return (view.body.messages as { messageId: string }[]).find((m) => m.messageId === messageId) as any;
  };
  const eventsOf = async (id: string): Promise<RecordedEvent[]> => {
    const events: RecordedEvent[] = [];
    for await (const e of app.app.get<EventStore>(EVENT_STORE).readStream(`exchange-${id}`)) events.push(e);
    return events;
  };

  it('refuses to send personal data on one officer’s word, and writes nothing', async () => {
    const caseId = await openCase(author);
    const before = await head(app);
    const direct = await author.post('/exchanges', newExchange([caseId]));
    expect(direct.status).toBe(409);
    expect(direct.body.code).toBe('EXCHANGE.RELEASE_REQUIRED');
    expect(await head(app)).toBe(before);
    // Without personal data the default policy lets it go straight out.
    const plain = await author.post(
      '/exchanges',
      newExchange([caseId], { carriesPersonalData: false, personalData: undefined }),
    );
    expect(plain.status).toBe(201);
  });

  it('lets a second officer of the unit release the draft, which sends it at the approval, not its author', async () => {
    const caseId = await openCase(author);
    const { id, messageId, position } = await draftOf(caseId);
    expect(await stateOf(id, messageId)).toMatchObject({
      state: 'draft',
      transmittedAt: null,
      release: { state: 'awaiting_release', author: 'an.nguyen', returned: null, released: null },
    });
    const written = await author.get(`/exchanges/${id}`);

    const sent = await author.post(`${message(id, messageId)}/send`, { occurredAt: '2026-03-05T10:00:00+07:00' });
    expect([sent.status, sent.body.code]).toEqual([409, 'EXCHANGE.RELEASE_REQUIRED']);
    const own = await author.post(`${message(id, messageId)}/release`);
    expect([own.status, own.body.code]).toEqual([409, 'EXCHANGE.OWN_DRAFT_RELEASE']);
    // Need-to-know: another province does not learn the thread exists; an auditor writes nothing.
    const elsewhere = await laoCai.post(`${message(id, messageId)}/release`);
    expect([elsewhere.status, elsewhere.body.code]).toEqual([404, 'EXCHANGE.NOT_FOUND']);
    expect((await auditor.post(`${message(id, messageId)}/release`)).status).toBe(403);
    expect((await author.get(`/exchanges/${id}`)).body.revision).toBe(written.body.revision);

    const board = await colleague.get(`/deadlines?minPosition=${position}`);
    expect(board.body.awaitingRelease).toEqual(
      expect.arrayContaining([expect.objectContaining({ exchangeId: id, messageId, author: 'an.nguyen' })]),
    );
    expect((await laoCai.get(`/deadlines?minPosition=${position}`)).body.awaitingRelease).toEqual([]);

    const before = Date.now();
    const released = await colleague.post(`${message(id, messageId)}/release`);
    expect(released.status).toBe(200);
    const m = await stateOf(id, messageId);
    expect(m).toMatchObject({
      state: 'sent',
      release: { state: 'released', author: 'an.nguyen', released: { by: 'binh.tran' } },
    });
    expect(Date.parse(m.transmittedAt.at)).toBeGreaterThanOrEqual(before - 1000);
    expect(m.release.released.at.at).toBe(m.transmittedAt.at);
    const again = await colleague.post(`${message(id, messageId)}/release`);
    expect([again.status, again.body.code]).toEqual([409, 'EXCHANGE.NOT_AWAITING_RELEASE']);
    const after = await colleague.get(`/deadlines?minPosition=${released.body.position}`);
    expect(after.body.awaitingRelease.map((d: { messageId: string }) => d.messageId)).not.toContain(messageId);
  });

  it('returns a draft with a comment, which only its author may resubmit, and lets the author withdraw', async () => {
    const caseId = await openCase(author);
    const { id, messageId } = await draftOf(caseId);
    const returned = await supervisor.post(`${message(id, messageId)}/return`, { comment: COMMENT });
    expect(returned.status).toBe(200);
    expect(await stateOf(id, messageId)).toMatchObject({
      state: 'draft',
      release: { state: 'returned', returned: { by: 'lanh.dao', comment: COMMENT } },
    });
    const blocked = await colleague.post(`${message(id, messageId)}/release`);
    expect([blocked.status, blocked.body.code]).toEqual([409, 'EXCHANGE.NOT_AWAITING_RELEASE']);
    const notMine = await colleague.post(`${message(id, messageId)}/resubmit`);
    expect([notMine.status, notMine.body.code]).toEqual([403, 'EXCHANGE.NOT_DRAFT_AUTHOR']);
    expect((await author.post(`${message(id, messageId)}/resubmit`)).status).toBe(200);
    expect((await author.post(`${message(id, messageId)}/withdraw`)).status).toBe(200);
    expect((await stateOf(id, messageId)).release.state).toBe('withdrawn');
    const withdrawn = await supervisor.post(`${message(id, messageId)}/release`);
    expect([withdrawn.status, withdrawn.body.code]).toEqual([409, 'EXCHANGE.NOT_AWAITING_RELEASE']);
    expect((await author.post(`${message(id, messageId)}/resubmit`)).status).toBe(200);
    const released = await supervisor.post(`${message(id, messageId)}/release`);
    expect(released.status).toBe(200);
    expect((await stateOf(id, messageId)).state).toBe('sent');

    // The comment and the content are sealed in the log, and none of it reaches an integration event.
    const events = await eventsOf(id);
    expect(events.map((e) => e.type)).toEqual([
      'ExchangeOpened',
      'MessageLogged',
      'DraftReturned',
      'DraftResubmitted',
      'ReleaseWithdrawn',
      'DraftResubmitted',
      'DraftReleased',
      'DraftSent',
    ]);
    expect(JSON.stringify(events.map((e) => e.data))).not.toContain('Nguyễn Thị Hoa');
    const published = JSON.stringify(events.map(toIntegrationEvent));
    for (const personal of [COMMENT, 'Nguyễn Thị Hoa', VI_SUBJECT, ZH_BODY, 'an.nguyen', 'lanh.dao', 'comment'])
      expect(published).not.toContain(personal);
  });

  it('answers bad input with a 4xx problem and writes nothing', async () => {
    const caseId = await openCase(author);
    const { id, messageId } = await draftOf(caseId);
    const before = await head(app);
    const path = message(id, messageId);
    const cases: [string, () => Promise<{ status: number; body: any }>, number, string][] = [
      ['no comment', () => colleague.post(`${path}/return`, {}), 400, 'REQUEST.INVALID'],
      ['an empty comment', () => colleague.post(`${path}/return`, { comment: '' }), 400, 'REQUEST.INVALID'],
      ['a blank comment', () => colleague.post(`${path}/return`, { comment: '   ' }), 400, 'REQUEST.INVALID'],
      ['a comment of the wrong type', () => colleague.post(`${path}/return`, { comment: 7 }), 400, 'REQUEST.INVALID'],
      [
        'a message id that is no uuid',
        () => colleague.post(`${message(id, 'nope')}/release`),
        400,
        'REQUEST.INVALID_ID',
      ],
      [
        'a message not in the thread',
        () => colleague.post(`${message(id, '0190f5e4-0000-7000-8000-000000000000')}/release`),
        404,
        'EXCHANGE.MESSAGE_NOT_FOUND',
      ],
    ];
    for (const [what, send, status, code] of cases) {
      const r = await send();
      expect({ what, status: r.status, code: r.body.code }).toEqual({ what, status, code });
    }
    expect(await head(app)).toBe(before);
  });

  it('holds every outgoing message of a unit configured to release all', async () => {
    const caseId = await openCase(laoCai, { ...newCase, province: 'lao-cai' });
    const plain = { carriesPersonalData: false, personalData: undefined };
    const direct = await laoCai.post('/exchanges', newExchange([caseId], plain));
    expect([direct.status, direct.body.code]).toEqual([409, 'EXCHANGE.RELEASE_REQUIRED']);
    const drafted = await laoCai.post('/exchanges', newExchange([caseId], { ...plain, draft: true }));
    expect(drafted.status).toBe(201);
    const incoming = await laoCai.post(`/exchanges/${drafted.body.id}/messages`, {
      ...firstMessage,
      direction: 'incoming',
      carriesPersonalData: false,
      personalData: undefined,
      occurredAt: '2026-03-05T11:00:00+08:00',
    });
    expect(incoming.status).toBe(200);
  });
});
