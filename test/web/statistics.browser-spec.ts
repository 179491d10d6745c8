import type { Page } from 'playwright-core';
import { caseAt, written } from '../e2e/support/boards-fixtures.js';
import { newVerification } from '../e2e/support/exchange-fixtures.js';
import { presumedVictim } from '../e2e/support/journey.js';
import type { Caller } from '../e2e/support/test-app.js';
import {
  DESKTOP_VIEWPORT,
  screenshot,
  seriousViolations,
  signIn,
  describeInBrowser,
  type WebHarness,
  SUPERVISOR,
} from './support/web-harness.js';

/** The Vietnam calendar year before this one: its Q3 is a closed period the journey can fill. */
const LAST_YEAR = new Date(Date.now() + 7 * 3_600_000).getUTCFullYear() - 1;
const PERIOD = `${LAST_YEAR}-Q3`;
/** The accent colour of shell.css that the chart takes for its bars. */
const BAR_RGB = [0x0b, 0x57, 0xd0] as const;

/** The groups of counts the page draws, by their Vietnamese and Chinese titles. */
const GROUPS = [
  { vi: 'Tin báo', zh: '报案' },
  { vi: 'Tin báo theo nguồn', zh: '按来源统计的报案' },
  { vi: 'Người theo giới tính', zh: '按性别统计的人员' },
  { vi: 'Người theo tư cách', zh: '按身份统计的人员' },
  { vi: 'Bàn giao', zh: '移交' },
  { vi: 'Xác minh', zh: '核查' },
] as const;

interface PublishedCounts {
  reports: { received: number | string; byChannel: Record<string, number | string> };
  persons: { total: number | string; bySex: Record<string, number | string> };
  verifications: { requested: number | string };
  suppression: { threshold: number; marker: string };
}

interface PaintedCanvas {
  readonly width: number;
  readonly height: number;
  getContext(
    kind: '2d',
  ): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } | null;
}

/** How many pixels of the canvas are painted in the bars' colour: 0 when no bar is drawn. */
async function barPixels(page: Page, name: string): Promise<number> {
  return page.getByRole('img', { name, exact: true }).evaluate((canvas, rgb) => {
    // The test's tsconfig has no DOM types: the little of a canvas this reads, named here.
    const c = canvas as unknown as PaintedCanvas;
    const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
    let n = 0;
    for (let i = 0; i < data.length; i += 4)
      if (data[i] === rgb[0] && data[i + 1] === rgb[1] && data[i + 2] === rgb[2]) n += 1;
    return n;
  }, BAR_RGB);
}

/** The figure of a row of a table named by its caption, as the page shows it. */
async function cell(page: Page, table: string, row: string): Promise<string> {
  return (
    await page
      .getByRole('table', { name: table, exact: true })
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: row, exact: true }) })
      .getByRole('cell')
      .innerText()
  ).trim();
}

