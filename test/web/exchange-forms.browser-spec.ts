import type { Caller } from '../e2e/support/test-app.js';
import { OFFICER, openAs, describeInBrowser, type WebHarness } from './support/web-harness.js';

/**
 * The parts of the exchange form no other journey touches, in Chromium: an outgoing letter with
 * an attachment (name and SHA-256 recorded as typed), the legal-basis field that appears only
 * while the letter is marked as carrying personal data, and the counterpart's acknowledgement
 * of receipt recorded from the case page. What was recorded is read back through the API.
 */
describeInBrowser('exchange form: attachments and acknowledgement', (start) => {
  let h: WebHarness;
  let api: Caller;
  beforeAll(async () => {
    h = await start('exchange forms');
    await h.createAccount(OFFICER);
    api = await h.app.as('liaison_officer', { sub: 'seed.officer' });
  }, 120_000);

  it('records an outgoing letter with an attachment, then its acknowledgement', async () => {
    const seeded = await api.post('/cases', {
      channel: 'hotline',
      province: 'lang-son',
      summary: 'Tin báo thử',
      occurredAt: '2026-03-05T09:00:00+07:00',
    });
    const caseId = (seeded.body as { id: string }).id;
    const { page } = await openAs(h, OFFICER);
    await page.goto(`${h.url}/cases/${caseId}`);
    await page.getByRole('button', { name: 'Ghi trao đổi thông tin' }).click();
    const form = page.getByRole('form', { name: 'Ghi trao đổi thông tin' });
    await form.getByLabel('Chiều').selectOption({ label: 'Đi (ta gửi)' });
    await form.getByLabel('Đơn vị phía Trung Quốc').selectOption('CN-GX-PSD');
    await form.getByLabel('Trích yếu').fill('Thư thử');
    await form.getByLabel('Nội dung', { exact: true }).fill('Nội dung thử');
    await form.getByLabel('Có dữ liệu cá nhân').check();
    await form.getByLabel('Căn cứ pháp lý').waitFor();
    await form.getByLabel('Có dữ liệu cá nhân').uncheck();
    await form.getByRole('button', { name: 'Thêm tệp đính kèm' }).click();
    await form.getByLabel('Tên tệp 1').fill('cong-van.pdf');
    await form.getByLabel('Mã SHA-256 của tệp 1').fill('a'.repeat(64));
    await form.getByRole('button', { name: 'Ghi lại' }).click();
    await form.waitFor({ state: 'detached' });
    const exchangeId = ((await api.get(`/cases/${caseId}`)).body as { exchangeIds: string[] }).exchangeIds[0];
    const before = (await api.get(`/exchanges/${exchangeId}`)).body as { messages: { attachments: unknown[] }[] };
    expect(before.messages[0]?.attachments).toEqual([{ name: 'cong-van.pdf', sha256: 'a'.repeat(64) }]);

    await page.getByRole('button', { name: 'Ghi nhận phía bạn đã nhận' }).click();
    const ack = page.getByRole('form', { name: 'Ghi nhận phía bạn đã nhận' });
    await ack.getByLabel('Người nhận phía bạn').fill('Lý Minh');
    await ack.getByRole('button', { name: 'Ghi nhận phía bạn đã nhận' }).click();
    await ack.waitFor({ state: 'detached' });
    const after = (await api.get(`/exchanges/${exchangeId}`)).body as {
      messages: { acknowledgement: { by: string | null } | null }[];
    };
    expect(after.messages[0]?.acknowledgement?.by).toBe('Lý Minh');
  });
});
