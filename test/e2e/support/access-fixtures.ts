import { EVENT_STORE, type EventStore } from '#event-store';
import type { Role } from '#shared-kernel';
import { firstMessage, newExchange, newVerification } from './exchange-fixtures.js';
import { newCase, presumedVictim } from './journey.js';
import { newAction, newMeeting } from './meeting-fixtures.js';
import type { Caller, TestApp, TokenExtra } from './test-app.js';

/** One province's records, every kind, linked as in real work: the person is in the handover. */
export interface ProvinceRecords {
  readonly province: string;
  readonly gate: string;
  readonly caseId: string;
  readonly personId: string;
  readonly exchangeId: string;
  readonly messageId: string;
  readonly draftId: string;
  readonly verificationId: string;
  readonly handoverId: string;
  /** A meeting of the province with the counterpart, and one open action agreed there. */
  readonly meetingId: string;
  readonly actionId: string;
  /** The province's report to the steering committee for 2026-Q1, opened (issue 11). */
  readonly reportId: string;
  /** The case's first event (ReportReceived), for the integrity proof. */
  readonly eventId: string;
}

export interface Side {
  readonly province: string;
  readonly unit: string;
  readonly gate: string;
  readonly counterpart: string;
}

export const LANG_SON: Side = {
  province: 'lang-son',
  unit: 'VN-LS-BLO',
  gate: 'HUU_NGHI',
  counterpart: 'CN-BIS-PINGXIANG',
};
export const LAO_CAI: Side = { province: 'lao-cai', unit: 'VN-LC-BLO', gate: 'LAO_CAI', counterpart: 'CN-BIS-HEKOU' };

/** A caller of the matrix: a role with a province (or * for a national unit) and, for guards, gates. */
export interface MatrixCaller {
  readonly name: string;
  readonly role: Role;
  readonly province: string;
  readonly gates: readonly string[];
}

const caller = (name: string, role: Role, province: string, gates: readonly string[] = []): MatrixCaller => ({
  name,
  role,
  province,
  gates,
});

/** Every role of Lạng Sơn, a guard of another Lạng Sơn gate, and the national unit's roles. */
export const CALLERS: readonly MatrixCaller[] = [
  caller('officer of Lạng Sơn', 'liaison_officer', 'lang-son'),
  caller('supervisor of Lạng Sơn', 'supervisor', 'lang-son'),
  caller('auditor of Lạng Sơn', 'auditor', 'lang-son'),
  caller('admin of Lạng Sơn', 'admin', 'lang-son'),
  caller('guard of Hữu Nghị', 'border_guard', 'lang-son', ['HUU_NGHI']),
  caller('guard of Tân Thanh', 'border_guard', 'lang-son', ['TAN_THANH']),
  caller('national officer', 'liaison_officer', '*'),
  caller('national supervisor', 'supervisor', '*'),
  caller('national auditor', 'auditor', '*'),
];

export async function callerFor(app: TestApp, c: MatrixCaller): Promise<Caller> {
  const extra: TokenExtra = {
    sub: `${c.role}.${c.province === '*' ? 'national' : c.province}.${c.gates.join('-') || 'office'}`,
    province: c.province,
    unit: c.province === '*' ? 'VN-BCA-C02' : 'VN-LS-BLO',
    gates: c.gates.length > 0 ? c.gates : undefined,
  };
  return app.as(c.role, extra);
}

async function created(answer: Promise<{ status: number; body: any }>, what: string): Promise<any> {
  const r = await answer;
  if (r.status !== 201 && r.status !== 200) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Builds one province's records as that province's officer, up to a scheduled handover. */
export async function recordsOf(app: TestApp, side: Side): Promise<ProvinceRecords> {
  const officer = await app.as('liaison_officer', {
    sub: `setup.${side.province}`,
    province: side.province,
    unit: side.unit,
  });
  const caseId = (await created(officer.post('/cases', { ...newCase, province: side.province }), 'case')).id as string;
  const personId = (await created(officer.post(`/cases/${caseId}/persons`, presumedVictim), 'person')).id as string;
  const exchange = await created(officer.post('/exchanges', newExchange([caseId])), 'exchange');
  const draft = await created(
    officer.post(`/exchanges/${exchange.id}/messages`, { ...firstMessage, draft: true }),
    'draft',
  );
  const verificationId = (
    await created(officer.post('/verification-requests', newVerification(caseId)), 'verification')
  ).id as string;
  const handover = await created(
    officer.post('/handovers', {
      caseId,
      gate: side.gate,
      counterpart: side.counterpart,
      proposedBy: 'cn',
      personIds: [personId],
      proposedAt: '2026-03-01T10:00:00+08:00',
    }),
    'handover',
  );
  await created(
    officer.post(`/handovers/${handover.id}/schedule`, { gate: side.gate, scheduledAt: '2026-03-05T09:00:00+08:00' }),
    'schedule',
  );
  const meeting = await created(officer.post('/meetings', newMeeting(side.province, side.counterpart)), 'meeting');
  const action = await created(
    officer.post(`/meetings/${meeting.id}/actions`, newAction(side.counterpart, [caseId])),
    'action',
  );
  const report = await created(officer.post('/reports', { province: side.province, period: '2026-Q1' }), 'report');
  return {
    province: side.province,
    gate: side.gate,
    caseId,
    personId,
    exchangeId: exchange.id as string,
    messageId: exchange.messageId as string,
    draftId: draft.messageId as string,
    verificationId,
    handoverId: handover.id as string,
    meetingId: meeting.id as string,
    actionId: action.actionId as string,
    reportId: report.id as string,
    eventId: await firstEventOf(app, `case-${caseId}`),
  };
}

async function firstEventOf(app: TestApp, streamId: string): Promise<string> {
  for await (const e of app.app.get<symbol, EventStore>(EVENT_STORE).readStream(streamId, { toRevision: 0n }))
    return e.id;
  throw new Error(`${streamId} has no event`);
}

/** The global head position, read from the store itself: a refused request must leave it where it was. */
export const headOf = async (app: TestApp): Promise<bigint> =>
  app.app.get<symbol, EventStore>(EVENT_STORE).headPosition();
