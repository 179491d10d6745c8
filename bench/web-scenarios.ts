import { performance } from 'node:perf_hooks';
import { localTimes } from '#shared-kernel';
import { log } from './bench-kit.js';
import { accepted, type WebService } from './web-service.js';

/**
 * The data the pages are measured on, written through the api as a liaison officer would, so the
 * read models the pages use are built the same way as in service.
 */
const newCase = (summary: string) => ({
  channel: 'hotline',
  province: 'lang-son',
  summary,
  occurredAt: localTimes(new Date(Date.now() - 2 * 86_400_000).toISOString()).vn,
});

const presumedVictim = (n: number) => ({
  role: 'presumed_victim',
  fullName: `Nguyễn Thị Hoa ${n}`,
  nameVariants: [{ script: 'zh-Hans', value: '阮氏花' }],
  sex: 'female',
  dateOfBirth: '2009-05-17',
  nationality: 'VN',
  documents: [{ kind: 'cccd', number: `0013090${String(10000 + n)}` }],
});

/** Today in Vietnam (the day the gate's list shows), as YYYY-MM-DD. */
const vietnamToday = (): string => localTimes(new Date().toISOString()).vn.slice(0, 10);

/**
 * `count` handovers at Hữu Nghị scheduled today (Vietnam day), two hours apart from 07:00, each
 * with its own case and presumed victim, as an officer's proposals and schedules through the api.
 * Returns once the guard's list (a read model) shows them all.
 */
export async function seedHandovers(s: WebService, count: number): Promise<void> {
  const day = vietnamToday();
  let position = '0';
  for (let k = 0; k < count; k += 1) {
    const caseId = accepted('case', await s.officer('POST', '/cases', newCase(`Bàn giao số ${k + 1}`)), 201)
      .id as string;
    const personId = accepted('person', await s.officer('POST', `/cases/${caseId}/persons`, presumedVictim(k)), 201)
      .id as string;
    const proposed = accepted(
      'handover proposed',
      await s.officer('POST', '/handovers', {
        caseId,
        gate: 'HUU_NGHI',
        counterpart: 'CN-BIS-PINGXIANG',
        proposedBy: 'cn',
        personIds: [personId],
        proposedAt: localTimes(new Date(Date.now() - 86_400_000).toISOString()).cn,
      }),
      201,
    );
    const hour = String(7 + 2 * (k % 8)).padStart(2, '0');
    const scheduledAt = localTimes(new Date(`${day}T${hour}:00:00+07:00`).toISOString()).cn;
    position = accepted(
      'handover scheduled',
      await s.officer('POST', `/handovers/${proposed.id as string}/schedule`, { gate: 'HUU_NGHI', scheduledAt }),
      200,
    ).position as string;
  }
  accepted('guard list', await s.guard('GET', `/handovers?minPosition=${position}`), 200);
}

const message = (n: number) => ({
  direction: n % 2 === 0 ? 'outgoing' : 'incoming',
  subject: `Trao đổi số ${n} — 第${n}号函 — exchange no. ${n}`,
  body: 'Đề nghị phía bạn xác minh thông tin về trường hợp nghi là nạn nhân mua bán người; phản hồi trong 72 giờ.',
  language: 'vi',
  handlingCode: 'H1',
  occurredAt: localTimes(new Date(Date.now() - 86_400_000).toISOString()).vn,
  carriesPersonalData: false,
});

/**
 * One case whose timeline has at least `entries` entries: exchange threads linked to it, then
 * messages logged on them through the api (each a MessageLogged event, one timeline entry),
 * `threads` writers in parallel so no single stream grows long. The cheapest honest way: the
 * same commands an officer's desk sends, and the read models build the timeline as in service.
 */
export async function seedLongCase(
  s: WebService,
  entries: number,
  threads: number,
): Promise<{ caseId: string; entries: number; seconds: number }> {
  const started = performance.now();
  const caseId = accepted('long case', await s.officer('POST', '/cases', newCase('Vụ việc có dòng thời gian dài')), 201)
    .id as string;
  const exchanges: string[] = [];
  for (let k = 0; k < threads; k += 1) {
    const opened = await s.officer('POST', '/exchanges', {
      caseIds: [caseId],
      counterpart: 'CN-GX-PSD',
      channel: 'official_letter',
      ...message(k),
    });
    exchanges.push(accepted('exchange opened', opened, 201).id as string);
  }
  const current = async (minPosition: string): Promise<number> => {
    const t = accepted('timeline', await s.officer('GET', `/cases/${caseId}/timeline?minPosition=${minPosition}`), 200);
    return (t.entries as unknown[]).length;
  };
  let last = '0';
  let have = await current(last);
  const perThread = Math.ceil(Math.max(0, entries - have) / threads);
  let logged = 0;
  await Promise.all(
    exchanges.map(async (id) => {
      for (let i = 0; i < perThread; i += 1) {
        const r = accepted('message', await s.officer('POST', `/exchanges/${id}/messages`, message(i)), 200, 201);
        if (BigInt(r.position as string) > BigInt(last)) last = r.position as string;
        logged += 1;
        if (logged % 500 === 0) log(`  case timeline: ${logged} messages logged`);
      }
    }),
  );
  have = await current(last);
  return { caseId, entries: have, seconds: (performance.now() - started) / 1000 };
}
