import {
  OFFICER,
  screenshot,
  seriousViolations,
  describeInBrowser,
  type WebHarness,
  SUPERVISOR,
  ADMIN,
  AUDITOR,
  openAs,
} from './support/web-harness.js';

const SUMMARY = 'Tin báo qua đường dây nóng 111: một phụ nữ bị giữ tại Bằng Tường';

describeInBrowser('the desktop at work, in Chromium at 1366 px', (start) => {
  let h: WebHarness;
  let caseUrl = '';

  beforeAll(async () => {
    h = await start('desktop screens in a browser');
    for (const account of [OFFICER, AUDITOR, ADMIN, SUPERVISOR]) await h.createAccount(account);
  }, 120_000);

  it('officer: receives a report, registers a person, finds the case by her name in Chinese characters, sees the timeline', async () => {
    const { page, problems } = await openAs(h, OFFICER);
    await page.getByRole('navigation').getByRole('link', { name: 'Vụ việc' }).click();
    await page.getByRole('heading', { name: 'Vụ việc', level: 1 }).waitFor();

    await page.getByRole('button', { name: 'Tiếp nhận tin báo' }).click();
    await page.getByLabel('Nguồn tin').selectOption({ label: 'Đường dây nóng' });
    expect(await page.getByLabel('Địa bàn').inputValue()).toBe('Lạng Sơn');
    await page.getByLabel('Thời điểm xảy ra').fill('2026-03-05T09:00');
    // The api's refusal of a field is shown in words next to it (blank text passes `required`).
    await page.getByLabel('Nội dung').fill('   ');
    await page.getByRole('button', { name: 'Ghi nhận tin báo' }).click();
    await page.getByRole('alert').filter({ hasText: 'Một số thông tin chưa hợp lệ.' }).waitFor();
    expect(await page.getByLabel('Nội dung').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.field', { has: page.getByLabel('Nội dung') }).innerText()).toContain(
      'Thông tin này chưa hợp lệ',
    );
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Nội dung').fill(SUMMARY);
    await page.getByRole('button', { name: 'Ghi nhận tin báo' }).click();

    await page.getByRole('heading', { name: 'Vụ việc', level: 1 }).and(page.locator('h1')).waitFor();
    await page.getByText(SUMMARY).first().waitFor();
    caseUrl = new URL(page.url()).pathname;
    expect(caseUrl).toMatch(/^\/cases\/[0-9a-f-]{36}$/);
    expect(await page.locator('.facts').innerText()).toContain('Mới tiếp nhận');

    await page.getByRole('button', { name: 'Đăng ký người liên quan' }).click();
    await page.getByLabel('Họ và tên').fill('Nguyễn Thị Hoa');
    await page.getByLabel('Cách viết 1', { exact: true }).fill('阮氏花');
    await page.getByLabel('Giới tính').selectOption({ label: 'Nữ' });
    await page.getByLabel('Ngày sinh').fill('2004-05-17');
    await page.getByRole('button', { name: 'Đăng ký', exact: true }).click();
    const persons = page.getByRole('region', { name: 'Người liên quan' });
    await persons.getByText('Nguyễn Thị Hoa').waitFor();
    expect(await persons.innerText()).toContain('Nghi là nạn nhân');

    await page.getByRole('link', { name: '← Danh sách vụ việc' }).click();
    await page.getByLabel('Tìm vụ việc').fill('阮氏花');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    const hit = page.getByRole('link', { name: SUMMARY });
    await hit.waitFor();
    expect(await page.getByRole('table').getByRole('row').count()).toBe(2);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'desktop-cases');

    await hit.click();
    const timeline = page.getByRole('region', { name: 'Diễn biến' });
    await timeline.getByRole('listitem').nth(1).waitFor();
    const text = await timeline.innerText();
    expect(text).toContain('Giờ Việt Nam');
    expect(text).toContain('Giờ Trung Quốc');
    expect(text).toMatch(/Tiếp nhận tin báo/);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'desktop-case');

    // The timeline's captions follow the chosen language.
    await page.getByRole('combobox', { name: 'Ngôn ngữ' }).selectOption({ label: '中文' });
    const zhTimeline = page.getByRole('region', { name: '案件进程' });
    await zhTimeline.getByText('越南时间').first().waitFor();
    expect(await zhTimeline.innerText()).toContain('接报');
    await page.getByRole('combobox', { name: 'Ngôn ngữ' }).selectOption({ label: 'Tiếng Việt' });
    await timeline.getByText('Giờ Việt Nam').first().waitFor();

    // A stale edit: someone classifies the case after this page read it; the page offers to reload.
    await page.getByRole('button', { name: 'Phân loại' }).first().click();
    const { csrfToken } = (await (await page.request.get(`${h.url}/api/v1/me`)).json()) as { csrfToken: string };
    const behind = await page.request.post(`${h.url}/api/v1${caseUrl}/classification`, {
      headers: { 'x-csrf-token': csrfToken },
      data: { classification: 'insufficient_information' },
    });
    expect(behind.status()).toBe(200);
    await page.getByRole('form', { name: 'Phân loại' }).getByRole('button', { name: 'Phân loại' }).click();
    await page.getByRole('alert').filter({ hasText: 'Hồ sơ vừa được người khác thay đổi' }).waitFor();
    await page.getByRole('button', { name: 'Tải lại hồ sơ' }).click();
    await page.locator('.facts').getByText('Chưa đủ thông tin').waitFor();

    await page.getByRole('button', { name: 'Thụ lý' }).first().click();
    await page.getByRole('form', { name: 'Thụ lý' }).getByRole('button', { name: 'Thụ lý' }).click();
    await page.locator('.facts').getByText('Đang xử lý').waitFor();

    // A verification request and a handover at a gate of the register, then its schedule.
    await page.getByRole('button', { name: 'Yêu cầu xác minh' }).click();
    const verification = page.getByRole('form', { name: 'Yêu cầu xác minh' });
    await verification.getByLabel('Đơn vị phía Trung Quốc').selectOption('CN-GX-PSD');
    await verification.getByLabel('Câu hỏi').fill('Đề nghị xác minh nhân thân và nơi cư trú');
    await verification.getByLabel('Hạn trả lời').fill('2030-03-12T17:00');
    await verification.getByRole('button', { name: 'Yêu cầu xác minh' }).click();
    const linked = page.getByRole('region', { name: 'Hồ sơ liên kết' });
    const asked = linked.getByRole('row').filter({ hasText: 'Đã gửi yêu cầu' });
    await asked.waitFor();
    await asked.getByRole('button', { name: 'Ghi kết quả trả lời' }).click();
    const reply = page.getByRole('form', { name: 'Ghi kết quả trả lời' });
    await reply.getByLabel('Kết quả').selectOption({ label: 'Xác nhận đúng' });
    await reply.getByLabel('Nội dung trả lời').fill('Xác nhận đúng là công dân Việt Nam, cư trú tại Lạng Sơn.');
    await reply.getByRole('button', { name: 'Ghi kết quả trả lời' }).click();
    await linked.getByRole('row').filter({ hasText: 'Đã trả lời' }).waitFor();

    await page.getByRole('button', { name: 'Ghi trao đổi thông tin' }).click();
    const exchange = page.getByRole('form', { name: 'Ghi trao đổi thông tin' });
    await exchange.getByLabel('Đơn vị phía Trung Quốc').selectOption('CN-GX-PSD');
    await exchange.getByLabel('Trích yếu').fill('关于核查身份的请求');
    await exchange.getByLabel('Nội dung', { exact: true }).fill('请协助核查阮氏花的身份。');
    await exchange.getByLabel('Số hiệu của phía Trung Quốc').fill('桂公(2026)45号');
    expect(await seriousViolations(page)).toEqual([]);
    await exchange.getByRole('button', { name: 'Ghi lại' }).click();
    await linked.getByRole('row').filter({ hasText: 'Trao đổi thông tin' }).waitFor();

    await page.getByRole('button', { name: 'Đề xuất bàn giao' }).click();
    const proposal = page.getByRole('form', { name: 'Đề xuất bàn giao' });
    await proposal.getByLabel('Cửa khẩu').selectOption('HUU_NGHI');
    await proposal.getByLabel('Đơn vị phía Trung Quốc').selectOption('CN-BIS-PINGXIANG');
    await proposal.getByRole('button', { name: 'Đề xuất bàn giao' }).click();
    const handover = linked.getByRole('row').filter({ hasText: 'Bàn giao' });
    await handover.filter({ hasText: 'Đã đề xuất' }).waitFor();
    await handover.getByRole('button', { name: 'Xếp lịch' }).click();
    const schedule = page.getByRole('form', { name: 'Xếp lịch' });
    await schedule.getByLabel('Cửa khẩu').selectOption('HUU_NGHI');
    await schedule.getByLabel('Thời điểm bàn giao').fill('2030-03-20T09:00');
    expect(await schedule.getByLabel('Múi giờ').inputValue()).toBe('cn');
    expect(await seriousViolations(page)).toEqual([]);
    await schedule.getByRole('button', { name: 'Xếp lịch' }).click();
    await linked.getByRole('row').filter({ hasText: 'Đã xếp lịch' }).waitFor();

    await page.getByRole('navigation').getByRole('link', { name: 'Thời hạn' }).click();
    await page.getByRole('heading', { name: /^Quá hạn/ }).waitFor();
    await page.getByRole('heading', { name: /^Sắp đến hạn/ }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'desktop-deadlines');
    expect(problems).toEqual([]);
  });

  it('auditor: sees the read of her personal data in the audit log and checks the case’s integrity', async () => {
    if (!h || !caseUrl) return;
    const { page, problems } = await openAs(h, AUDITOR);
    await page.getByRole('navigation').getByRole('link', { name: 'Kiểm tra' }).click();
    await page.getByLabel('Người dùng').fill(OFFICER.username);
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    const row = page.getByRole('row').filter({ hasText: 'Xem dữ liệu cá nhân' }).filter({ hasText: OFFICER.username });
    await row.first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'desktop-audit');

    await page.goto(`${h.url}${caseUrl}`);
    await page.getByRole('button', { name: 'Kiểm tra ngay' }).click();
    await page.getByRole('status').filter({ hasText: 'Hồ sơ nguyên vẹn' }).waitFor();
    expect(problems).toEqual([]);
  });

  it('supervisor: replays the case step by step', async () => {
    if (!h || !caseUrl) return;
    const { page, problems } = await openAs(h, SUPERVISOR);
    await page.goto(`${h.url}${caseUrl}`);
    const replay = page.getByRole('region', { name: 'Xem lại hồ sơ theo thời điểm' });
    await replay.getByLabel('Thời điểm').waitFor();
    await replay.getByRole('button', { name: 'Sự kiện sau →' }).click();
    await replay.getByText(/Sự kiện 1 \/ \d+/).waitFor();
    expect(await replay.locator('.facts').innerText()).toContain('Mới tiếp nhận');
    await replay.getByRole('button', { name: 'Sự kiện sau →' }).click();
    await replay.getByText(/Sự kiện 2 \/ \d+/).waitFor();
    await replay.getByRole('button', { name: '← Sự kiện trước' }).click();
    await replay.getByText(/Sự kiện 1 \/ \d+/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('navigation').getByRole('link', { name: 'Thống kê' }).click();
    await page.getByRole('table', { name: 'Tin báo', exact: true }).waitFor();
    expect(await page.getByRole('link', { name: 'Tải CSV' }).getAttribute('href')).toMatch(/format=csv/);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'desktop-statistics');
    expect(problems).toEqual([]);
  });

  it('admin: adds a user, never sees a password back', async () => {
    const { page, problems } = await openAs(h, ADMIN);
    await page.getByRole('navigation').getByRole('link', { name: 'Người dùng' }).click();
    await page.getByRole('button', { name: 'Thêm người dùng' }).click();
    await page.getByLabel('Tên đăng nhập').fill('vu.thi.mai');
    await page.getByLabel('Họ và tên').fill('Vũ Thị Mai');
    await page.getByLabel('Đơn vị').fill('VN-LS-BLO');
    await page.getByLabel('Mật khẩu').fill('Một mật khẩu đủ dài 2026');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    const row = page.getByRole('row').filter({ hasText: 'vu.thi.mai' });
    await row.waitFor();
    expect(await row.innerText()).toContain('Cán bộ BLO');
    expect(await row.innerText()).toContain('Văn phòng liên lạc biên giới Lạng Sơn (VN-LS-BLO)');
    expect(await page.content()).not.toContain('Một mật khẩu đủ dài 2026');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'desktop-users');
    expect(problems).toEqual([]);
  });
});
