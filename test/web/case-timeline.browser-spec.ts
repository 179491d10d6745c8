import { localTimes } from '#shared-kernel';
import type { Caller } from '../e2e/support/test-app.js';
import {
  DESKTOP_VIEWPORT,
  seriousViolations,
  signIn,
  describeInBrowser,
  type WebHarness,
  SUPERVISOR,
} from './support/web-harness.js';

/**
 * A long case timeline on the desktop case page: drawn in batches with a "show more" that says
 * how many remain, not drawn again when a form opens, and the replay control still at work.
 */
/** More than one batch of the page (200) and not a multiple of it. */
const MESSAGES = 240;

const message = (n: number) => ({
  direction: n % 2 === 0 ? 'outgoing' : 'incoming',
  subject: `Công văn số ${n} — 第${n}号函`,
  body: 'Đề nghị phía bạn xác minh thông tin; phản hồi trong 72 giờ.',
  language: 'vi',
  handlingCode: 'H1',
  occurredAt: localTimes(new Date(Date.now() - 86_400_000).toISOString()).vn,
  carriesPersonalData: false,
});

/** A case with an exchange thread and MESSAGES messages logged on it; its timeline's length once all are read. */
async function seedLongCase(officer: Caller): Promise<{ caseId: string; entries: number }> {
  const created = await officer.post('/cases', {
    channel: 'hotline',
    province: 'lang-son',
    summary: 'Vụ việc có nhiều trao đổi với phía Trung Quốc',
    occurredAt: localTimes(new Date(Date.now() - 2 * 86_400_000).toISOString()).vn,
  });
  expect(created.status).toBe(201);
  const caseId = created.body.id as string;
  const opened = await officer.post('/exchanges', {
    caseIds: [caseId],
    counterpart: 'CN-GX-PSD',
    channel: 'official_letter',
    ...message(0),
  });
  expect(opened.status).toBe(201);
  let last = '0';
  for (let n = 1; n <= MESSAGES; n += 1) {
    const logged = await officer.post(`/exchanges/${opened.body.id as string}/messages`, message(n));
    expect([200, 201]).toContain(logged.status);
    last = logged.body.position as string;
  }
  const timeline = await officer.get(`/cases/${caseId}/timeline?minPosition=${last}`);
  expect(timeline.status).toBe(200);
  return { caseId, entries: (timeline.body.entries as unknown[]).length };
}

describeInBrowser('a long case timeline in Chromium', (start) => {
  let h: WebHarness;
  let seeded: { caseId: string; entries: number };

  beforeAll(async () => {
    h = await start('case timeline in a browser');
    await h.createAccount(SUPERVISOR);
    seeded = await seedLongCase(await h.app.as('liaison_officer'));
  }, 180_000);

  it('draws 200 entries, says how many remain, keeps the timeline as drawn while a form opens, and shows the rest on demand', async () => {
    expect(seeded.entries).toBeGreaterThan(MESSAGES);
    const { page, problems } = await h.open(DESKTOP_VIEWPORT);
    await page.goto(`${h.url}/`);
    await signIn(page, SUPERVISOR.username);
    await page.getByRole('heading', { name: `Xin chào, ${SUPERVISOR.name}` }).waitFor();
    await page.goto(`${h.url}/cases/${seeded.caseId}`);

    const timeline = page.getByRole('region', { name: 'Diễn biến' });
    const remaining = seeded.entries - 200;
    const more = timeline.getByRole('button', { name: `Xem thêm (còn ${remaining} mục)` });
    await more.waitFor();
    expect(await timeline.getByRole('list').getByRole('listitem').count()).toBe(200);
    await timeline.getByText(`Đang hiện 200 trên ${seeded.entries} mục.`).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // React keeps the props object of a host element it did not render again; a render of the
    // timeline gives its list a new one even when nothing on screen changes.
    const list = timeline.locator('ol.timeline');
    await list.evaluate((element) => {
      const key = Object.keys(element).find((k) => k.startsWith('__reactProps$'))!;
      (globalThis as unknown as { drawnWith: unknown }).drawnWith = (element as unknown as Record<string, unknown>)[
        key
      ];
    });
    const acts = page.getByRole('region', { name: 'Thao tác' });
    await acts.getByRole('button', { name: 'Phân loại' }).click();
    await page.getByRole('form', { name: 'Phân loại' }).waitFor();
    await acts.getByRole('button', { name: 'Phân loại' }).first().click();
    await page.getByRole('form', { name: 'Phân loại' }).waitFor({ state: 'detached' });
    expect(
      await list.evaluate((element) => {
        const key = Object.keys(element).find((k) => k.startsWith('__reactProps$'))!;
        return (
          (element as unknown as Record<string, unknown>)[key] ===
          (globalThis as unknown as { drawnWith: unknown }).drawnWith
        );
      }),
    ).toBe(true);

    await more.click();
    await timeline
      .getByRole('list')
      .getByRole('listitem')
      .nth(seeded.entries - 1)
      .waitFor();
    expect(await timeline.getByRole('list').getByRole('listitem').count()).toBe(seeded.entries);
    expect(await timeline.getByRole('button', { name: /Xem thêm/ }).count()).toBe(0);
    // The button is gone with the last batch: the focus goes to the first entry it added.
    expect(
      await timeline
        .locator('ol.timeline > li')
        .nth(200)
        .evaluate((entry) => entry.ownerDocument.activeElement === entry),
    ).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);

    const replay = page.getByRole('region', { name: 'Xem lại hồ sơ theo thời điểm' });
    await replay.getByRole('button', { name: 'Sự kiện sau →' }).click();
    await replay.getByText(/Sự kiện 1 \/ \d+/).waitFor();
    await replay.getByRole('button', { name: 'Sự kiện sau →' }).click();
    await replay.getByText(/Sự kiện 2 \/ \d+/).waitFor();
    expect(await replay.getByRole('list').getByRole('listitem').count()).toBeGreaterThanOrEqual(2);
    expect(problems).toEqual([]);
  });
});
