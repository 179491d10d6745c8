import type { Page } from 'playwright-core';
import { conducted, fillConfirmation, handoverOfToday, outbox } from './support/gate-offline-fixtures.js';
import {
  GUARD,
  PASSWORD,
  PHONE_VIEWPORT,
  screenshot,
  seriousViolations,
  signIn,
  describeInBrowser,
  type WebHarness,
} from './support/web-harness.js';

// The gate app without a link: the service worker's shell and copies, an offline confirmation.
// How the outbox treats refusals and a shared phone: gate-outbox.browser-spec.ts.

/**
 * Once the gate's service worker controls the page (it claims it on activation). A promise in
 * the page, not waitForFunction: its polling evaluates a string there, which the CSP refuses.
 */
async function controlledByWorker(page: Page): Promise<void> {
  await page.evaluate(
    "navigator.serviceWorker.controller ? undefined : new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }))",
  );
}

async function openHandover(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Cửa khẩu quốc tế Hữu Nghị' }).first().click();
  await page.getByRole('heading', { name: 'Người được tiếp nhận' }).waitFor();
  await page.getByRole('heading', { name: 'Nguyễn Thị Hoa', level: 3 }).waitFor();
}

describeInBrowser('the gate app offline (Chromium, 360 px)', (start) => {
  let h: WebHarness;

  beforeAll(async () => {
    h = await start('gate offline');
    await h.createAccount(GUARD);
  }, 120_000);

  it('a confirmation made offline survives a reload offline and is recorded exactly once when the link returns', async () => {
    const { handoverId, caseId, officer } = await handoverOfToday(h);
    const { context, page, problems } = await h.open(PHONE_VIEWPORT);
    await page.goto(`${h.url}/gate`);
    await signIn(page, GUARD.username);
    await page.getByRole('heading', { name: 'Bàn giao tại cửa khẩu', level: 1 }).waitFor();
    await controlledByWorker(page);
    // Read once under the worker, as a guard does on arrival: the list, the handover, its persons.
    await page.reload();
    await page.getByRole('heading', { name: 'Bàn giao tại cửa khẩu', level: 1 }).waitFor();
    await openHandover(page);
    expect(page.url()).toBe(`${h.url}/gate/handovers/${handoverId}`);
    const identity = await page.getByRole('article').filter({ hasText: 'Nguyễn Thị Hoa' }).innerText();
    expect(identity).toContain('阮氏花');
    expect(identity).toContain('2009-05-17');
    expect(await page.getByText('Giờ Việt Nam', { exact: true }).count()).toBeGreaterThan(0);
    expect(await page.getByText('Giờ Trung Quốc', { exact: true }).count()).toBeGreaterThan(0);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE_VIEWPORT.width);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'gate-handover');

    await context.setOffline(true);
    await fillConfirmation(page, '07/BB-ĐBP');
    await page.getByRole('button', { name: 'Xác nhận bàn giao' }).click();
    const item = page.locator('.outbox li').filter({ hasText: 'Xác nhận bàn giao' });
    await item.getByText('Chờ gửi').waitFor();

    // Reloaded with no link: the app, the handover and the pending item are still there.
    const reloaded = await page.reload();
    expect(reloaded?.fromServiceWorker()).toBe(true);
    expect(await page.evaluate('navigator.onLine')).toBe(false);
    // Really offline, the worker included: what it has not cached cannot be had.
    const probe = await page.evaluate(
      "fetch('/assets/not-cached-probe.js').then((r) => 'answered ' + r.status, () => 'no answer')",
    );
    expect(probe).toBe('no answer');
    await page.getByRole('heading', { name: 'Người được tiếp nhận' }).waitFor();
    await item.getByText('Chờ gửi').waitFor();
    expect(await conducted(officer, caseId)).toBe(0);
    await screenshot(page, 'gate-outbox-pending');
    // The other languages' strings were precached with the app: 中文 works offline too.
    await page.getByRole('combobox', { name: 'Ngôn ngữ' }).selectOption({ label: '中文' });
    await page.getByRole('heading', { name: '接收人员' }).waitFor();
    await page.locator('.outbox li').getByText('等待发送').waitFor();
    await page.getByRole('combobox', { name: 'Ngôn ngữ' }).selectOption({ label: 'Tiếng Việt' });
    await page.getByRole('heading', { name: 'Người được tiếp nhận' }).waitFor();

    await context.setOffline(false);
    await item
      .getByText(/^Đã gửi lúc /)
      .waitFor({ timeout: 45_000 })
      .catch(async (error: unknown) => {
        throw new Error(`not sent: ${JSON.stringify(await outbox(page))}`, { cause: error });
      });
    // Another chance to send twice: the link "returns" again and the page reloads.
    await page.evaluate("window.dispatchEvent(new Event('online'))");
    await page.reload();
    await item.getByText(/^Đã gửi lúc /).waitFor();
    const handover = await officer.get(`/handovers/${handoverId}`);
    // Conducted, with its minutes signed: one submission at the gate records both.
    expect(handover.body.status).toBe('minutes_signed');
    expect(handover.body.minutes.number).toBe('07/BB-ĐBP');
    expect(await conducted(officer, caseId, 10_000)).toBe(1);
    // Confirmed: the persons' identities have left the phone's cache.
    const cachedPersons = await page.evaluate(
      "caches.open('blo-gate-data').then((c) => c.keys()).then((keys) => keys.filter((r) => r.url.includes('/api/v1/persons/')).length)",
    );
    expect(cachedPersons).toBe(0);

    // Signing out leaves nothing read as the guard in the cache; the sent item stays, without its body.
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByLabel('Tên đăng nhập').waitFor();
    for (let i = 0; i < 40 && (await page.evaluate("caches.has('blo-gate-data')")); i += 1)
      await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await page.evaluate("caches.has('blo-gate-data')")).toBe(false);
    expect(await outbox(page)).toEqual([expect.objectContaining({ state: 'sent', body: '' })]);

    // The worker and the page are revalidated on every visit; the manifest makes the app installable.
    const worker = await page.request.get(`${h.url}/gate-sw.js`);
    expect(worker.headers()['cache-control']).toBe('no-cache');
    expect(worker.headers()['content-type']).toMatch(/javascript/);
    const manifest = await page.request.get(`${h.url}/gate.webmanifest`);
    expect(manifest.status()).toBe(200);
    expect((await manifest.json()).start_url).toBe('/gate');
    expect(problems).toEqual([]);
  });

  it("a second load draws today's handovers from the phone while the api does not answer; an ended session still leads to the sign-in page", async () => {
    const { handoverId } = await handoverOfToday(h);
    // Not yet scheduled: the server lists it, the phone's copy (today's only) does not.
    await handoverOfToday(h, false);
    const { context, page, problems } = await h.open(PHONE_VIEWPORT);
    // Signed in before the first visit: the page reads who and the list before its worker exists,
    // and the worker, once active, copies them itself.
    const signedIn = await page.request.post(`${h.url}/api/v1/session`, {
      data: { username: GUARD.username, password: PASSWORD },
    });
    expect(signedIn.ok()).toBe(true);
    await page.goto(`${h.url}/gate`);
    await page.getByRole('heading', { name: 'Hôm nay', level: 2 }).waitFor();
    await controlledByWorker(page);
    await cachedCopies(page, ['/api/v1/me', '/api/v1/handovers']);
    const waiting = page.getByRole('heading', { name: 'Chờ xếp lịch', level: 2 });
    // Read under the worker, as a guard does on arrival: the handover and its persons.
    await page.goto(`${h.url}/gate/handovers/${handoverId}`);
    await page.getByRole('heading', { name: 'Nguyễn Thị Hoa', level: 3 }).waitFor();
    await cachedCopies(page, ['/api/v1/me', '/api/v1/handovers', '/api/v1/persons/']);

    // The api is reached but never answers: a network-first worker would leave the screen waiting.
    const asked = (path: string) =>
      new Promise<void>(
        (resolve) =>
          void context.route(
            (url) => url.pathname === path,
            () => resolve(),
          ),
      );
    const freshAsked = Promise.all([asked('/api/v1/me'), asked('/api/v1/handovers')]);
    const reloaded = await page.goto(`${h.url}/gate`);
    expect(reloaded?.fromServiceWorker()).toBe(true);
    await page.getByRole('heading', { name: 'Hôm nay', level: 2 }).waitFor();
    await page.getByRole('link', { name: 'Cửa khẩu quốc tế Hữu Nghị' }).first().waitFor();
    await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
    // Fresh copies were asked for (and never came) while the copies were drawn.
    await freshAsked;
    expect(await waiting.count()).toBe(0);
    await context.unrouteAll({ behavior: 'ignoreErrors' });
    // With a link, the server's answer follows the copy on screen.
    await page.goto(`${h.url}/gate`);
    await waiting.waitFor();
    await page.getByRole('heading', { name: 'Hôm nay', level: 2 }).waitFor();

    // The session ends on the server (signed out elsewhere) while the phone holds its copies.
    const me = await page.request.get(`${h.url}/api/v1/me`);
    const signedOut = await page.request.delete(`${h.url}/api/v1/session`, {
      headers: { 'X-CSRF-Token': ((await me.json()) as { csrfToken: string }).csrfToken },
    });
    expect(signedOut.ok()).toBe(true);
    await page.reload();
    await page.getByLabel('Tên đăng nhập').waitFor();
    expect(await page.locator('.handover-card').count()).toBe(0);
    expect(await page.evaluate("caches.has('blo-gate-data')")).toBe(false);
    await page.goto(`${h.url}/gate/handovers/${handoverId}`);
    await page.getByLabel('Tên đăng nhập').waitFor();
    expect(await page.getByText('Nguyễn Thị Hoa').count()).toBe(0);
    expect(problems).toEqual([]);
  });
});

/** Once the worker's data cache holds a copy of each of these api paths (a path ending in / is a prefix). */
async function cachedCopies(page: Page, paths: string[]): Promise<void> {
  const held = () =>
    page.evaluate<boolean>(`caches.open('blo-gate-data').then((c) => c.keys()).then((keys) => {
      const held = keys.map((r) => new URL(r.url).pathname);
      return ${JSON.stringify(paths)}.every((p) => held.some((h) => h === p || (p.endsWith('/') && h.startsWith(p))));
    })`);
  for (const until = Date.now() + 20_000; !(await held());) {
    if (Date.now() > until) throw new Error(`not all cached: ${paths.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
