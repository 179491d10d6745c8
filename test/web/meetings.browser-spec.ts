import type { Caller } from '../e2e/support/test-app.js';
import { newAction, newMeeting } from '../e2e/support/meeting-fixtures.js';
import {
  OFFICER,
  openAs,
  screenshot,
  seriousViolations,
  startWebHarness,
  type WebHarness,
} from './support/web-harness.js';

/**
 * Meetings with the counterpart (issue 11) in Chromium at 1366 px: an officer of Lạng Sơn finds the
 * BLO meeting in the menu, opens it, and sees who sat at the table and how each agreed action stands,
 * in both countries' time.
 */
describe('meetings and agreed actions, in Chromium', () => {
  let h: WebHarness | null;
  let api: Caller;

  beforeAll(async () => {
    h = await startWebHarness('meetings in a browser');
    if (!h) return;
    await h.createAccount(OFFICER);
    api = await h.app.as('liaison_officer', { sub: 'seed.officer' });
  }, 120_000);

  afterAll(async () => {
    await h?.close();
  });

  it('lists the meeting and shows its actions done, overdue and dropped with both sides’ clocks', async () => {
    if (!h) return;
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
});

const caseBody = {
  channel: 'blo_meeting',
  province: 'lang-son',
  summary: 'Phía bạn thông báo tại giao ban về hai phụ nữ được giải cứu',
  occurredAt: '2026-04-10T09:00:00+07:00',
};
