import type { Caller } from '../e2e/support/test-app.js';
import { seedNamesakeCases } from './support/duplicates-fixtures.js';
import { OFFICER, openAs, seriousViolations, describeInBrowser, type WebHarness } from './support/web-harness.js';

/**
 * Possible duplicates in the register-person form (issue 12), in Chromium: while the officer types
 * a name in characters, the form lists the person already in another case of the province, with a
 * link to that case and how the typed name reads, and never shows the candidate's name.
 */
describeInBrowser('possible duplicates while registering a person, in Chromium', (start) => {
  let h: WebHarness;
  let api: Caller;

  beforeAll(async () => {
    h = await start('possible duplicates in a browser');
    await h.createAccount(OFFICER);
    api = await h.app.as('liaison_officer', { sub: 'seed.officer' });
  }, 120_000);

  it('typing 陳氏明 shows the Trần Thị Minh of another case, as a link and a reading, without her name', async () => {
    const { earlier, caseId, position } = await seedNamesakeCases(api);

    const { page, problems } = await openAs(h, OFFICER);
    await page.goto(`${h.url}/cases/${caseId}?minPosition=${position}`);
    await page.getByRole('button', { name: 'Đăng ký người liên quan' }).click();
    const form = page.getByRole('form', { name: 'Đăng ký người liên quan' });
    await form.getByLabel('Họ và tên').fill('陳氏明');
    const found = form.getByRole('status').filter({ hasText: '陳氏明 đọc là trần thị minh' });
    await found.waitFor();
    const link = found.getByRole('link', { name: 'Mở vụ việc thứ 1 có người trùng tên' });
    expect(await link.getAttribute('href')).toBe(`/cases/${earlier}`);
    expect(await found.innerText()).not.toContain('Trần Thị Minh');
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);

    await link.click();
    await page.waitForURL(`${h.url}/cases/${earlier}`);
  });
});