describeInBrowser('statistics charts for a supervisor, in Chromium at 1366 px', (start) => {
  let h: WebHarness;
  let counts: PublishedCounts;

  beforeAll(async () => {
    h = await start('statistics charts in a browser');
    await h.createAccount(SUPERVISOR);
    const officer: Caller = await h.app.as('liaison_officer');
    // Twelve hotline reports with a presumed victim each (counts above the suppression threshold,
    // so bars are drawn), two self-reports and one verification request (suppressed counts).
    let last = '0';
    for (let day = 1; day <= 12; day++) {
      const at = `${LAST_YEAR}-08-${String(day).padStart(2, '0')}T09:00:00+07:00`;
      const opened = await caseAt(officer, at);
      last = await written(
        officer.post(`/cases/${opened.id}/persons`, {
          ...presumedVictim,
          fullName: `Nạn nhân số ${day}`,
          documents: [],
        }),
      );
      if (day === 1)
        last = await written(
          officer.post('/verification-requests', newVerification(opened.id, { occurredAt: at.replace('T09', 'T15') })),
        );
    }
    for (const day of ['09-02', '09-03'])
      last = (await caseAt(officer, `${LAST_YEAR}-${day}T10:00:00+07:00`, { channel: 'self_report' })).position;
    // What the api publishes for the period once it has read every write above.
    const supervisor = await h.app.as('supervisor', { sub: 'stats.api' });
    const published = await supervisor.get<PublishedCounts>(`/reports/statistics?period=${PERIOD}&minPosition=${last}`);
    if (published.status !== 200) throw new Error(`statistics: ${published.status}`);
    counts = published.body;
  }, 180_000);

  it('draws a chart beside each table, leaves suppressed counts undrawn, relabels in Chinese, downloads CSV', async () => {
    const { marker, threshold } = counts.suppression;
    const hotline = counts.reports.byChannel.hotline;
    // The seed is meant to give one count the api publishes as a number, and suppressed ones.
    expect(typeof hotline === 'number' && hotline >= threshold).toBe(true);
    expect(counts.reports.byChannel.self_report).toBe(marker);
    expect(counts.verifications.requested).toBe(marker);

    const { page, problems } = await h.open(DESKTOP_VIEWPORT);
    const chartChunks: string[] = [];
    page.on('request', (r) => {
      if (/\/assets\/statistics-chart[^/]*\.js$/.test(r.url())) chartChunks.push(r.url());
    });
    await page.goto(`${h.url}/`);
    await signIn(page, SUPERVISOR.username);
    await page.getByRole('heading', { name: `Xin chào, ${SUPERVISOR.name}` }).waitFor();
    // Chart.js is a chunk of the statistics page only: the home screen does not load it.
    expect(chartChunks).toEqual([]);

    await page.getByRole('navigation').getByRole('link', { name: 'Thống kê' }).click();
    await page.getByLabel('Kỳ báo cáo').selectOption({ label: `Quý 3/${LAST_YEAR}` });
    await page.getByRole('heading', { name: `Quý 3/${LAST_YEAR}`, level: 2 }).waitFor();
    await page.getByText(`Từ 1 tháng 7, ${LAST_YEAR} đến 30 tháng 9, ${LAST_YEAR} (giờ Việt Nam)`).waitFor();
    for (const g of GROUPS) {
      await page.getByRole('img', { name: `Biểu đồ cột: ${g.vi}`, exact: true }).waitFor();
      await page.getByRole('table', { name: g.vi, exact: true }).waitFor();
    }
    expect(chartChunks).toHaveLength(1);
    // No handover in the period: no chart, and the table says so.
    expect(await page.getByRole('img', { name: 'Biểu đồ cột: Người được bàn giao theo cửa khẩu' }).count()).toBe(0);
    expect(
      await page.getByRole('table', { name: 'Người được bàn giao theo cửa khẩu', exact: true }).innerText(),
    ).toContain('Không có số liệu.');

    // The tables show what the api publishes, suppressed figures as they come.
    expect(await cell(page, 'Tin báo theo nguồn', 'Đường dây nóng')).toBe(String(hotline));
    expect(await cell(page, 'Tin báo theo nguồn', 'Tự trình báo')).toBe(marker);
    expect(await cell(page, 'Tin báo', 'Đã tiếp nhận')).toBe(String(counts.reports.received));
    expect(await cell(page, 'Người theo giới tính', 'Nữ')).toBe(String(counts.persons.bySex.female));
    expect(await cell(page, 'Xác minh', 'Đã yêu cầu')).toBe(marker);

    // A bar is drawn for a number; a group of suppressed counts only draws none, and says why.
    expect(await barPixels(page, 'Biểu đồ cột: Tin báo theo nguồn')).toBeGreaterThan(0);
    expect(await barPixels(page, 'Biểu đồ cột: Xác minh')).toBe(0);
    const channelFigure = page.locator('figure', {
      has: page.getByRole('img', { name: 'Biểu đồ cột: Tin báo theo nguồn' }),
    });
    expect(await channelFigure.innerText()).toContain('không được vẽ thành cột');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'statistics-desktop');

    const csvLink = page.getByRole('link', { name: 'Tải CSV' });
    const href = (await csvLink.getAttribute('href')) ?? '';
    expect(href).toContain(`period=${PERIOD}`);
    const csv = await page.request.get(new URL(href, h.url).toString());
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
    expect(await csv.text()).toContain(`${PERIOD},lang-son,period,reports.byChannel.hotline,count,${hotline}`);

    await page.getByRole('combobox', { name: 'Ngôn ngữ' }).selectOption({ label: '中文' });
    await page.getByRole('heading', { name: `${LAST_YEAR} 年第 3 季度`, level: 2 }).waitFor();
    for (const g of GROUPS) {
      await page.getByRole('img', { name: `条形图：${g.zh}`, exact: true }).waitFor();
      await page.getByRole('table', { name: g.zh, exact: true }).waitFor();
    }
    expect(await cell(page, '按来源统计的报案', '热线电话')).toBe(String(hotline));
    expect(await cell(page, '按来源统计的报案', '本人报案')).toBe(marker);
    expect(await barPixels(page, '条形图：按来源统计的报案')).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('keeps the tables and says so when the chart chunk cannot be fetched', async () => {
    const { page, problems } = await h.open(DESKTOP_VIEWPORT);
    await page.route(/\/assets\/statistics-chart[^/]*\.js$/, (route) => route.abort('connectionfailed'));
    await page.goto(`${h.url}/`);
    await signIn(page, SUPERVISOR.username);
    await page.getByRole('heading', { name: `Xin chào, ${SUPERVISOR.name}` }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Thống kê' }).click();
    await page.getByLabel('Kỳ báo cáo').selectOption({ label: `Quý 3/${LAST_YEAR}` });
    await page.getByRole('heading', { name: `Quý 3/${LAST_YEAR}`, level: 2 }).waitFor();
    await page.getByText('Không tải được biểu đồ; số liệu vẫn ở bảng bên cạnh.').first().waitFor();
    expect(await page.getByRole('img', { name: /^Biểu đồ cột/ }).count()).toBe(0);
    expect(await cell(page, 'Tin báo theo nguồn', 'Đường dây nóng')).toBe(String(counts.reports.byChannel.hotline));
    expect(problems).toEqual([]);
  });
});
