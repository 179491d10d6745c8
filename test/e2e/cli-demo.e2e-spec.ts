import { parseArgs } from '../../apps/cli/src/cli-args.js';
import { demoCommand } from '../../apps/cli/src/demo.command.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('npm run cli -- demo', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = (await startTestApp('pglite'))!;
  }, 60_000);
  afterAll(async () => app.close());

  it('loads a Lạng Sơn case with a vi/zh exchange, a verification and a confirmed handover at Hữu Nghị', async () => {
    const said: string[] = [];
    const ids = await demoCommand(parseArgs(['demo', '--url', app.url]), app.config, (l) => said.push(l));
    expect(said.at(-1)).toContain(ids.caseId);

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
    const exchange = await officer.get(`/exchanges/${ids.exchangeId}`);
    expect(exchange.body.messages[0]).toMatchObject({ language: 'zh', body: expect.stringContaining('解救记录') });
    expect((await officer.get(`/cases/${ids.caseId}/integrity`)).body.valid).toBe(true);
  }, 60_000);

  it('says clearly when the service is not running', async () => {
    await expect(
      demoCommand(parseArgs(['demo', '--url', 'http://127.0.0.1:9']), app.config, () => undefined),
    ).rejects.toThrow(/start the service first/);
  });
});
