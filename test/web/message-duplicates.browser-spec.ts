import { CommandBus } from '@nestjs/cqrs';
import { EVENT_STORE } from '#event-store';
import { InboundRecorder, parseCounterpartMessage } from '#messaging';
import { newId } from '#shared-kernel';
import type { Caller } from '../e2e/support/test-app.js';
import { seedNamesakeCases } from './support/duplicates-fixtures.js';
import { OFFICER, openAs, seriousViolations, describeInBrowser, type WebHarness } from './support/web-harness.js';

/**
 * Possible duplicates of the persons a counterpart message names (issue 12), in Chromium: the
 * case page's thread row says the message names a person; asked, it lists the person already in
 * another case of the province, as a link with how the counterpart's characters read, and never
 * shows the candidate's name. The message is recorded by the gateway's own recorder (the Kafka
 * leg is test/kafka/gateway.int-spec.ts).
 */
describeInBrowser('possible duplicates of persons an incoming message names, in Chromium', (start) => {
  let h: WebHarness;
  let api: Caller;

  beforeAll(async () => {
    h = await start('message duplicates in a browser');
    await h.createAccount(OFFICER);
    api = await h.app.as('liaison_officer', { sub: 'seed.officer' });
  }, 120_000);

  it('a letter naming 陳氏明 offers the Trần Thị Minh of another case, as a link and a reading, without her name', async () => {
    const { earlier, caseId } = await seedNamesakeCases(api);
    const parsed = parseCounterpartMessage(
      Buffer.from(
        JSON.stringify({
          messageId: `GX-${newId()}`,
          counterpart: 'CN-GX-PSD',
          language: 'zh',
          subject: '关于一名获救妇女的通报',
          body: '我方解救一名越南籍妇女，请核查身份。',
          sentAt: '2026-03-06T10:00:00+08:00',
          caseIds: [caseId],
          persons: [{ names: ['陳氏明'] }],
        }),
      ),
    );
    if (!parsed.ok) throw new Error(`message: ${parsed.rejection.reason}`);
    const recorder = new InboundRecorder(h.app.app.get(CommandBus), h.app.app.get(EVENT_STORE));
    const outcome = await recorder.record(parsed.message, parsed.requestHash);
    if (outcome.kind !== 'recorded') throw new Error(`not recorded: ${outcome.kind}`);

    const { page, problems } = await openAs(h, OFFICER);
    await page.goto(`${h.url}/cases/${caseId}?minPosition=${outcome.position}`);
    const panel = page.getByRole('region', { name: 'Thư thứ 1 của phía bạn nêu tên 1 người' });
    await panel.getByRole('button', { name: 'Tìm trong những người đã được ghi nhận' }).click();
    const found = panel.getByRole('status').filter({ hasText: '陳氏明 đọc là trần thị minh' });
    await found.waitFor();
    const link = found.getByRole('link', { name: 'Mở vụ việc thứ 1 có người trùng tên' });
    expect(await link.getAttribute('href')).toBe(`/cases/${earlier}`);
    expect(await found.innerText()).not.toContain('Trần Thị Minh');
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
