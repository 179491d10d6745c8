import { caseAt } from '../e2e/support/boards-fixtures.js';
import { localTimes } from '#shared-kernel';
import {
  DESKTOP_VIEWPORT,
  screenshot,
  seriousViolations,
  signIn,
  describeInBrowser,
  type WebHarness,
  SUPERVISOR,
} from './support/web-harness.js';

/** The Vietnam calendar year of now: its yearly report has begun, so it can be opened. */
const YEAR = new Date(Date.now() + 7 * 3_600_000).getUTCFullYear();
const SECTIONS = [
  ['Tình hình', 'Tình hình trên tuyến biên giới ổn định.'],
  ['Kết quả thực hiện', 'Tiếp nhận và xác minh đầy đủ các tin báo.'],
  ['Khó khăn, vướng mắc', 'Phía bạn trả lời xác minh còn chậm.'],
  ['Đề xuất, kiến nghị', 'Tăng cường giao ban định kỳ.'],
] as const;

describeInBrowser('a report to the steering committee, written and submitted in Chromium at 1366 px', (start) => {
  let h: WebHarness;

  beforeAll(async () => {
    h = await start('reports to the steering committee in a browser');
    await h.createAccount(SUPERVISOR);
    const officer = await h.app.as('liaison_officer');
    await caseAt(officer, localTimes(new Date(Date.now() - 60_000).toISOString()).vn);
  }, 180_000);

  it('opens the yearly report, writes its four parts, approves, submits and offers both documents', async () => {
    const { page, problems } = await h.open(DESKTOP_VIEWPORT);
    await page.goto(`${h.url}/`);
    await signIn(page, SUPERVISOR.username);
    await page.getByRole('heading', { name: `Xin chào, ${SUPERVISOR.name}` }).waitFor();
    // The board says which reports are owed: in any twelve months some due date has passed.
    await page.goto(`${h.url}/deadlines`);
    const owed = page.getByRole('region', { name: /Báo cáo Ban Chỉ đạo phải gửi/ });
    await owed.getByRole('row').filter({ hasText: 'Quá hạn' }).first().waitFor();
    expect(await owed.getByRole('row').filter({ hasText: 'Lạng Sơn' }).count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('navigation').getByRole('link', { name: 'Báo cáo Ban Chỉ đạo' }).click();
    await page.getByRole('heading', { name: 'Báo cáo gửi Ban Chỉ đạo', level: 1 }).waitFor();
    expect(await page.getByText('Chưa có báo cáo nào trong năm này.').count()).toBe(1);

    await page.getByLabel('Kỳ báo cáo').fill(`${YEAR}-Y`);
    await page.getByRole('button', { name: 'Mở báo cáo' }).click();
    await page.getByRole('heading', { name: `Báo cáo ${YEAR}-Y – Lạng Sơn`, level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Số liệu tổng hợp đến hiện tại' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    for (const [title, text] of SECTIONS) {
      const section = page.getByRole('region', { name: title, exact: true });
      await section.getByRole('textbox', { name: title, exact: true }).fill(text);
      const saved = page.waitForResponse((r) => r.url().endsWith('/narrative') && r.status() === 200);
      await section.getByRole('button', { name: 'Lưu phần này' }).click();
      await saved;
    }
    await page.getByRole('button', { name: 'Duyệt báo cáo' }).click();
    await page.getByRole('heading', { name: 'Gửi báo cáo', level: 2 }).waitFor();
    expect(await page.getByText('Đã duyệt', { exact: true }).count()).toBe(1);

    await page.getByLabel('Số văn bản').fill('21/BC-BLO');
    await page.getByLabel('Địa danh').fill('Lạng Sơn');
    await page.getByLabel('Nơi nhận').fill('Ban Chỉ đạo 138/CP\nLưu: VT');
    await page.getByLabel('Chức vụ người ký').fill('Trưởng Văn phòng');
    await page.getByLabel('Họ tên người ký').fill(SUPERVISOR.name);
    await page.getByRole('button', { name: 'Gửi và khóa số liệu' }).click();
    await page.getByRole('heading', { name: 'Số liệu đã gửi', level: 2 }).waitFor();
    await page.getByText('Số liệu hiện nay giống số liệu đã gửi.').waitFor();
    // Submitted: the text is final, shown rather than offered for editing.
    expect(await page.getByRole('textbox').count()).toBe(0);
    await page.getByText(SECTIONS[3][1]).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'report-submitted-desktop');

    for (const [name, type] of [
      ['Tải văn bản (Word)', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['Tải bảng tính (Excel)', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ] as const) {
      const href = (await page.getByRole('link', { name }).getAttribute('href')) ?? '';
      const file = await page.request.get(new URL(href, h.url).toString());
      expect({ name, status: file.status(), type: file.headers()['content-type'] }).toEqual({
        name,
        status: 200,
        type,
      });
    }

    await page.getByRole('combobox', { name: 'Ngôn ngữ' }).selectOption({ label: '中文' });
    await page.getByRole('heading', { name: '已报送的数据', level: 2 }).waitFor();
    await page.getByText('已报送', { exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
