import type { Caller } from '../e2e/support/test-app.js';
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

  const openCase = async (summary: string): Promise<string> => {
    const r = await api.post('/cases', {
      channel: 'hotline',
      province: 'lang-son',
      summary,
      occurredAt: '2026-03-05T09:00:00+07:00',
    });
    if (r.status !== 201) throw new Error(`case: ${r.status} ${JSON.stringify(r.body)}`);
    return (r.body as { id: string }).id;
  };

  it('typing 陳氏明 shows the Trần Thị Minh of another case, as a link and a reading, without her name', async () => {
    const earlier = await openCase('Tin báo: một phụ nữ bị giữ tại Bằng Tường');
    const person = await api.post(`/cases/${earlier}/persons`, { role: 'presumed_victim', fullName: 'Trần Thị Minh' });
    if (person.status !== 201) throw new Error(`person: ${person.status} ${JSON.stringify(person.body)}`);
    const caseId = await openCase('Công hàm phía bạn nêu tên một phụ nữ được giải cứu');

    const { page, problems } = await openAs(h, OFFICER);
    await page.goto(`${h.url}/cases/${caseId}?minPosition=${(person.body as { position: string }).position}`);
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
