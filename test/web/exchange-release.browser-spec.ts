import type { Caller } from '../e2e/support/test-app.js';
import {
  OFFICER,
  SECOND_OFFICER,
  openAs,
  screenshot,
  seriousViolations,
  startWebHarness,
  type WebHarness,
} from './support/web-harness.js';

/**
 * Second-officer release (issue 10) in Chromium at 1366 px: one officer of Lạng Sơn drafts a letter
 * that names a person, cannot send it alone, and a colleague of the same unit releases it.
 */
describe('second-officer release of an outgoing letter, in Chromium', () => {
  let h: WebHarness | null;
  let api: Caller;

  beforeAll(async () => {
    h = await startWebHarness('exchange release in a browser', { EXCHANGE_RELEASE: 'personal_data' });
    if (!h) return;
    for (const account of [OFFICER, SECOND_OFFICER]) await h.createAccount(account);
    api = await h.app.as('liaison_officer', { sub: 'seed.officer' });
  }, 120_000);

  afterAll(async () => {
    await h?.close();
  });

  it('officer drafts a letter with personal data; she cannot release it; a second officer of the unit releases it', async () => {
    if (!h) return;
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
});
