import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { describeWhen, recordSkip } from '#testing';
import { startTestApp, type Caller, type TestApp } from '../../e2e/support/test-app.js';

const ROOT = join(import.meta.dirname, '../../..');

// Debian's Chromium flags and the two screen sizes, shared with `npm run bench -- web` so the
// figures there are taken in the browser these tests use.
export { CHROMIUM_ARGS, DESKTOP_VIEWPORT, PHONE_VIEWPORT } from '../../../bench/web-browser.js';
import { CHROMIUM_ARGS, DESKTOP_VIEWPORT } from '../../../bench/web-browser.js';

/** A password the account rules accept (at least 12 characters), Vietnamese included. */
export const PASSWORD = 'Mật khẩu đủ dài 2026!';

export interface Account {
  readonly username: string;
  readonly name: string;
  readonly roles: readonly string[];
  readonly unit: string;
  readonly province: string;
  readonly gates?: readonly string[];
}

/** Like the demo's accounts (`npm run cli -- demo`): an officer and a guard of Lạng Sơn. */
export const OFFICER: Account = {
  username: 'web.officer',
  name: 'Nguyễn Thị Hoa',
  roles: ['liaison_officer'],
  unit: 'VN-LS-BLO',
  province: 'lang-son',
};
export const GUARD: Account = {
  username: 'web.guard',
  name: 'Hoàng Văn Đức',
  roles: ['border_guard'],
  unit: 'VN-LS-BP-HUUNGHI',
  province: 'lang-son',
  gates: ['HUU_NGHI'],
};

/** A supervisor, an auditor and an administrator of Lạng Sơn, as the demo creates them. */
export const SUPERVISOR: Account = {
  username: 'web.supervisor',
  name: 'Trần Văn Bình',
  roles: ['supervisor'],
  unit: 'VN-LS-BLO',
  province: 'lang-son',
};
export const AUDITOR: Account = {
  username: 'web.auditor',
  name: 'Lê Thị Thanh',
  roles: ['auditor'],
  unit: 'VN-LS-TTR',
  province: 'lang-son',
};
export const ADMIN: Account = {
  username: 'web.admin',
  name: 'Phạm Minh Quân',
  roles: ['admin'],
  unit: 'VN-LS-BLO',
  province: 'lang-son',
};
/** A second officer of Lạng Sơn: releases what OFFICER drafts (second-officer release, issue 10). */
export const SECOND_OFFICER: Account = {
  username: 'web.officer2',
  name: 'Lý Văn Minh',
  roles: ['liaison_officer'],
  unit: 'VN-LS-BLO',
  province: 'lang-son',
};
/** An officer of the other province, for need-to-know: Lạng Sơn's records are not hers. */
export const LAO_CAI_OFFICER: Account = {
  username: 'web.officer.laocai',
  name: 'Vàng Thị Mai',
  roles: ['liaison_officer'],
  unit: 'VN-LC-BLO',
  province: 'lao-cai',
};

export interface BrowserPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Script errors and content-security-policy refusals seen so far: a screen should have none. */
  readonly problems: string[];
}

