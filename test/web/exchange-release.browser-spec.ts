import type { Caller } from '../e2e/support/test-app.js';
import { registerPerson } from '../e2e/support/journey.js';
import {
  OFFICER,
  SECOND_OFFICER,
  openAs,
  screenshot,
  seriousViolations,
  describeInBrowser,
  type WebHarness,
} from './support/web-harness.js';

/**
 * Second-officer release (issue 10) in Chromium at 1366 px: one officer of Lạng Sơn drafts a letter
 * that names a person, cannot send it alone, and a colleague of the same unit releases it.
 */
describeInBrowser('second-officer release of an outgoing letter, in Chromium', (start) => {
  let h: WebHarness;
  let api: Caller;

  beforeAll(async () => {
    h = await start('exchange release in a browser', { EXCHANGE_RELEASE: 'personal_data' });
    for (const account of [OFFICER, SECOND_OFFICER]) await h.createAccount(account);
    api = await h.app.as('liaison_officer', { sub: 'seed.officer' });
  }, 120_000);

  it('officer drafts a letter with personal data; she cannot release it; a second officer of the unit releases it', async () => {
    const seeded = await api.post('/cases', {
      channel: 'hotline',
      province: 'lang-son',
      summary: 'Tin báo: một phụ nữ được giải cứu tại Bằng Tường cần xác minh nhân thân',
      occurredAt: '2026-03-05T09:00:00+07:00',
    });
    const caseId = (seeded.body as { id: string }).id;

    const author = await openAs(h, OFFICER);
    await author.page.goto(`${h.url}/cases/${caseId}`);
    await author.page.getByRole('button', { name: 'Ghi trao đổi thông tin' }).click();
    const form = author.page.getByRole('form', { name: 'Ghi trao đổi thông tin' });
    await form.getByLabel('Chiều').selectOption({ label: 'Đi (ta gửi)' });
    await form.getByLabel('Đơn vị phía Trung Quốc').selectOption('CN-GX-PSD');
    await form.getByLabel('Trích yếu').fill('Đề nghị xác minh nhân thân nạn nhân');
    await form
      .getByLabel('Nội dung', { exact: true })
      .fill('Đề nghị phía bạn xác minh nhân thân của bà Hoàng Thị Lan.');
    await form.getByLabel('Có dữ liệu cá nhân').check();
    await form.getByLabel('Căn cứ pháp lý').fill('Luật Phòng, chống mua bán người 2024, Điều 50');
    // Sent on her word alone, it is refused, in words that say what to do.
    await form.getByRole('button', { name: 'Ghi lại' }).click();
    await form.getByRole('alert').filter({ hasText: 'cán bộ thứ hai của đơn vị duyệt gửi' }).waitFor();
    expect((await api.get(`/cases/${caseId}`)).body).toMatchObject({ exchangeIds: [] });

    await form.getByLabel('Lưu làm thư nháp (chưa gửi)').check();
    await form.getByRole('button', { name: 'Ghi lại' }).click();
    const mine = author.page.getByRole('region', { name: 'Thư nháp chờ duyệt gửi' });
    await mine.waitFor();
    expect(await mine.innerText()).toContain(`Người soạn: ${OFFICER.username}`);
    expect(await mine.innerText()).toContain('Bạn là người soạn nên không thể tự duyệt gửi');
    expect(await mine.getByRole('button', { name: 'Duyệt gửi' }).count()).toBe(0);
    expect(await mine.getByRole('button', { name: 'Rút đề nghị duyệt' }).count()).toBe(1);
    expect(await seriousViolations(author.page)).toEqual([]);
    expect(author.problems).toEqual([]);

    const { exchangeIds } = (await api.get(`/cases/${caseId}`)).body as { exchangeIds: string[] };
    expect(exchangeIds).toHaveLength(1);

    const colleague = await openAs(h, SECOND_OFFICER);
    await colleague.page.goto(`${h.url}/cases/${caseId}`);
    const theirs = colleague.page.getByRole('region', { name: 'Thư nháp chờ duyệt gửi' });
    await theirs.waitFor();
    expect(await theirs.innerText()).toContain('Chờ cán bộ thứ hai duyệt gửi');
    expect(await theirs.getByRole('button', { name: 'Rút đề nghị duyệt' }).count()).toBe(0);
    expect(await seriousViolations(colleague.page)).toEqual([]);
    await screenshot(colleague.page, 'exchange-release-desktop');
    await theirs.getByRole('button', { name: 'Duyệt gửi' }).click();
    await theirs.waitFor({ state: 'detached' });

    const thread = await api.get(`/exchanges/${exchangeIds[0]}`);
    expect(thread.body.messages).toEqual([
      expect.objectContaining({
        direction: 'outgoing',
        state: 'sent',
        release: expect.objectContaining({
          state: 'released',
          author: OFFICER.username,
          released: expect.objectContaining({ by: SECOND_OFFICER.username }),
        }),
      }),
    ]);
    expect(colleague.problems).toEqual([]);
  });

  it('in English, an officer asks to verify a person and the request waits; in 中文, a colleague finds it on the board and releases it', async () => {
    const seeded = await api.post('/cases', {
      channel: 'rescue',
      province: 'lang-son',
      summary: 'Giải cứu tại cửa khẩu Hữu Nghị: cần xác minh nhân thân',
      occurredAt: '2026-03-06T09:00:00+07:00',
    });
    const caseId = (seeded.body as { id: string }).id;
    const personId = await registerPerson(api, caseId);
    const consent = await api.post(`/persons/${personId}/consents`, {
      decision: 'given',
      purpose: 'identity_verification',
      recipient: 'CN-GX-PSD',
      givenBy: 'legal_representative',
      formSha256: 'ab'.repeat(32),
      occurredAt: '2026-03-06T10:00:00+07:00',
    });
    expect(consent.status).toBe(200);

    const author = await openAs(h, OFFICER);
    await author.page.getByRole('combobox', { name: 'Ngôn ngữ' }).selectOption({ label: 'English' });
    await author.page.getByRole('button', { name: 'Sign out' }).waitFor();
    await author.page.goto(`${h.url}/cases/${caseId}`);
    await author.page.getByRole('button', { name: 'Request verification' }).click();
    const ask = author.page.getByRole('form', { name: 'Request verification' });
    await ask.getByLabel('Chinese unit').selectOption('CN-GX-PSD');
    await ask.getByLabel('Person to verify').selectOption({ label: 'Nguyễn Thị Hoa' });
    await ask.getByText('has consented for this unit').waitFor();
    await ask.getByLabel('Questions').fill('Please verify her identity and family address.');
    await ask.getByLabel('Reply due').fill('2030-03-12T17:00');
    await ask.getByRole('button', { name: 'Request verification' }).click();
    const mine = author.page.getByRole('region', { name: 'Verification request awaiting release' });
    await mine.waitFor();
    expect(await mine.innerText()).toContain('You wrote this request, so you cannot release it yourself');
    expect(await mine.getByRole('button', { name: 'Release', exact: true }).count()).toBe(0);
    await author.page
      .getByRole('region', { name: 'Linked records' })
      .getByRole('row')
      .filter({ hasText: 'Draft awaiting release' })
      .waitFor();
    expect(await seriousViolations(author.page)).toEqual([]);
    expect(author.problems).toEqual([]);
    const { verificationIds } = (await api.get(`/cases/${caseId}`)).body as { verificationIds: string[] };
    expect((await api.get(`/verification-requests/${verificationIds[0]}`)).body.status).toBe('draft');

    const colleague = await openAs(h, SECOND_OFFICER);
    await colleague.page.getByRole('combobox', { name: 'Ngôn ngữ' }).selectOption({ label: '中文' });
    await colleague.page.getByRole('button', { name: '退出登录' }).waitFor();
    await colleague.page.goto(`${h.url}/deadlines`);
    const queue = colleague.page.getByRole('region', { name: /待批准发送/ });
    const row = queue.getByRole('row').filter({ hasText: '核查请求' });
    await row.waitFor();
    expect(await row.innerText()).toContain(OFFICER.username);
    expect(await seriousViolations(colleague.page)).toEqual([]);
    await row.getByRole('link', { name: '打开案件' }).click();
    const theirs = colleague.page.getByRole('region', { name: '待批准发送的核查请求' });
    await theirs.getByRole('button', { name: '批准发送' }).click();
    await theirs.waitFor({ state: 'detached' });
    await colleague.page
      .getByRole('region', { name: '关联记录' })
      .getByRole('row')
      .filter({ hasText: '已发出请求' })
      .waitFor();
    expect((await api.get(`/verification-requests/${verificationIds[0]}`)).body).toMatchObject({
      status: 'requested',
      release: { state: 'released', author: OFFICER.username, released: { by: SECOND_OFFICER.username } },
    });
    expect(colleague.problems).toEqual([]);
  });

  it('an urgent letter shows as urgent on the case and on the board, and its priority changes back with a reason', async () => {
    const seeded = await api.post('/cases', {
      channel: 'hotline',
      province: 'lang-son',
      summary: 'Tin báo: bàn giao khẩn tại cửa khẩu Hữu Nghị ngày mai',
      occurredAt: '2026-03-07T09:00:00+07:00',
    });
    const caseId = (seeded.body as { id: string }).id;
    const { page, problems } = await openAs(h, OFFICER);
    await page.goto(`${h.url}/cases/${caseId}`);
    await page.getByRole('button', { name: 'Ghi trao đổi thông tin' }).click();
    const form = page.getByRole('form', { name: 'Ghi trao đổi thông tin' });
    await form.getByLabel('Chiều').selectOption({ label: 'Đi (ta gửi)' });
    await form.getByLabel('Đơn vị phía Trung Quốc').selectOption('CN-GX-PSD');
    await form.getByLabel('Mức độ').selectOption({ label: 'Khẩn' });
    await form.getByLabel('Trích yếu').fill('Đề nghị xác nhận lịch bàn giao ngày mai');
    await form.getByLabel('Nội dung', { exact: true }).fill('Đề nghị phía bạn xác nhận giờ bàn giao tại cửa khẩu.');
    await form.getByRole('button', { name: 'Ghi lại' }).click();
    const row = page.getByRole('region', { name: 'Hồ sơ liên kết' }).getByRole('row').filter({ hasText: 'Khẩn' });
    await row.waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // On the board the reply is due within hours, marked urgent.
    await page.goto(`${h.url}/deadlines`);
    const soon = page
      .getByRole('region', { name: /Sắp đến hạn/ })
      .getByRole('row')
      .filter({ hasText: 'Khẩn' });
    await soon.waitFor();

    await page.goto(`${h.url}/cases/${caseId}`);
    await row.getByRole('button', { name: 'Đổi mức độ' }).click();
    const change = page.getByRole('form', { name: 'Đổi mức độ' });
    expect(await change.getByLabel('Mức độ', { exact: true }).inputValue()).toBe('normal');
    await change.getByLabel('Lý do đổi mức độ').fill('Phía bạn đã xác nhận lịch');
    await change.getByRole('button', { name: 'Đổi mức độ' }).click();
    await change.waitFor({ state: 'detached' });
    await page
      .getByRole('region', { name: 'Hồ sơ liên kết' })
      .getByRole('row')
      .filter({ hasText: 'Trao đổi thông tin' })
      .filter({ hasNotText: 'Khẩn' })
      .first()
      .waitFor();
    const { exchangeIds } = (await api.get(`/cases/${caseId}`)).body as { exchangeIds: string[] };
    expect((await api.get(`/exchanges/${exchangeIds[0]}`)).body.priority).toBe('normal');
    expect(problems).toEqual([]);
  });
});
