import type { Caller } from '../e2e/support/test-app.js';
import {
  OFFICER,
  openAs,
  screenshot,
  seriousViolations,
  describeInBrowser,
  type WebHarness,
} from './support/web-harness.js';

const NOTE = 'Chị Nông Thị Hạnh đau bụng, hẹn tái khám ngày 12/3';

/** Support given and a referral with its answer, recorded from the case page (issue 10, part 3). */
describeInBrowser('support and referrals for a victim, in Chromium at 1366 px', (start) => {
  let h: WebHarness;
  let officer: Caller;

  beforeAll(async () => {
    h = await start('desktop support screens in a browser');
    await h.createAccount(OFFICER);
    officer = await h.app.as('liaison_officer');
  }, 120_000);

  it('officer: records medical care with a note, refers to a health facility on an emergency, and records the facility’s acceptance', async () => {
    const created = await officer.post('/cases', {
      channel: 'rescue',
      province: 'lang-son',
      summary: 'Giải cứu một phụ nữ tại cửa khẩu Chi Ma',
      occurredAt: '2026-03-05T09:00:00+07:00',
    });
    const caseId = (created.body as { id: string }).id;
    const registered = await officer.post(`/cases/${caseId}/persons`, {
      role: 'presumed_victim',
      fullName: 'Nông Thị Hạnh',
      sex: 'female',
    });
    const personId = (registered.body as { id: string }).id;

    const { page, problems } = await openAs(h, OFFICER);
    await page.goto(`${h.url}/cases/${caseId}`);
    const hanh = page
      .getByRole('region', { name: 'Người liên quan' })
      .getByRole('listitem')
      .filter({ hasText: 'Nông Thị Hạnh' });
    await hanh.getByRole('button', { name: 'Ghi nhận hỗ trợ' }).click();
    const supportForm = page.getByRole('form', { name: 'Hỗ trợ thiết yếu cho Nông Thị Hạnh' });
    await supportForm.getByLabel('Hình thức hỗ trợ').selectOption({ label: 'Chăm sóc y tế' });
    await supportForm.getByLabel('Đơn vị/tổ chức hỗ trợ').fill('Trung tâm Y tế huyện Lộc Bình');
    await supportForm.getByLabel('Ghi chú (không bắt buộc)').fill(NOTE);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'support-desktop');
    await supportForm.getByRole('button', { name: 'Ghi nhận hỗ trợ' }).click();
    const given = hanh.getByRole('table', { name: 'Hỗ trợ đã thực hiện' });
    await given.getByText('Chăm sóc y tế').waitFor();
    expect(await given.innerText()).toContain('Trung tâm Y tế huyện Lộc Bình');
    // The note is sealed: the case page says one exists and never shows it.
    expect(await page.locator('body').innerText()).not.toContain('đau bụng');

    await hanh.getByRole('button', { name: 'Chuyển gửi dịch vụ' }).click();
    const referralForm = page.getByRole('form', { name: 'Chuyển gửi Nông Thị Hạnh đến dịch vụ hỗ trợ' });
    await referralForm.getByLabel('Dịch vụ').selectOption({ label: 'Cơ sở y tế' });
    await referralForm.getByLabel('Đơn vị tiếp nhận').fill('Bệnh viện Đa khoa tỉnh Lạng Sơn');
    await referralForm.getByLabel('Căn cứ').selectOption({ label: 'Cấp cứu y tế' });
    expect(await seriousViolations(page)).toEqual([]);
    await referralForm.getByRole('button', { name: 'Ghi nhận chuyển gửi' }).click();
    const referrals = hanh.getByRole('table', { name: 'Chuyển gửi' });
    await referrals.getByText('Chờ trả lời').waitFor();

    await referrals.getByRole('button', { name: 'Ghi nhận trả lời' }).click();
    const answer = referrals.getByRole('form', { name: 'Ghi nhận trả lời' });
    await answer.getByLabel('Đã tiếp nhận').check();
    await answer.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
    await referrals.getByText('Đã tiếp nhận').waitFor();
    await referrals.getByRole('button', { name: 'Ghi nhận hoàn thành' }).waitFor();

    // She came back from a scam compound: the screening is recorded in codes, in words on the page.
    await hanh.getByRole('button', { name: 'Ghi nhận sàng lọc' }).click();
    const screening = page.getByRole('form', { name: 'Sàng lọc dấu hiệu mua bán người: Nông Thị Hạnh' });
    await screening.getByLabel('Nhóm đối tượng').selectOption({ label: 'Trở về từ các cơ sở lừa đảo trực tuyến' });
    await screening.getByLabel('Cưỡng ép phạm tội (lừa đảo trực tuyến…)').check();
    await screening.getByLabel('Cưỡng bức lao động').check();
    expect(await seriousViolations(page)).toEqual([]);
    await screening.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
    const screened = hanh.getByRole('table', { name: 'Kết quả sàng lọc' });
    await screened.getByText('Có dấu hiệu bị mua bán').waitFor();
    expect(await screened.innerText()).toContain('Cưỡng ép phạm tội');
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);

    const person = await officer.get(`/persons/${personId}`);
    expect(person.body.support).toEqual([expect.objectContaining({ kind: 'medical_care', note: NOTE })]);
    expect(person.body.referrals).toEqual([
      expect.objectContaining({ service: 'health_facility', exemption: 'medical_emergency', state: 'accepted' }),
    ]);
    expect(person.body.screenings).toEqual([
      expect.objectContaining({
        group: 'online_scam_compound_returnee',
        exploitationTypes: ['forced_criminality', 'forced_labour'],
        result: 'indicators_present',
      }),
    ]);
  });
});
