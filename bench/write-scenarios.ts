import { log } from './bench-kit.js';
import { post, type HttpTarget, type Scenario } from './write-http.js';

/**
 * The write the HTTP figures are about. Issue 2 names "log an exchange message"
 * (`POST /exchanges/{id}/messages`); until that route exists the bench falls back to
 * "receive a report" (`POST /cases`), the nearest one-event command, and says so in the table.
 */
const OCCURRED_AT = '2026-03-05T09:00:00+07:00';

const newCase = {
  channel: 'hotline',
  province: 'lang-son',
  summary: 'Tin báo qua đường dây nóng 111: một phụ nữ bị giữ tại Bằng Tường, đề nghị phối hợp xác minh',
  occurredAt: OCCURRED_AT,
};

const message = {
  direction: 'outgoing',
  subject: 'Đề nghị xác minh nhân thân — 请求核实身份 — request to verify identity',
  body:
    'Phòng Phối hợp biên giới Lạng Sơn đề nghị phía bạn xác minh thông tin về một trường hợp nghi là nạn nhân ' +
    'mua bán người được phát hiện tại khu vực cửa khẩu; đề nghị phản hồi trong vòng 72 giờ.',
  language: 'vi',
  handlingCode: 'H1',
  occurredAt: OCCURRED_AT,
  carriesPersonalData: false,
};

export const casesScenario: Scenario = {
  label: 'POST /cases',
  paths: ['/api/v1/cases'],
  body: JSON.stringify(newCase),
};

/**
 * Opens `threads` exchanges and rotates the messages over them, so concurrent clients rarely
 * write the same stream and no thread grows unrealistically long (each command reloads it).
 * Null when the exchanges routes are not (yet) served, or refuse the bench's bodies.
 */
export async function exchangeScenario(target: HttpTarget, threads: number): Promise<Scenario | null> {
  const probe = await post(target, '/api/v1/exchanges', {});
  if (probe.status === 404) return null;
  // Opening a thread also links it on its case, so openers sharing a case would race on the
  // case stream: each parallel opener gets its own case and opens its threads one after another.
  const openers = Math.min(16, threads);
  const ids: string[] = [];
  const refusals: { status: number; body: unknown }[] = [];
  await Promise.all(
    Array.from({ length: openers }, async (_, k) => {
      const created = await post(target, '/api/v1/cases', newCase);
      if (created.status !== 201) return refusals.push(created);
      const opening = {
        caseIds: [created.body.id as string],
        counterpart: 'CN-GX-PSD',
        channel: 'official_letter',
        ...message,
      };
      for (let i = k; i < threads && refusals.length === 0; i += openers) {
        const r = await post(target, '/api/v1/exchanges', opening);
        if (r.status === 201) ids.push(r.body.id as string);
        else refusals.push(r);
      }
    }),
  );
  if (refusals.length > 0) return refused('opening an exchange', refusals[0]);
  const paths = ids.map((id) => `/api/v1/exchanges/${id}/messages`);
  const first = await post(target, paths[0], message);
  if (first.status < 200 || first.status > 299) return refused('logging a message', first);
  return { label: 'POST /exchanges/{id}/messages', paths, body: JSON.stringify(message) };
}

function refused(what: string, r: { status: number; body: unknown }): null {
  log(`  exchanges routes refused the bench's ${what} (${r.status} ${JSON.stringify(r.body).slice(0, 300)});`);
  log('  falling back to POST /cases — update bench/write-scenarios.ts to the served contract');
  return null;
}
