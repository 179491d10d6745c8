import { parseArgs } from '../../apps/cli/src/cli-args.js';
import { demoCommand } from '../../apps/cli/src/demo.command.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('npm run cli -- demo', () => {
  let app: TestApp;
  beforeAll(async () => {
    // The demo runs against a service as deployed: its letter waits for a second officer's release.
    app = await startTestApp('pglite', { EXCHANGE_RELEASE: 'personal_data' });
  }, 60_000);
  afterAll(async () => app.close());

  it('loads a Lạng Sơn case with a vi/zh exchange, a verification and a confirmed handover at Hữu Nghị', async () => {
    const said: string[] = [];
    const ids = await demoCommand(parseArgs(['demo', '--url', app.url]), app.config, (l) => said.push(l));
    expect(said.find((l) => l.startsWith('Demo case:'))).toContain(ids.caseId);

    const officer = await app.as('liaison_officer');
    const view = await officer.get(`/cases/${ids.caseId}`);
    expect(view.body).toMatchObject({
      province: 'lang-son',
      persons: [expect.objectContaining({ fullName: 'Nguyễn Thị Hoa' })],
      exchangeIds: [ids.exchangeId],
      verificationIds: [ids.verificationId],
      handoverIds: [ids.handoverId],
    });
    const handover = await officer.get(`/handovers/${ids.handoverId}`);
    expect(handover.body.status).toBe('minutes_signed');
    // Held because it names her, then released by the supervisor: sent, on the reply clock.
    const verification = await officer.get(`/verification-requests/${ids.verificationId}`);
    expect(verification.body).toMatchObject({ status: 'requested', release: { state: 'released' } });
    const exchange = await officer.get(`/exchanges/${ids.exchangeId}`);
    expect(exchange.body.messages[0]).toMatchObject({ language: 'zh', body: expect.stringContaining('解救记录') });
    expect((await officer.get(`/cases/${ids.caseId}/integrity`)).body.valid).toBe(true);
  }, 60_000);

  it('creates one account per role that signs in with the printed password, and renews it on a second run', async () => {
    const said: string[] = [];
    const first = await demoCommand(parseArgs(['demo', '--url', app.url]), app.config, (l) => said.push(l));
    expect(said.join('\n')).toContain(first.demoPassword);
    const signIn = (username: string, password: string) =>
      app.raw('/api/v1/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
    const roles: Record<string, string> = {};
    for (const username of ['demo.officer', 'demo.supervisor', 'demo.guard', 'demo.auditor', 'demo.admin']) {
      const r = await signIn(username, first.demoPassword);
      expect({ username, status: r.status }).toEqual({ username, status: 200 });
      roles[username] = r.body.roles[0];
      expect(r.body.province).toBe('lang-son');
    }
    expect(Object.values(roles).sort()).toEqual(['admin', 'auditor', 'border_guard', 'liaison_officer', 'supervisor']);
    const second = await demoCommand(parseArgs(['demo', '--url', app.url]), app.config, () => undefined);
    expect((await signIn('demo.guard', first.demoPassword)).status).toBe(401);
    expect((await signIn('demo.guard', second.demoPassword)).status).toBe(200);
  }, 120_000);

  it('says clearly when the service is not running', async () => {
    await expect(
      demoCommand(parseArgs(['demo', '--url', 'http://127.0.0.1:9']), app.config, () => undefined),
    ).rejects.toThrow(/start the service first/);
  });
});
