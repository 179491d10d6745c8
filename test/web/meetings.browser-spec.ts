import { createHash } from 'node:crypto';
import type { Caller } from '../e2e/support/test-app.js';
import { newAction, newMeeting } from '../e2e/support/meeting-fixtures.js';
import { scheduleHandover } from './support/gate-fixtures.js';
import {
  GUARD,
  OFFICER,
  SUPERVISOR,
  openAs,
  screenshot,
  seriousViolations,
  describeInBrowser,
  type WebHarness,
} from './support/web-harness.js';

/**
 * Meetings with the counterpart (issue 11) in Chromium at 1366 px: an officer of Lạng Sơn finds the
 * BLO meeting in the menu, opens it, and sees who sat at the table and how each agreed action stands,
 * in both countries' time; then records a meeting through the form (the minutes hashed in the
 * browser, never sent), agrees an action at it and marks it done, picking the case that shows it.
 * A supervisor records a joint campaign and finds its subtotals on the statistics page.
 */
describeInBrowser('meetings and agreed actions, in Chromium', (start) => {
  let h: WebHarness;
  let api: Caller;

  beforeAll(async () => {
    h = await start('meetings in a browser');
    await h.createAccount(OFFICER);
    await h.createAccount(SUPERVISOR);
    api = await h.app.as('liaison_officer', { sub: 'seed.officer' });
  }, 120_000);

  it('lists the meeting and shows its actions done, overdue and dropped with both sides’ clocks', async () => {
    const meeting = await api.post('/meetings', newMeeting('lang-son', 'CN-GX-PSD'));
    expect(meeting.status).toBe(201);
    const id = (meeting.body as { id: string }).id;
    const agree = async (what: string, dueAt: string) => {
      const r = await api.post(`/meetings/${id}/actions`, newAction('CN-GX-PSD', [], { what, dueAt }));
      expect(r.status).toBe(201);
      return (r.body as { actionId: string }).actionId;
    };
    const caseId = (await api.post('/cases', caseBody)).body as { id: string };
    const done = await agree('Trao đổi danh sách nạn nhân', '2026-04-30T17:00:00+07:00');
    await agree('Xác minh nhân thân hai người', '2026-04-20T17:00:00+07:00');
    const dropped = await agree('Tổ chức bàn giao tại Hữu Nghị', '2026-05-15T17:00:00+07:00');
    expect(
      (
        await api.post(`/meetings/${id}/actions/${done}/done`, {
          fulfilledBy: { kind: 'case', id: caseId.id },
          doneAt: '2026-04-25T10:00:00+07:00',
        })
      ).status,
    ).toBe(200);
    const last = await api.post(`/meetings/${id}/actions/${dropped}/drop`, { reason: 'Phía bạn đã tự giải quyết' });
    expect(last.status).toBe(200);

    const officer = await openAs(h, OFFICER);
    const { page } = officer;
    await page.goto(`${h.url}/`);
    await page.getByRole('navigation').getByRole('link', { name: 'Hội đàm, giao ban' }).click();
    await page.getByRole('link', { name: 'Giao ban BLO' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Giao ban BLO' }).waitFor();
    // 09:00 in Vietnam is 10:00 in China: both are shown.
    const heldAt = await page.locator('dl.facts dd').first().innerText();
    expect(heldAt).toMatch(/09:00[\s\S]*10:00/);
    const participants = page.getByRole('table').filter({ hasText: 'Họ tên' });
    await participants.getByRole('row', { name: /Phía Trung Quốc.*李明/ }).waitFor();
    await page.getByText('3 việc: 1 xong đúng hạn, 0 xong muộn, 1 đang làm (1 quá hạn), 1 thôi không làm.').waitFor();
    const actions = page.locator('table.meeting-actions');
    await actions.getByRole('row', { name: /Trao đổi danh sách nạn nhân.*Xong đúng hạn \(vụ việc\)/ }).waitFor();
    await actions.getByRole('row', { name: /Xác minh nhân thân hai người.*Quá hạn/ }).waitFor();
    await actions.getByRole('row', { name: /Tổ chức bàn giao.*Thôi không làm: Phía bạn đã tự giải quyết/ }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(officer.problems).toEqual([]);
    await screenshot(page, 'meeting-page');
  });

  it('records a meeting with its minutes hash, agrees an action and marks it done, all through the forms', async () => {
    const fulfilling = await api.post('/cases', { ...caseBody, summary: 'Danh sách trao đổi tại buổi làm việc' });
    expect(fulfilling.status).toBe(201);
    const caseId = (fulfilling.body as { id: string }).id;
    const minutes = Buffer.from(`Biên bản làm việc song ngữ ${caseId}`, 'utf8');
    const minutesHash = createHash('sha256').update(minutes).digest('hex');
    // A handover of the province in the picker's window (at Hữu Nghị, with the Bằng Tường station).
    await scheduleHandover(h.app, GUARD);

    const officer = await openAs(h, OFFICER);
    const { page } = officer;
    await page.goto(`${h.url}/meetings`);
    await page.getByRole('button', { name: 'Ghi cuộc hội đàm, giao ban' }).click();
    const form = page.getByRole('form', { name: 'Ghi cuộc hội đàm, giao ban' });
    await form.getByLabel('Hình thức').selectOption({ label: 'Làm việc' });
    await form.getByLabel('Sở Công an Khu tự trị dân tộc Choang Quảng Tây').check();
    await form.getByLabel('Địa điểm').fill('Bằng Tường, Quảng Tây');
    // Typed on the Chinese clock (the host's), read back on both before saving.
    await form.getByLabel('Thời gian', { exact: true }).fill('2026-04-12T10:00');
    await form.getByLabel('Múi giờ').selectOption({ label: 'Giờ Trung Quốc (UTC+8)' });
    expect(await form.locator('.border-time .dual-time').innerText()).toMatch(/09:00[\s\S]*10:00/);
    await form.getByLabel('Họ tên (người 1)').fill('Hoàng Văn Nam');
    await form.getByLabel('Chức vụ (người 1)').fill('Trưởng Văn phòng liên lạc biên giới');
    await form.getByLabel('Họ tên (người 2)').fill('王强');
    await form.getByLabel('Chức vụ (người 2)').fill('边境联络官');
    await form.getByRole('button', { name: 'Thêm người tham dự' }).click();
    await form.getByLabel('Họ tên (người 3)').fill('Người ghi nhầm');
    await form.getByRole('button', { name: 'Bỏ người tham dự 3' }).click();
    await form.getByLabel('Tiếng Anh').check();
    await form.getByLabel('Số hiệu hoặc nơi lưu biên bản song ngữ').fill('BB-2026/04-LS-GX');
    await form
      .getByLabel('Tệp biên bản đã ký')
      .setInputFiles({ name: 'bien-ban.pdf', mimeType: 'application/pdf', buffer: minutes });
    await form.getByText(minutesHash).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'meeting-form');
    await form.getByRole('button', { name: 'Lưu cuộc hội đàm, giao ban' }).click();

    await page.getByRole('heading', { level: 1, name: 'Làm việc' }).waitFor();
    const id = new URL(page.url()).pathname.split('/').pop() ?? '';
    await page.locator('dl.facts').getByText(`BB-2026/04-LS-GX · SHA-256 ${minutesHash}`).waitFor();

    await page.getByRole('button', { name: 'Ghi việc đã thống nhất' }).click();
    const agree = page.getByRole('form', { name: 'Ghi việc đã thống nhất' });
    await agree.getByLabel('Nội dung').fill('Trao đổi danh sách người cần xác minh');
    await agree.getByLabel('Hạn', { exact: true }).fill('2026-04-30T17:00');
    await agree.getByRole('button', { name: 'Ghi việc', exact: true }).click();
    const actions = page.locator('table.meeting-actions');
    await actions
      .getByRole('row', {
        name: /Trao đổi danh sách người cần xác minh.*Văn phòng liên lạc biên giới Lạng Sơn.*Sở Công an Khu tự trị dân tộc Choang Quảng Tây/,
      })
      .waitFor();

    await page.getByRole('button', { name: 'Đã xong: Trao đổi danh sách người cần xác minh' }).click();
    const done = page.getByRole('form', { name: /Ghi xong việc/ });
    await done.getByLabel('Thời điểm hoàn thành').fill('2026-04-20T10:00');
    // A record the lists do not show can still be named by its id; one the province does not hold
    // is refused in words, at the form, and nothing is written.
    const picker = done.getByLabel('Hồ sơ thể hiện việc đã làm');
    await picker.selectOption({ label: 'Hồ sơ khác: nhập mã…' });
    await done.getByLabel('Mã hồ sơ').fill(crypto.randomUUID());
    await done.getByRole('button', { name: 'Ghi đã xong' }).click();
    await done.getByRole('alert').getByText('Không tìm thấy hồ sơ được chọn trong tỉnh').waitFor();
    // The case is picked from the province's recent cases, named as the case list names it.
    const recent = picker.locator('optgroup[label="Vụ việc gần đây"] option', {
      hasText: 'Danh sách trao đổi tại buổi làm việc',
    });
    await recent.waitFor({ state: 'attached' });
    // Handovers read as the register names their gate and counterpart unit, not as codes.
    // Waiting for the name also waits for the register, which the picker reads beside the list.
    const handover = picker.locator('optgroup[label="Cuộc bàn giao gần đây"] option', {
      hasText: 'Cửa khẩu quốc tế Hữu Nghị',
    });
    await handover.waitFor({ state: 'attached' });
    const handoverText = await handover.innerText();
    expect(handoverText).toMatch(
      /^bàn giao · Cửa khẩu quốc tế Hữu Nghị · .+ · Trạm Kiểm tra biên phòng xuất nhập cảnh Bằng Tường$/,
    );
    expect(handoverText).not.toMatch(/HUU_NGHI|CN-BIS-PINGXIANG/);
    await picker.selectOption({ label: await recent.innerText() });
    expect(await done.getByLabel('Mã hồ sơ').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'meeting-action-done-picker');
    await done.getByRole('button', { name: 'Ghi đã xong' }).click();
    await actions
      .getByRole('row', { name: /Trao đổi danh sách người cần xác minh.*Xong đúng hạn \(vụ việc\)/ })
      .waitFor();
    await page.getByText('1 việc: 1 xong đúng hạn, 0 xong muộn, 0 đang làm (0 quá hạn), 0 thôi không làm.').waitFor();
    expect(officer.problems).toEqual([]);

    // The api holds what the forms sent: the meeting as typed, one action agreed and done once.
    const read = await api.get(`/meetings/${id}`);
    expect(read.status).toBe(200);
    const meeting = read.body as MeetingRead;
    expect(meeting).toMatchObject({
      kind: 'working_session',
      province: 'lang-son',
      place: 'Bằng Tường, Quảng Tây',
      languages: ['vi', 'zh', 'en'],
      minutes: { reference: 'BB-2026/04-LS-GX', sha256: minutesHash },
      participants: [
        { side: 'vn', name: 'Hoàng Văn Nam', role: 'Trưởng Văn phòng liên lạc biên giới' },
        { side: 'cn', name: '王强', role: '边境联络官' },
      ],
    });
    expect(meeting.heldAt.at).toBe('2026-04-12T02:00:00.000Z');
    expect(meeting.counterparts.map((c) => c.code)).toEqual(['CN-GX-PSD']);
    expect(meeting.actions).toHaveLength(1);
    expect(meeting.actions[0]).toMatchObject({
      what: 'Trao đổi danh sách người cần xác minh',
      owner: { kind: 'unit', id: 'VN-LS-BLO' },
      counterpart: { code: 'CN-GX-PSD' },
      status: 'done',
      done: { fulfilledBy: { kind: 'case', id: caseId }, late: false },
    });
    await screenshot(page, 'meeting-recorded');
  });
  it('a supervisor records a joint campaign, sees it listed on both clocks and finds its subtotals', async () => {
    // A case received in the campaign's days: counted in its subtotal (one, so "<11").
    const august = await api.post('/cases', { ...caseBody, occurredAt: '2026-08-03T09:00:00+07:00' });
    expect(august.status).toBe(201);

    const supervisor = await openAs(h, SUPERVISOR);
    const { page } = supervisor;
    await page.goto(`${h.url}/`);
    await page.getByRole('navigation').getByRole('link', { name: 'Hội đàm, giao ban' }).click();
    await page.getByRole('link', { name: 'Đợt cao điểm' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đợt cao điểm' }).waitFor();
    await page.getByRole('button', { name: 'Ghi đợt cao điểm' }).click();
    const form = page.getByRole('form', { name: 'Ghi đợt cao điểm' });
    await form.getByLabel('Tên đợt cao điểm').fill('Cao điểm phòng, chống mua bán người tháng 8');
    await form.getByLabel('Sở Công an Khu tự trị dân tộc Choang Quảng Tây').check();
    await form.getByLabel('Ngày bắt đầu').fill('2026-08-01');
    await form.getByLabel('Ngày kết thúc').fill('2026-08-31');
    // The first day begins at 00:00 in Vietnam, 01:00 in China; the last ends at the next midnight.
    const clocks = await form.locator('.campaign-clocks').innerText();
    expect(clocks).toMatch(/00:00[\s\S]*01:00[\s\S]*00:00[\s\S]*01:00/);
    expect(await seriousViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Lưu đợt cao điểm' }).click();
    const row = page
      .locator('table.campaigns')
      .getByRole('row', { name: /Cao điểm phòng, chống mua bán người tháng 8/ });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/Lạng Sơn[\s\S]*Choang Quảng Tây[\s\S]*00:00[\s\S]*01:00/);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'campaigns');

    // Its subtotal for the third quarter, beside the period's own figures.
    await page.getByRole('navigation').getByRole('link', { name: 'Thống kê' }).click();
    await page.getByLabel('Kỳ báo cáo').selectOption({ label: 'Quý 3/2026' });
    const subtotals = page.locator('table.campaign-subtotals');
    const subtotal = subtotals.getByRole('row', { name: /Cao điểm phòng, chống mua bán người tháng 8/ });
    await subtotal.waitFor();
    expect(await subtotal.innerText()).toContain('<11');
    // The period's own figures carry the meetings and the actions agreed there.
    await page.getByRole('table', { name: 'Hội đàm, giao ban với phía bạn', exact: true }).waitFor();
    await page.getByRole('table', { name: 'Việc đã thống nhất tại hội đàm, giao ban', exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'statistics-campaigns');
    expect(supervisor.problems).toEqual([]);

    // An officer reads the same list but does not record campaigns.
    const officer = await openAs(h, OFFICER);
    await officer.page.goto(`${h.url}/meetings/campaigns`);
    await officer.page
      .locator('table.campaigns')
      .getByRole('row', { name: /Cao điểm phòng, chống mua bán người tháng 8/ })
      .waitFor();
    expect(await officer.page.getByRole('button', { name: 'Ghi đợt cao điểm' }).count()).toBe(0);
  });
});

interface MeetingRead {
  readonly heldAt: { readonly at: string };
  readonly counterparts: readonly { readonly code: string }[];
  readonly actions: readonly Record<string, unknown>[];
}

const caseBody = {
  channel: 'blo_meeting',
  province: 'lang-son',
  summary: 'Phía bạn thông báo tại giao ban về hai phụ nữ được giải cứu',
  occurredAt: '2026-04-10T09:00:00+07:00',
};
