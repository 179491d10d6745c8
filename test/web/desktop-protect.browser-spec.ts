import { createHash } from 'node:crypto';
import { KEY_STORE, type KeyStore } from '#security';
import type { Caller } from '../e2e/support/test-app.js';
import {
  OFFICER,
  screenshot,
  seriousViolations,
  describeInBrowser,
  type WebHarness,
  SUPERVISOR,
  openAs,
} from './support/web-harness.js';

// Erasure, legal holds, consent and the legal basis of what is sent out. The reference register
// and the read models' rebuild: desktop-register.browser-spec.ts.

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

describeInBrowser('protecting personal data, in Chromium at 1366 px', (start) => {
  let h: WebHarness;
  let officer: Caller;

  beforeAll(async () => {
    h = await start('desktop protect screens in a browser');
    for (const account of [OFFICER, SUPERVISOR]) await h.createAccount(account);
    officer = await h.app.as('liaison_officer');
  }, 120_000);

  it('supervisor: erases a person’s data for good; places a legal hold that keeps erasure away until released; the officer has neither act', async () => {
    const caseId = await seedCase(officer, 'Tin báo: hai phụ nữ bị đưa qua biên giới tại Tân Thanh');
    const erased = await seedPerson(officer, caseId, 'Hoàng Thị Lan');
    const held = await seedPerson(officer, caseId, 'Vi Thị Mến');

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

    // A court's order reaches the supervisor: the hold is placed on the record, from the screen.
    const men = persons.getByRole('listitem').filter({ hasText: 'Vi Thị Mến' });
    await men.getByRole('button', { name: 'Phong toả dữ liệu' }).click();
    const holdForm = page.getByRole('form', { name: 'Phong toả dữ liệu của Vi Thị Mến để phục vụ tố tụng' });
    await holdForm.getByLabel('Số hiệu vụ án, quyết định của cơ quan tố tụng').fill('VKS-LS 12/2026');
    expect(await seriousViolations(page)).toEqual([]);
    await holdForm.getByRole('button', { name: 'Phong toả dữ liệu' }).click();
    await men.getByText('Đang phong toả dữ liệu').waitFor();
    expect(await men.getByRole('button', { name: 'Yêu cầu xoá dữ liệu cá nhân' }).count()).toBe(0);
    expect((await officer.get(`/persons/${held}`)).body).toMatchObject({
      erased: false,
      legalHold: { proceedingsRef: 'VKS-LS 12/2026' },
    });
    expect((await h.app.app.get<string, KeyStore>(KEY_STORE, { strict: false }).status(held))?.legalHold).toBe(true);
    const refused = await (await h.app.as('supervisor')).post(`/persons/${held}/erasure`, { reason: 'yêu cầu' });
    expect(refused.status).toBe(409);

    await men.getByRole('button', { name: 'Gỡ phong toả' }).click();
    const releaseForm = page.getByRole('form', { name: 'Gỡ phong toả dữ liệu của Vi Thị Mến' });
    expect(await releaseForm.innerText()).toContain('VKS-LS 12/2026');
    await releaseForm.getByLabel('Lý do gỡ').fill('Bản án đã có hiệu lực pháp luật');
    await releaseForm.getByRole('button', { name: 'Gỡ phong toả' }).click();
    await men.getByRole('button', { name: 'Yêu cầu xoá dữ liệu cá nhân' }).waitFor();
    expect(await men.getByText('Đang phong toả dữ liệu').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);

    const asOfficer = await openAs(h, OFFICER);
    await asOfficer.page.goto(`${h.url}/cases/${caseId}`);
    const seen = asOfficer.page.getByRole('region', { name: 'Người liên quan' });
    await seen.getByText('Vi Thị Mến').waitFor();
    expect(await seen.getByRole('button', { name: 'Yêu cầu xoá dữ liệu cá nhân' }).count()).toBe(0);
    expect(await seen.getByRole('button', { name: 'Phong toả dữ liệu' }).count()).toBe(0);
    expect(asOfficer.problems).toEqual([]);
  });

  it('officer: records a person’s consent with the signed form’s hash (the file stays on the desk), then its withdrawal', async () => {
    const caseId = await seedCase(officer, 'Tin báo: một phụ nữ được giải cứu tại Ninh Minh');
    const personId = await seedPerson(officer, caseId, 'Hoàng Thị Lụa');
    const scan = Buffer.from('%PDF-1.4 giấy đồng ý đã ký (bản chụp thử)');
    const expectedHash = createHash('sha256').update(scan).digest('hex');

    const { page, problems } = await openAs(h, OFFICER);
    await page.goto(`${h.url}/cases/${caseId}`);
    const lua = page
      .getByRole('region', { name: 'Người liên quan' })
      .getByRole('listitem')
      .filter({ hasText: 'Hoàng Thị Lụa' });
    await lua.getByRole('button', { name: 'Ghi nhận sự đồng ý' }).click();
    const form = page.getByRole('form', { name: 'Sự đồng ý chia sẻ dữ liệu của Hoàng Thị Lụa' });
    await form.getByLabel('Mục đích').selectOption({ label: 'Xác minh nhân thân' });
    await form.getByLabel('Bên nhận dữ liệu').selectOption('CN-GX-PSD');
    const record = form.getByRole('button', { name: 'Ghi nhận' });
    // A given consent without its signed form cannot be sent.
    expect(await record.isDisabled()).toBe(true);
    await form
      .getByLabel('Bản chụp văn bản đồng ý đã ký')
      .setInputFiles({ name: 'dong-y.pdf', mimeType: 'application/pdf', buffer: scan });
    await form.getByText(expectedHash).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'consent-desktop');
    await record.click();

    const table = lua.getByRole('table', { name: 'Sự đồng ý chia sẻ dữ liệu cá nhân' });
    const row = table.getByRole('row').filter({ hasText: 'Xác minh nhân thân' });
    await row.waitFor();
    expect(await row.innerText()).toContain('Đồng ý');
    expect(await row.innerText()).toContain('Giờ Việt Nam');
    const view = await officer.get(`/persons/${personId}`);
    expect(view.body.consents).toEqual([
      expect.objectContaining({ decision: 'given', recipient: 'CN-GX-PSD', formSha256: expectedHash }),
    ]);

    // A verification request about her, to the unit she consented to: the form says consent stands.
    await page.getByRole('button', { name: 'Yêu cầu xác minh' }).click();
    const ask = page.getByRole('form', { name: 'Yêu cầu xác minh' });
    await ask.getByLabel('Đơn vị phía Trung Quốc').selectOption('CN-GX-PSD');
    await ask.getByLabel('Người cần xác minh').selectOption({ label: 'Hoàng Thị Lụa' });
    await ask.getByText('đã đồng ý cho đơn vị này').waitFor();
    // Another unit: no consent stands for it, and the form says what to do.
    await ask.getByLabel('Đơn vị phía Trung Quốc').selectOption('CN-YN-PSD');
    await ask.getByText('Chưa ghi nhận sự đồng ý cho đơn vị này').waitFor();
    await ask.getByLabel('Đơn vị phía Trung Quốc').selectOption('CN-GX-PSD');
    await ask.getByLabel('Câu hỏi').fill('Đề nghị xác minh nhân thân');
    await ask.getByLabel('Hạn trả lời').fill('2030-03-12T17:00');
    expect(await seriousViolations(page)).toEqual([]);
    await ask.getByRole('button', { name: 'Yêu cầu xác minh' }).click();
    await page
      .getByRole('region', { name: 'Hồ sơ liên kết' })
      .getByRole('row')
      .filter({ hasText: 'Đã gửi yêu cầu' })
      .waitFor();
    const { verificationIds } = (await officer.get(`/cases/${caseId}`)).body as { verificationIds: string[] };
    expect((await officer.get(`/verification-requests/${verificationIds[0]}`)).body.disclosure).toEqual({
      basis: 'consent',
      reference: null,
    });

    // A letter naming her: her consent covers identity verification, not sharing case information,
    // so the officer gives the legal exception it is sent on, with its reference.
    await page.getByRole('button', { name: 'Ghi trao đổi thông tin' }).click();
    const letter = page.getByRole('form', { name: 'Ghi trao đổi thông tin' });
    await letter.getByLabel('Chiều').selectOption({ label: 'Đi (ta gửi)' });
    await letter.getByLabel('Đơn vị phía Trung Quốc').selectOption('CN-GX-PSD');
    await letter.getByLabel('Trích yếu').fill('Thông báo kết quả xác minh ban đầu');
    await letter.getByLabel('Nội dung', { exact: true }).fill('Thông báo về bà Hoàng Thị Lụa.');
    await letter.getByLabel('Có dữ liệu cá nhân').check();
    await letter.getByLabel('Căn cứ pháp lý').fill('Luật Phòng, chống mua bán người 2024, Điều 50');
    const names = letter.getByRole('group', { name: 'Những người được nêu trong thư' });
    await names.getByLabel(/Hoàng Thị Lụa/).check();
    expect(await names.innerText()).toContain('chưa có sự đồng ý');
    await names.getByLabel('Căn cứ', { exact: true }).selectOption({ label: 'Phục vụ tố tụng hình sự' });
    await names.getByLabel('Số hiệu văn bản làm căn cứ').fill('QĐ khởi tố 15/2026');
    expect(await seriousViolations(page)).toEqual([]);
    await letter.getByRole('button', { name: 'Ghi lại' }).click();
    await page
      .getByRole('region', { name: 'Hồ sơ liên kết' })
      .getByRole('row')
      .filter({ hasText: 'Trao đổi thông tin' })
      .waitFor();
    const { exchangeIds } = (await officer.get(`/cases/${caseId}`)).body as { exchangeIds: string[] };
    const thread = await officer.get(`/exchanges/${exchangeIds[0]}?content=none`);
    expect(thread.body.messages[0].persons).toEqual([
      { personId, basis: 'criminal_proceedings', reference: 'QĐ khởi tố 15/2026' },
    ]);

    await row.getByRole('button', { name: 'Ghi nhận việc rút lại' }).click();
    await row.getByRole('button', { name: 'Xác nhận rút lại' }).click();
    await row.getByText('Đã rút lại').waitFor();
    expect((await officer.get(`/persons/${personId}`)).body.consents[0].withdrawnAt).toEqual(expect.any(String));
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('officer: an outgoing message with personal data needs its legal basis, then is recorded with it', async () => {
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
