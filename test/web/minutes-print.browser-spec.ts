import { confirmation, proposeHandover, type ProposedHandover } from '../e2e/support/handover-fixtures.js';
import { presumedVictim } from '../e2e/support/journey.js';
import {
  OFFICER,
  screenshot,
  seriousViolations,
  describeInBrowser,
  type WebHarness,
  LAO_CAI_OFFICER,
  openAs,
} from './support/web-harness.js';

/** The instant on a clock in a zone as the paper prints it (digits only): what the page must show. */
const paperTime = (instant: string, timeZone: string): string =>
  new Intl.DateTimeFormat('vi', {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(instant));

/** What a PDF says of itself in its page objects: their sizes, how many, and whether fonts are embedded. */
function pdfFacts(pdf: Buffer) {
  const text = pdf.toString('latin1');
  const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => [
    Number(m[1]),
    Number(m[2]),
  ]);
  return {
    header: text.slice(0, 5),
    boxes,
    pages: (text.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length,
    embedsFonts: /\/FontFile[23]?\s/.test(text),
  };
}

describeInBrowser('the handover minutes, printable from the desktop (Chromium, A4)', (start) => {
  let h: WebHarness;
  let conducted: ProposedHandover;
  let draft: ProposedHandover;
  let signed: ReturnType<typeof confirmation>;

  beforeAll(async () => {
    h = await start('handover minutes in a browser');
    for (const account of [OFFICER, LAO_CAI_OFFICER]) await h.createAccount(account);
    const officer = await h.app.as('liaison_officer');
    conducted = await proposeHandover(officer, { persons: 1 });
    // The guard at Hữu Nghị confirms at the gate, through the api, as the gate app does.
    const guard = await h.app.as('border_guard', { gates: ['HUU_NGHI'] });
    signed = confirmation(conducted.personIds);
    const r = await guard.post(`/handovers/${conducted.handoverId}/confirmation`, signed);
    if (r.status !== 200) throw new Error(`not confirmed: ${r.status} ${JSON.stringify(r.body)}`);
    draft = await proposeHandover(officer, { persons: 1 });
  }, 120_000);

  it('officer: from the case page to the signed minutes, in Vietnamese and Chinese, both clocks, one A4 page with real text', async () => {
    const { page, problems } = await openAs(h, OFFICER);
    await page.goto(`${h.url}/cases/${conducted.caseId}`);
    await page.getByRole('link', { name: 'In biên bản' }).click();
    await page.waitForURL(`**/handovers/${conducted.handoverId}/minutes`);

    const doc = page.getByRole('article');
    await page.getByRole('heading', { level: 1, name: /BIÊN BẢN BÀN GIAO, TIẾP NHẬN NẠN NHÂN BỊ MUA BÁN/ }).waitFor();
    await page.getByRole('heading', { level: 1, name: /被拐卖受害人移交接收记录/ }).waitFor();
    const text = await doc.innerText();
    for (const label of [
      'Số',
      '编号',
      'Địa điểm',
      '地点',
      'Bên giao',
      '移交方',
      'Bên nhận',
      '接收方',
      'Ký tên',
      '签名',
    ]) {
      expect(text).toContain(label);
    }
    expect(text).toContain(signed.minutes.number);
    expect(text).not.toContain('BẢN NHÁP');
    // The gate and the gate it faces, as the register names them in both languages.
    for (const name of ['Cửa khẩu quốc tế Hữu Nghị', '友谊国际口岸', '友谊关', '凭祥出入境边防检查站']) {
      expect(text).toContain(name);
    }
    // The handover's time on both clocks, each labelled.
    for (const label of ['Giờ Việt Nam', '越南时间', 'Giờ Trung Quốc', '北京时间']) expect(text).toContain(label);
    expect(text).toContain(paperTime(signed.conductedAt, 'Asia/Ho_Chi_Minh'));
    expect(text).toContain(paperTime(signed.conductedAt, 'Asia/Shanghai'));
    expect(text).toContain(paperTime(signed.minutes.signedAt, 'Asia/Shanghai'));
    // The person as this officer may read her, received, with the health check; officers of both sides.
    expect(text).toContain(presumedVictim.fullName);
    expect(text).toContain('阮氏花');
    expect(text).toContain('Đã tiếp nhận');
    expect(text).toContain(signed.received[0].healthCheck);
    for (const officer of [...signed.vnOfficers, ...signed.cnOfficers]) expect(text).toContain(officer);

    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'minutes-desktop');

    // Printed: only the paper, no header, menu or button around it.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    expect(await page.getByRole('navigation').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'In biên bản' }).isVisible()).toBe(false);
    expect(await doc.isVisible()).toBe(true);
    await screenshot(page, 'minutes-desktop-print');

    const pdf = pdfFacts(await page.pdf({ format: 'A4' }));
    expect(pdf.header).toBe('%PDF-');
    expect(pdf.pages).toBe(1);
    expect(pdf.boxes.length).toBeGreaterThan(0);
    for (const [width, height] of pdf.boxes) {
      // A4 is 210 × 297 mm, 595.28 × 841.89 pt; Chromium rounds each side up by less than a point.
      expect(Math.trunc(width)).toBe(595);
      expect(Math.trunc(height)).toBe(842);
    }
    expect(pdf.embedsFonts).toBe(true);
    await page.emulateMedia({ media: 'screen' });

    // In 中文 the screen around it changes; the bilingual paper does not.
    await page.getByRole('combobox', { name: 'Ngôn ngữ' }).selectOption({ label: '中文' });
    await page.getByRole('button', { name: '打印记录' }).waitFor();
    const inChinese = await doc.innerText();
    expect(inChinese).toContain('BIÊN BẢN BÀN GIAO, TIẾP NHẬN NẠN NHÂN BỊ MUA BÁN');
    expect(inChinese).toContain('Giờ Việt Nam');
    expect(inChinese).toContain('北京时间');
    expect(problems).toEqual([]);
  }, 90_000);

  it('officer: before the gate confirms, the minutes are a draft with the number left blank', async () => {
    const { page, problems } = await openAs(h, OFFICER);
    await page.goto(`${h.url}/handovers/${draft.handoverId}/minutes`);
    const doc = page.getByRole('article');
    await doc.getByText('BẢN NHÁP', { exact: false }).waitFor();
    const text = await doc.innerText();
    expect(text).toContain('草稿');
    expect(text).not.toContain(signed.minutes.number);
    expect(text).toContain(presumedVictim.fullName);
    expect(await page.getByText('Chưa bàn giao: đây là bản nháp').isVisible()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  }, 60_000);

  it('an officer of Lào Cai: the Lạng Sơn minutes do not exist for her, said in words, nothing of the person shown', async () => {
    const { page, problems } = await openAs(h, LAO_CAI_OFFICER);
    await page.goto(`${h.url}/handovers/${conducted.handoverId}/minutes`);
    // The same answer as a handover that does not exist (docs/access.md), worded, never the api's JSON.
    await page.getByText('Không mở được biên bản của bàn giao này.').waitFor();
    const refusal = await page.getByRole('alert').innerText();
    expect(refusal.trim()).not.toBe('');
    expect(refusal).not.toMatch(/[{}]|NOT_FOUND/);
    const body = await page.locator('body').innerText();
    expect(body).not.toContain(presumedVictim.fullName);
    expect(body).not.toContain(signed.minutes.number);
    expect(await page.getByRole('article').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  }, 60_000);
});
