import { startTestApp, type Caller, type TestApp } from './support/test-app.js';
import { head, openCase } from './support/journey.js';
import { newExchange, newVerification } from './support/exchange-fixtures.js';

/**
 * Urgent and normal (issue 11) over HTTP: an urgent thread's letter is due by the urgent limit,
 * a change of priority moves it, a verification request without a due time gets its priority's
 * limit, and the statistics count each priority under its own limit.
 */
const HOUR = 3_600_000;
/** A time `hours` before now, declared in Vietnam time. */
const hoursAgo = (hours: number): string => {
  const vn = new Date(Date.now() - hours * HOUR + 7 * HOUR).toISOString().slice(0, 19);
  return `${vn}+07:00`;
};
const plain = { carriesPersonalData: false, personalData: undefined, responseDueAt: undefined };

describe('priorities of exchanges and verification requests over HTTP (pglite)', () => {
  let app: TestApp;
  let officer: Caller;
  let supervisor: Caller;

  beforeAll(async () => {
    app = await startTestApp('pglite');
    officer = await app.as('liaison_officer');
    supervisor = await app.as('supervisor');
  }, 60_000);
  afterAll(async () => app?.close());

  const onBoard = async (position: string, id: string) => {
    const board = await officer.get(`/deadlines?minPosition=${position}`);
    expect(board.status).toBe(200);
    const overdue = (board.body.overdue as { id: string; priority: string }[]).find((d) => d.id === id);
    return overdue ?? null;
  };

  it('an urgent thread’s letter is overdue after the urgent limit; back to normal, it is not', async () => {
    const caseId = await openCase(officer);
    const sentAt = hoursAgo(10);
    const opened = await officer.post(
      '/exchanges',
      newExchange([caseId], { ...plain, occurredAt: sentAt, priority: 'urgent' }),
    );
    expect(opened.status).toBe(201);
    const { id, messageId } = opened.body as { id: string; messageId: string };
    expect((await officer.get(`/exchanges/${id}`)).body.priority).toBe('urgent');
    const late = await onBoard(opened.body.position, messageId);
    expect(late).toMatchObject({ priority: 'urgent', owedBy: 'counterpart' });
    expect(Date.parse((late as unknown as { dueAt: string }).dueAt)).toBe(Date.parse(sentAt) + 8 * HOUR);

    const lowered = await officer.post(`/exchanges/${id}/priority`, { priority: 'normal', reason: 'Đã bàn giao' });
    expect(lowered.status).toBe(200);
    expect(await onBoard(lowered.body.position, messageId)).toBeNull();
    expect((await officer.get(`/exchanges/${id}`)).body.priority).toBe('normal');
  });

  it('refuses a change to the priority it has, to an unknown one, or without a reason, and writes nothing', async () => {
    const caseId = await openCase(officer);
    const { id } = (await officer.post('/exchanges', newExchange([caseId], plain))).body as { id: string };
    const before = await head(app);
    const cases: [object, number, string][] = [
      [{ priority: 'normal', reason: 'vẫn thường' }, 409, 'EXCHANGE.PRIORITY_UNCHANGED'],
      [{ priority: 'asap', reason: 'x' }, 400, 'REQUEST.INVALID'],
      [{ priority: 'urgent', reason: '' }, 400, 'REQUEST.INVALID'],
      [{ priority: 'urgent' }, 400, 'REQUEST.INVALID'],
    ];
    for (const [body, status, code] of cases) {
      const r = await officer.post(`/exchanges/${id}/priority`, body);
      expect({ body, status: r.status, code: r.body.code }).toEqual({ body, status, code });
    }
    const opened = await officer.post('/exchanges', newExchange([caseId], { ...plain, priority: 'soon' }));
    expect([opened.status, opened.body.code]).toEqual([400, 'REQUEST.INVALID']);
    expect(await head(app)).toBe(before);
  });

  it('a verification request without a due time is due by its priority’s limit; its priority changes with a reason', async () => {
    const caseId = await openCase(officer);
    const occurredAt = '2026-03-05T09:00:00+07:00';
    const ask = (priority?: string) =>
      officer.post(
        '/verification-requests',
        newVerification(caseId, { dueAt: undefined, occurredAt, ...(priority ? { priority } : {}) }),
      );
    const urgent = await ask('urgent');
    const normal = await ask();
    expect([urgent.status, normal.status]).toEqual([201, 201]);
    const u = (await officer.get(`/verification-requests/${urgent.body.id}`)).body;
    const n = (await officer.get(`/verification-requests/${normal.body.id}`)).body;
    expect([u.priority, u.dueAt.at]).toEqual(['urgent', '2026-03-05T10:00:00.000Z']);
    expect([n.priority, n.dueAt.at]).toEqual(['normal', '2026-03-12T02:00:00.000Z']);

    const raised = await supervisor.post(`/verification-requests/${normal.body.id}/priority`, {
      priority: 'urgent',
      reason: 'Bàn giao sáng mai',
    });
    expect(raised.status).toBe(200);
    const after = (await officer.get(`/verification-requests/${normal.body.id}`)).body;
    // The due time stated stays; the priority is what the board and statistics show.
    expect([after.priority, after.dueAt.at]).toEqual(['urgent', '2026-03-12T02:00:00.000Z']);
  });

  it('the statistics give each priority its reply counts under its own limit', async () => {
    const caseId = await openCase(officer);
    const sent = await officer.post(
      '/exchanges',
      newExchange([caseId], { ...plain, occurredAt: hoursAgo(12), priority: 'urgent' }),
    );
    const period = `${new Date(Date.now() + 7 * HOUR).getUTCFullYear()}`;
    const stats = await officer.get(`/reports/statistics?period=${period}&minPosition=${sent.body.position}`);
    expect(stats.status).toBe(200);
    // Two urgent letters sent this year, both past eight hours unanswered: counts under 11 are
    // published suppressed, like every count of people's cases.
    expect(stats.body.priorities.urgent.messages).toEqual({
      sent: '<11',
      answered: 0,
      replyHours: { median: null, p90: null },
      overdue: '<11',
    });
    expect(Object.keys(stats.body.priorities).sort()).toEqual(['normal', 'urgent']);
  });
});
