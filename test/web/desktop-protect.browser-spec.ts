import { KEY_STORE, type KeyStore } from '#security';
import type { Caller } from '../e2e/support/test-app.js';
import {
  OFFICER,
  screenshot,
  seriousViolations,
  startWebHarness,
  type WebHarness,
  SUPERVISOR,
  ADMIN,
  openAs,
} from './support/web-harness.js';

/** A case of Lạng Sơn received through the hotline, written through the api (faster than the form). */
async function seedCase(officer: Caller, summary: string): Promise<string> {
  const r = await officer.post('/cases', {
    channel: 'hotline',
    province: 'lang-son',
    summary,
    occurredAt: '2026-03-05T09:00:00+07:00',
  });
  if (r.status !== 201) throw new Error(`case: ${r.status} ${JSON.stringify(r.body)}`);
  return (r.body as { id: string }).id;
}

async function seedPerson(officer: Caller, caseId: string, fullName: string): Promise<string> {
  const r = await officer.post(`/cases/${caseId}/persons`, { role: 'presumed_victim', fullName, sex: 'female' });
  if (r.status !== 201) throw new Error(`person: ${r.status} ${JSON.stringify(r.body)}`);
  return (r.body as { id: string }).id;
}

describe('protecting personal data and operating the register, in Chromium at 1366 px', () => {
  let h: WebHarness | null;
  let officer: Caller;

  beforeAll(async () => {
    h = await startWebHarness('desktop protect screens in a browser');
    if (!h) return;
    for (const account of [OFFICER, SUPERVISOR, ADMIN]) await h.createAccount(account);
    officer = await h.app.as('liaison_officer');
  }, 120_000);

  afterAll(async () => {
    await h?.close();
  });

  it('supervisor: erases a person’s data for good; a legal hold is refused in words; the officer has no such act', async () => {
    if (!h) return;
    const caseId = await seedCase(officer, 'Tin báo: hai phụ nữ bị đưa qua biên giới tại Tân Thanh');
    const erased = await seedPerson(officer, caseId, 'Hoàng Thị Lan');
    const held = await seedPerson(officer, caseId, 'Vi Thị Mến');
    // No route sets a legal hold (it comes from a court order, through operations): set it on the real key store.
    await h.app.app.get<string, KeyStore>(KEY_STORE, { strict: false }).setLegalHold(held, 'Quyết định của Toà án');

    const { page, problems } = await openAs(h, SUPERVISOR);
    await page.goto(`${h.url}/cases/${caseId}`);
    const persons = page.getByRole('region', { name: 'Người liên quan' });
    const lan = persons.getByRole('listitem').filter({ hasText: 'Hoàng Thị Lan' });
    await lan.waitFor();
    await lan.getByRole('button', { name: 'Yêu cầu xoá dữ liệu cá nhân' }).click();
    const form = page.getByRole('form', { name: 'Xoá dữ liệu cá nhân của Hoàng Thị Lan' });
    expect(await form.innerText()).toContain('Không thể hoàn tác');
    const submit = form.getByRole('button', { name: 'Xoá vĩnh viễn' });
    await form
      .getByLabel('Lý do và căn cứ pháp lý')
      .fill('Chủ thể dữ liệu yêu cầu xoá, theo Luật Bảo vệ dữ liệu cá nhân');
    // Nothing is sent until the supervisor says they understand it is final.
    expect(await submit.isDisabled()).toBe(true);
    await form.getByLabel('Tôi hiểu rằng việc xoá là vĩnh viễn và không thể hoàn tác.').check();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'erasure-desktop');
    await submit.click();

    await persons.getByText('Dữ liệu cá nhân đã bị xóa').waitFor();
    expect(await persons.innerText()).not.toContain('Hoàng Thị Lan');
    expect(await persons.getByRole('button', { name: 'Yêu cầu xoá dữ liệu cá nhân' }).count()).toBe(1);
    const read = await officer.get(`/persons/${erased}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ erased: true, personal: null });

    const men = persons.getByRole('listitem').filter({ hasText: 'Vi Thị Mến' });
    await men.getByRole('button', { name: 'Yêu cầu xoá dữ liệu cá nhân' }).click();
    const heldForm = page.getByRole('form', { name: 'Xoá dữ liệu cá nhân của Vi Thị Mến' });
    await heldForm.getByLabel('Lý do và căn cứ pháp lý').fill('Chủ thể dữ liệu yêu cầu xoá');
    await heldForm.getByLabel('Tôi hiểu rằng việc xoá là vĩnh viễn và không thể hoàn tác.').check();
    await heldForm.getByRole('button', { name: 'Xoá vĩnh viễn' }).click();
    await heldForm.getByRole('alert').filter({ hasText: 'đang bị phong toả theo yêu cầu pháp lý' }).waitFor();
    expect((await officer.get(`/persons/${held}`)).body).toMatchObject({ erased: false });
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);

    const asOfficer = await openAs(h, OFFICER);
    await asOfficer.page.goto(`${h.url}/cases/${caseId}`);
    const seen = asOfficer.page.getByRole('region', { name: 'Người liên quan' });
    await seen.getByText('Vi Thị Mến').waitFor();
    expect(await seen.getByRole('button', { name: 'Yêu cầu xoá dữ liệu cá nhân' }).count()).toBe(0);
    expect(await asOfficer.page.getByRole('button', { name: 'Yêu cầu xoá dữ liệu cá nhân' }).count()).toBe(0);
    expect(asOfficer.problems).toEqual([]);
  });

  it('admin: reads the register in both scripts, filters it by province, rebuilds a read model; an officer has no register entry', async () => {
    if (!h) return;
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

  it('officer: an outgoing message with personal data needs its legal basis, then is recorded with it', async () => {
    if (!h) return;
    const caseId = await seedCase(officer, 'Tin báo: một phụ nữ được giải cứu tại Bằng Tường cần xác minh nhân thân');
    const { page, problems } = await openAs(h, OFFICER);
    await page.goto(`${h.url}/cases/${caseId}`);
    await page.getByRole('button', { name: 'Ghi trao đổi thông tin' }).click();
    const form = page.getByRole('form', { name: 'Ghi trao đổi thông tin' });
    await form.getByLabel('Chiều').selectOption({ label: 'Đi (ta gửi)' });
    await form.getByLabel('Đơn vị phía Trung Quốc').selectOption('CN-GX-PSD');
    await form.getByLabel('Trích yếu').fill('Đề nghị xác minh nhân thân nạn nhân');
    await form
      .getByLabel('Nội dung', { exact: true })
      .fill('Đề nghị phía bạn xác minh nhân thân của bà Hoàng Thị Lan.');
    // The basis is asked only for personal data sent out.
    expect(await form.getByLabel('Căn cứ pháp lý').count()).toBe(0);
    await form.getByLabel('Có dữ liệu cá nhân').check();
    await form.getByLabel('Sự đồng ý').selectOption({ label: 'Người đại diện theo pháp luật đã đồng ý' });
    const basis = form.getByLabel('Căn cứ pháp lý');
    expect(await form.innerText()).toContain('Luật Phòng, chống mua bán người 2024, Điều 50');
    await form.getByRole('button', { name: 'Ghi lại' }).click();
    await form.getByRole('alert').filter({ hasText: 'phải ghi căn cứ pháp lý' }).waitFor();
    expect(await basis.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.field', { has: page.getByLabel('Căn cứ pháp lý') }).innerText()).toContain(
      'Thông tin này chưa hợp lệ',
    );
    expect((await officer.get(`/cases/${caseId}`)).body).toMatchObject({ exchangeIds: [] });
    expect(await seriousViolations(page)).toEqual([]);

    await basis.fill('Luật Phòng, chống mua bán người 2024, Điều 50');
    await form.getByRole('button', { name: 'Ghi lại' }).click();
    await page
      .getByRole('region', { name: 'Hồ sơ liên kết' })
      .getByRole('row')
      .filter({ hasText: 'Trao đổi thông tin' })
      .waitFor();
    const { exchangeIds } = (await officer.get(`/cases/${caseId}`)).body as { exchangeIds: string[] };
    expect(exchangeIds).toHaveLength(1);
    const exchange = await officer.get(`/exchanges/${exchangeIds[0]}`);
    expect(exchange.status).toBe(200);
    expect(exchange.body.messages).toEqual([
      expect.objectContaining({
        direction: 'outgoing',
        carriesPersonalData: true,
        personalData: { consent: 'legal_representative', legalBasis: 'Luật Phòng, chống mua bán người 2024, Điều 50' },
      }),
    ]);
    expect(problems).toEqual([]);
  });
});
