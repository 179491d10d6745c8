import { localTimes } from '#shared-kernel';
import type { BrowserContext, Page } from 'playwright-core';
import { conducted, fillConfirmation, handoverOfToday, outbox } from './support/gate-offline-fixtures.js';
import {
  GUARD,
  PHONE_VIEWPORT,
  seriousViolations,
  signIn,
  describeInBrowser,
  type WebHarness,
} from './support/web-harness.js';

// What the gate's outbox does when the service refuses an item (401, 409) and on a phone that
// guards share. The worker's copies and a confirmation made offline: gate-offline.browser-spec.ts.

/** Another guard of the same gate, sharing the phone. */
const SECOND_GUARD = { ...GUARD, username: 'web.guard2', name: 'Lò Văn Sáng' };

describeInBrowser('the gate outbox: refusals and a shared phone (Chromium, 360 px)', (start) => {
  let h: WebHarness;

  beforeAll(async () => {
    h = await start('gate outbox');
    await h.createAccount(GUARD);
    await h.createAccount(SECOND_GUARD);
  }, 120_000);

  it('a 401 keeps the item and asks to sign in again; it is sent after signing in', async () => {
    const { handoverId, caseId, officer } = await handoverOfToday(h);
    const { context, page, problems } = await h.open(PHONE_VIEWPORT);
    await page.goto(`${h.url}/gate/handovers/${handoverId}`);
    await signIn(page, GUARD.username);
    await page.getByRole('heading', { name: 'Nguyễn Thị Hoa', level: 3 }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await fillConfirmation(page, '08/BB-ĐBP');
    await clearSession(context);
    await page.getByRole('button', { name: 'Xác nhận bàn giao' }).click();
    await page.getByRole('status').filter({ hasText: 'Phiên làm việc đã kết thúc' }).waitFor();
    expect(await pendingItems(page)).toBe(1);
    expect(await conducted(officer, caseId)).toBe(0);

    await signIn(page, GUARD.username);
    await page.getByRole('heading', { name: 'Người được tiếp nhận' }).waitFor();
    await page.locator('.outbox li').filter({ hasText: 'Đã gửi lúc' }).first().waitFor({ timeout: 30_000 });
    expect(await pendingItems(page)).toBe(0);
    expect(await conducted(officer, caseId, 10_000)).toBe(1);
    expect(problems).toEqual([]);
  });

  it('a refusal (409) marks the item "Cần xử lý" in words; the guard discards it explicitly', async () => {
    const { handoverId } = await handoverOfToday(h);
    const { page, problems } = await h.open(PHONE_VIEWPORT);
    await page.goto(`${h.url}/gate/handovers/${handoverId}`);
    await signIn(page, GUARD.username);
    await page.getByRole('heading', { name: 'Nguyễn Thị Hoa', level: 3 }).waitFor();
    // Meanwhile a supervisor confirmed it from the office (the phone could not reach the service).
    const supervisor = await h.app.as('supervisor');
    const detail = await supervisor.get(`/handovers/${handoverId}`);
    const now = localTimes(new Date().toISOString()).vn;
    const confirmed = await supervisor.post(`/handovers/${handoverId}/confirmation`, {
      conductedAt: now,
      vnOfficers: ['Trần Văn Nam'],
      cnOfficers: ['王强'],
      received: (detail.body.personIds as string[]).map((personId) => ({ personId })),
      minutes: { number: '09/BB-ĐBP', signedAt: now, languages: ['vi', 'zh'] },
    });
    expect(confirmed.status).toBe(200);

    await fillConfirmation(page, '10/BB-ĐBP');
    await page.getByRole('button', { name: 'Xác nhận bàn giao' }).click();
    const item = page.locator('.outbox li').filter({ hasText: 'Xác nhận bàn giao' });
    await item.getByText('Cần xử lý').waitFor();
    expect(await item.getByRole('alert').innerText()).not.toBe('');
    expect(await outbox(page)).toEqual([
      expect.objectContaining({ state: 'attention', refusal: expect.objectContaining({ status: 409 }) }),
    ]);
    page.once('dialog', (dialog) => void dialog.accept());
    await item.getByRole('button', { name: 'Bỏ' }).click();
    await item.waitFor({ state: 'detached' });
    expect(await outbox(page)).toHaveLength(0);
    expect(problems).toEqual([]);
  });

  it('on a shared phone, a pending item is sent only with the session of the guard who made it', async () => {
    const { handoverId, caseId, officer } = await handoverOfToday(h);
    const { context, page, problems } = await h.open(PHONE_VIEWPORT);
    await page.goto(`${h.url}/gate/handovers/${handoverId}`);
    await signIn(page, GUARD.username);
    await page.getByRole('heading', { name: 'Nguyễn Thị Hoa', level: 3 }).waitFor();
    await context.setOffline(true);
    await fillConfirmation(page, '11/BB-ĐBP');
    await page.getByRole('button', { name: 'Xác nhận bàn giao' }).click();
    await page.locator('.outbox li').getByText('Chờ gửi').waitFor();
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByLabel('Tên đăng nhập').waitFor();
    // Counted from here (the same document, or a fresh one if signing in reloads it).
    await page.evaluate('delete document.documentElement.dataset.outboxAttempts');

    await context.setOffline(false);
    await signIn(page, SECOND_GUARD.username);
    await page.getByRole('heading', { name: 'Nguyễn Thị Hoa', level: 3 }).waitFor();
    await page.getByRole('heading', { name: 'Xác nhận bàn giao' }).waitFor();
    // The outbox has tried under the second guard's session (online, signed in) and finished.
    await page.waitForFunction("Number(document.documentElement.dataset.outboxAttempts ?? '0') > 0");
    expect(await page.locator('.outbox').count()).toBe(0);
    expect(await pendingItems(page)).toBe(1);
    expect(await conducted(officer, caseId)).toBe(0);

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await signIn(page, GUARD.username);
    await page
      .locator('.outbox li')
      .getByText(/^Đã gửi lúc /)
      .waitFor({ timeout: 30_000 });
    expect(await conducted(officer, caseId, 10_000)).toBe(1);
    expect(problems).toEqual([]);
  });
});

async function clearSession(context: BrowserContext): Promise<void> {
  await context.clearCookies();
}

/** Items of the outbox (IndexedDB) still waiting to be sent. */
async function pendingItems(page: Page): Promise<number> {
  return (await outbox(page)).filter((i) => i.state === 'pending').length;
}