export interface WebHarness {
  /** The real service on a fresh embedded store, serving dist/web. */
  readonly app: TestApp;
  readonly url: string;
  readonly admin: Caller;
  readonly browser: Browser;
  /** A new browser profile (cookies, storage) at a viewport; closed with the harness. */
  open(viewport?: { width: number; height: number }): Promise<BrowserPage>;
  /** Creates a sign-in through the admin API, as `npm run cli -- user add` does. */
  createAccount(account: Account, password?: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Chromium's path from the browser project's global setup, or null with the skip recorded (a
 * developer's machine without Chromium; CI fails in the setup instead).
 */
export function chromiumOrSkip(suite: string): string | null {
  const path = process.env.BLO_CHROMIUM_PATH;
  if (path) return path;
  recordSkip(`${suite}: ${process.env.BLO_BROWSER_SKIP ?? 'Chromium not available'}`);
  return null;
}

/** Starts the service (with `env` over the test defaults) and Chromium for a browser suite, or null when it must skip. */
export async function startWebHarness(suite: string, env: Record<string, string> = {}): Promise<WebHarness | null> {
  const executablePath = chromiumOrSkip(suite);
  if (!executablePath) return null;
  // Suites sign in many times from 127.0.0.1: the sign-in limits are tested elsewhere.
  const app = await startTestApp('pglite', { SIGNIN_MAX_PER_ADDRESS: '1000', SIGNIN_MAX_PER_ACCOUNT: '100', ...env });
  if (!app) throw new Error('the embedded store never skips');
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  const admin = await app.as('admin');
  const contexts: BrowserContext[] = [];
  return {
    app,
    url: app.url,
    admin,
    browser,
    async open(viewport = DESKTOP_VIEWPORT) {
      const phone = viewport.width < 600;
      const context = await browser.newContext({
        viewport,
        ...(phone ? { isMobile: true, hasTouch: true } : {}),
        // Screens are read in Vietnam; the browser's own clock zone must not leak into them.
        timezoneId: 'Asia/Ho_Chi_Minh',
        locale: 'vi-VN',
      });
      contexts.push(context);
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text()))
          problems.push(`CSP: ${message.text()}`);
      });
      return { context, page, problems };
    },
    async createAccount(account, password = PASSWORD) {
      const r = await admin.post('/users', { ...account, password });
      if (r.status !== 201) throw new Error(`account ${account.username}: ${r.status} ${JSON.stringify(r.body)}`);
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await app.close();
    },
  };
}

/** Fills the sign-in form by its Vietnamese labels, as a person (or an outside test) would. */
export async function signIn(page: Page, username: string, password = PASSWORD): Promise<void> {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

/** A new desktop profile signed in as `account`, once the desktop greets them by name. */
export async function openAs(h: WebHarness, account: Account): Promise<BrowserPage> {
  const opened = await h.open(DESKTOP_VIEWPORT);
  await opened.page.goto(`${h.url}/`);
  await signIn(opened.page, account.username);
  await opened.page.getByRole('heading', { name: `Xin chào, ${account.name}` }).waitFor();
  return opened;
}

/** The serious and critical accessibility violations axe-core finds on the page as it is now. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/**
 * Saves a screenshot under test-results/screens/ (not committed). With BLO_UPDATE_SCREENS=1
 * (`npm run screens`) it also replaces the committed set in docs/screens/ that the README shows.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const targets = [join(ROOT, 'test-results/screens')];
  if (process.env.BLO_UPDATE_SCREENS === '1') targets.push(join(ROOT, 'docs/screens'));
  for (const dir of targets) {
    await mkdir(dir, { recursive: true });
    await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
  }
}

/** Starts the suite's service and browser (with `env` over the test defaults); closed after the suite. */
export type StartBrowserSuite = (suite: string, env?: Record<string, string>) => Promise<WebHarness>;

/**
 * A browser suite: a describe block when Chromium is there, and one skipped with the reason in its
 * title and the skip summary when it is not, so no test can pass by returning early. Under CI the
 * browser project's global setup fails before that instead. `start` is for the suite's beforeAll;
 * whatever it started is closed after the suite.
 */
export function describeInBrowser(name: string, body: (start: StartBrowserSuite) => void): void {
  const unavailable = process.env.BLO_CHROMIUM_PATH ? null : (process.env.BLO_BROWSER_SKIP ?? 'Chromium not available');
  describeWhen(unavailable, name, () => {
    let started: WebHarness | null = null;
    afterAll(async () => {
      await started?.close();
    });
    body(async (suite, env = {}) => {
      started = await startWebHarness(suite, env);
      if (!started) throw new Error(`${suite}: Chromium went away after the suite was planned`);
      return started;
    });
  });
}
