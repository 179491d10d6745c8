import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { clockIn, scheduleHandover } from './support/gate-fixtures.js';
import {
  DESKTOP_VIEWPORT,
  GUARD,
  OFFICER,
  PHONE_VIEWPORT,
  screenshot,
  seriousViolations,
  signIn,
  describeInBrowser,
  type WebHarness,
} from './support/web-harness.js';

/** `<html lang>` once the app has set it (it follows the chosen language). */
async function waitForLang(page: Page, lang: string): Promise<void> {
  await page.locator(`html[lang="${lang}"]`).waitFor({ state: 'attached' });
}

const navLinks = (page: Page) => page.getByRole('navigation').getByRole('link').allInnerTexts();

async function chooseLanguage(page: Page, name: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Ngôn ngữ' }).selectOption({ label: name });
}

describeInBrowser('the web app in Chromium', (start) => {
  let h: WebHarness;

  beforeAll(async () => {
    h = await start('web app in a browser');
    await h.createAccount(OFFICER);
    await h.createAccount(GUARD);
  }, 120_000);

  it('gate: stays within 100 KB of gzipped JavaScript for a phone on a slow link', () => {
    const build = JSON.parse(readFileSync(join(import.meta.dirname, '../../dist/web-build.json'), 'utf8'));
    expect(build.entries.gate.gzippedScriptBytes).toBeLessThanOrEqual(100 * 1024);
  });

  it('desktop: Vietnamese first, 中文 and English a click away and remembered, refusals in words, sign-out', async () => {
    const { page, problems } = await h.open(DESKTOP_VIEWPORT);
    await page.goto(`${h.url}/`);
    await page.getByLabel('Tên đăng nhập').waitFor();
    await waitForLang(page, 'vi');
    expect(await page.getByLabel('Mật khẩu').getAttribute('type')).toBe('password');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'desktop-sign-in');

    await signIn(page, OFFICER.username, 'không phải mật khẩu này');
    const refusal = page.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.innerText()).toBe(
      'Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản không được phép đăng nhập.',
    );
    expect(await page.getByLabel('Mật khẩu').inputValue()).toBe('');

    await signIn(page, OFFICER.username);
    await page.getByRole('heading', { name: 'Xin chào, Nguyễn Thị Hoa' }).waitFor();
    const header = await page.getByRole('banner').innerText();
    for (const text of ['Nguyễn Thị Hoa', 'Cán bộ BLO', 'Văn phòng liên lạc biên giới Lạng Sơn'])
      expect(header).toContain(text);
    // The unit is named from its code; the home page keeps the code beside the name.
    expect(header).not.toContain('VN-LS-BLO');
    expect(await page.locator('.facts').innerText()).toContain('Văn phòng liên lạc biên giới Lạng Sơn (VN-LS-BLO)');
    // What an officer may do (GET /me `may`): no audit, no user administration.
    expect(await navLinks(page)).toEqual([
      'Trang đầu',
      'Vụ việc',
      'Thời hạn',
      'Hội đàm, giao ban',
      'Báo cáo Ban Chỉ đạo',
      'Thống kê',
    ]);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'desktop-shell');

    await chooseLanguage(page, '中文');
    await waitForLang(page, 'zh-Hans');
    await page.getByRole('heading', { name: '您好，Nguyễn Thị Hoa' }).waitFor();
    expect(await navLinks(page)).toEqual(['首页', '案件', '期限', '会谈与例会', '指导委员会报告', '统计']);
    expect(await page.getByRole('banner').innerText()).toContain('谅山省边境联络办公室');
    await screenshot(page, 'desktop-shell-zh');

    await chooseLanguage(page, 'English');
    await waitForLang(page, 'en');
    await page.getByRole('link', { name: 'Cases' }).click();
    await page.getByRole('heading', { name: 'Cases' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/cases');

    // A reload lands on the same screen (history fallback), still signed in, still in English.
    await page.reload();
    await page.getByRole('heading', { name: 'Cases' }).waitFor();
    await waitForLang(page, 'en');
    expect(await page.title()).toBe('BLO Ledger');

    await chooseLanguage(page, 'Tiếng Việt');
    await waitForLang(page, 'vi');
    await page.getByRole('heading', { name: 'Vụ việc' }).waitFor();

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('status').filter({ hasText: 'Bạn đã đăng xuất.' }).waitFor();
    await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
    expect((await page.request.get(`${h.url}/api/v1/me`)).status()).toBe(401);
    expect(problems).toEqual([]);
  });

  it('gate: at 360 px a guard sees the handover at their gate in Vietnam and China time; a lost session returns to sign-in', async () => {
    const { scheduledAt } = await scheduleHandover(h.app, GUARD);
    const { context, page, problems } = await h.open(PHONE_VIEWPORT);
    await page.goto(`${h.url}/gate`);
    await page.getByLabel('Tên đăng nhập').waitFor();
    await waitForLang(page, 'vi');
    expect(await page.title()).toBe('BLO Ledger — Cửa khẩu');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'gate-sign-in');

    await signIn(page, GUARD.username);
    await page.getByRole('heading', { name: 'Bàn giao tại cửa khẩu', level: 1 }).waitFor();
    const card = page.getByRole('article').filter({ hasText: 'Cửa khẩu quốc tế Hữu Nghị' });
    await card.waitFor();
    const times = await card
      .locator('dl > div')
      .evaluateAll((rows) =>
        rows.map((row) => [row.querySelector('dt')?.textContent, row.querySelector('dd')?.textContent]),
      );
    expect(times).toEqual([
      ['Giờ Việt Nam', expect.stringContaining(clockIn(scheduledAt, 'Asia/Ho_Chi_Minh'))],
      ['Giờ Trung Quốc', expect.stringContaining(clockIn(scheduledAt, 'Asia/Shanghai'))],
    ]);
    expect(await card.innerText()).toContain('Đã xếp lịch');
    expect(await page.getByRole('banner').innerText()).toContain('Cửa khẩu quốc tế Hữu Nghị');
    // Nothing wider than the phone: no sideways scrolling at the gate.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE_VIEWPORT.width);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'gate-handovers');

    // The session ends behind the guard's back (cookie gone): the next call answers 401 and the
    // app returns to the sign-in page, saying why.
    await context.clearCookies();
    await page.getByRole('button', { name: 'Làm mới' }).click();
    await page.getByRole('status').filter({ hasText: 'Phiên làm việc đã kết thúc' }).waitFor();
    await page.getByLabel('Tên đăng nhập').waitFor();
    expect(problems).toEqual([]);
  });
});
