import { EVENT_STORE, type EventStore, type RecordedEvent } from '#event-store';
import { handoverStreamId } from '#handovers';
import { KEY_STORE, type KeyStore } from '#security';
import { openCase, presumedVictim, registerPerson } from './journey.js';
import type { Caller, TestApp } from './test-app.js';

/** The Chinese side proposes; the meeting is agreed for 09:00 Beijing time at Hữu Nghị – Youyiguan. */
export const proposedAt = '2026-03-01T10:00:00+08:00';
export const scheduledAt = '2026-03-05T09:00:00+08:00';

export const proposal = (caseId: string, personIds: readonly string[]) => ({
  caseId,
  gate: 'HUU_NGHI',
  counterpart: 'CN-BIS-PINGXIANG',
  proposedBy: 'cn',
  personIds,
  proposedAt,
});

export const schedule = { gate: 'HUU_NGHI', scheduledAt };

export const HEALTH_VI = 'Sức khỏe ổn định, có vết bầm ở tay trái';
export const HEALTH_ZH = '健康状况稳定，左手有淤青';

/** The border guard's submission: everyone received, with notes in both languages. */
export function confirmation(personIds: readonly string[]) {
  return {
    conductedAt: '2026-03-05T09:20:00+08:00',
    vnOfficers: ['Thiếu tá Lê Văn Đức'],
    cnOfficers: ['王警官'],
    received: personIds.map((personId, i) => ({
      personId,
      healthCheck: i % 2 === 0 ? HEALTH_VI : HEALTH_ZH,
      notes: 'Mang theo một ba lô',
      statementRef: `BL-${i + 1}/2026`,
    })),
    minutes: {
      number: '07/BB-ĐBPCKHN',
      signedAt: '2026-03-05T09:45:00+08:00',
      languages: ['vi', 'zh'],
      scanSha256: 'a'.repeat(64),
    },
  };
}

export interface ProposedHandover {
  readonly caseId: string;
  readonly personIds: readonly string[];
  readonly handoverId: string;
}

/** A case with `persons` registered persons and a handover of all of them, proposed (and scheduled). */
export async function proposeHandover(
  officer: Caller,
  opts: { persons?: number; scheduled?: boolean } = {},
): Promise<ProposedHandover> {
  const caseId = await openCase(officer);
  const personIds: string[] = [];
  for (let i = 0; i < (opts.persons ?? 1); i++) personIds.push(await registerPerson(officer, caseId, presumedVictim));
  const r = await officer.post('/handovers', proposal(caseId, personIds));
  if (r.status !== 201) throw new Error(`handover not proposed: ${r.status} ${JSON.stringify(r.body)}`);
  const handoverId = r.body.id as string;
  if (opts.scheduled ?? true) {
    const s = await officer.post(`/handovers/${handoverId}/schedule`, schedule);
    if (s.status !== 200) throw new Error(`handover not scheduled: ${s.status} ${JSON.stringify(s.body)}`);
  }
  return { caseId, personIds, handoverId };
}

/** The handover's stream as stored: what was really written, with its metadata. */
export async function handoverEvents(app: TestApp, handoverId: string): Promise<RecordedEvent<any>[]> {
  const store = app.app.get<symbol, EventStore>(EVENT_STORE);
  const out: RecordedEvent<any>[] = [];
  for await (const e of store.readStream(handoverStreamId(handoverId))) out.push(e);
  return out;
}

export async function eventsOf(app: TestApp, streamId: string): Promise<RecordedEvent<any>[]> {
  const store = app.app.get<symbol, EventStore>(EVENT_STORE);
  const out: RecordedEvent<any>[] = [];
  for await (const e of store.readStream(streamId)) out.push(e);
  return out;
}

export const keyStoreOf = (app: TestApp): KeyStore => app.app.get<symbol, KeyStore>(KEY_STORE);
