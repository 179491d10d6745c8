import {
  OFFICER,
  screenshot,
  seriousViolations,
  describeInBrowser,
  type WebHarness,
  ADMIN,
  openAs,
} from './support/web-harness.js';

// Operating the reference register and the read models, as an administrator. Erasure, legal holds
// and consent: desktop-protect.browser-spec.ts.

describeInBrowser('operating the register, in Chromium at 1366 px', (start) => {
  let h: WebHarness;

  beforeAll(async () => {
    h = await start('desktop register screens in a browser');
    for (const account of [OFFICER, ADMIN]) await h.createAccount(account);
  }, 120_000);

  it('admin: reads the register in both scripts, filters it by province, rebuilds a read model; an officer has no register entry', async () => {
    const { page, problems } = await openAs(h, ADMIN);
    await page.getByRole('navigation').getByRole('link', { name: 'Danh mục tham chiếu' }).click();
    await page.getByRole('heading', { name: 'Danh mục cửa khẩu và đơn vị đối tác', level: 1 }).waitFor();
    expect(await page.getByText('không sửa trực tiếp tại đây').count()).toBe(1);
    const gates = page.getByRole('region', { name: 'Cửa khẩu' });
    const huuNghi = gates.getByRole('row').filter({ hasText: 'Cửa khẩu quốc tế Hữu Nghị' });
    await huuNghi.waitFor();
    const row = await huuNghi.innerText();
    expect(row).toContain('友谊关');
    expect(row).toContain('Lạng Sơn');
    expect(row).toContain('Cửa khẩu quốc tế');
    expect(await gates.getByRole('row').filter({ hasText: 'Cửa khẩu quốc tế Lào Cai' }).count()).toBe(1);

    await page.getByLabel('Tỉnh', { exact: true }).selectOption({ label: 'Lào Cai' });
    await gates.getByRole('row').filter({ hasText: 'Cửa khẩu quốc tế Lào Cai' }).waitFor();
    expect(await huuNghi.count()).toBe(0);
    const units = page.getByRole('region', { name: 'Đơn vị đối tác phía Trung Quốc' });
    expect(await units.getByRole('row').filter({ hasText: 'Lạng Sơn' }).count()).toBe(0);
    expect(await units.getByRole('row').filter({ hasText: 'Lào Cai' }).count()).toBeGreaterThan(0);
    await page.getByLabel('Tỉnh', { exact: true }).selectOption({ label: 'Tất cả các tỉnh' });
    await huuNghi.waitFor();

    await page.getByRole('combobox', { name: 'Ngôn ngữ' }).selectOption({ label: '中文' });
    await page.getByRole('heading', { name: '口岸和对口单位名录', level: 1 }).waitFor();
    const zhRow = page.getByRole('region', { name: '口岸' }).getByRole('row').filter({ hasText: '友谊国际口岸' });
    expect(await zhRow.innerText()).toContain('Cửa khẩu quốc tế Hữu Nghị');
    expect(await zhRow.innerText()).toContain('国际口岸');
    await page.getByRole('combobox', { name: /语言|Ngôn ngữ/ }).selectOption({ label: 'Tiếng Việt' });
    await page.getByRole('heading', { name: 'Danh mục cửa khẩu và đơn vị đối tác', level: 1 }).waitFor();

    const before = await h.admin.get('/admin/projections');
    const generationBefore = (before.body as { projections: { name: string; generation: number }[] }).projections.find(
      (p) => p.name === 'case_list',
    )?.generation;
    const projections = page.getByRole('region', { name: 'Tình trạng dữ liệu tổng hợp' });
    const caseList = projections.getByRole('row').filter({ hasText: 'Danh sách vụ việc' });
    await caseList.getByText('Đang hoạt động').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'reference-desktop');
    await caseList.getByRole('button', { name: 'Dựng lại Danh sách vụ việc' }).click();
    await caseList.getByText('Đang dựng lại').waitFor();
    await projections.getByRole('status').filter({ hasText: 'Đã dựng lại xong: Danh sách vụ việc.' }).waitFor();
    await caseList.getByText('Đang hoạt động').waitFor();
    const after = await h.admin.get('/admin/projections');
    const generationAfter = (after.body as { projections: { name: string; generation: number }[] }).projections.find(
      (p) => p.name === 'case_list',
    )?.generation;
    expect(generationAfter).toBeGreaterThan(generationBefore ?? Infinity);
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);

    const asOfficer = await openAs(h, OFFICER);
    const nav = asOfficer.page.getByRole('navigation');
    await nav.getByRole('link', { name: 'Vụ việc' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Danh mục tham chiếu' }).count()).toBe(0);
    expect(asOfficer.problems).toEqual([]);
  });
});
