import { newId, type CommandMeta } from '#shared-kernel';
import { deciderSpec } from '#testing';
import type { RequestVerification, VerificationCommand } from './verification.commands.js';
import { verificationDecider } from './verification.decider.js';
import { VerificationErrors as E } from './verification.errors.js';
import type { VerificationEvent, VerificationRequested } from './verification.events.js';
import { vn } from './verification.spec-fixtures.js';

const meta = (userId = 'can.bo'): CommandMeta => ({
  actor: { userId, role: 'liaison_officer', unitId: 'VN-LS-BLO', province: 'lang-son' },
  now: new Date('2026-03-05T02:00:00Z'),
});
const spec = deciderSpec(verificationDecider);
const verificationId = newId();
const caseId = newId();
const data: RequestVerification['data'] = {
  verificationId,
  caseId,
  direction: 'outgoing',
  counterpart: 'CN-GX-PSD',
  subject: 'nationality',
  questions: 'Đề nghị xác minh quốc tịch',
  dueAt: vn('2026-03-05T09:00:00.000Z'),
  occurredAt: vn('2026-03-05T01:00:00.000Z'),
};
const cmd = (type: VerificationCommand['type'], d: object, m = meta()) =>
  ({ type, data: d, meta: m }) as VerificationCommand;
const requested = (priority: 'urgent' | 'normal'): VerificationRequested => ({
  type: 'VerificationRequested',
  data: {
    verificationId,
    caseId,
    personId: null,
    direction: 'outgoing',
    counterpart: 'CN-GX-PSD',
    subject: 'nationality',
    questions: 'Đề nghị xác minh quốc tịch',
    legalBasis: null,
    priority,
    dueAt: data.dueAt,
    occurredAt: data.occurredAt,
  },
});
const changed = (previous: 'urgent' | 'normal', priority: 'urgent' | 'normal', reason: string): VerificationEvent => ({
  type: 'VerificationPriorityChanged',
  data: { verificationId, caseId, previous, priority, reason },
});

describe('the priority of a verification request', () => {
  it('is requested urgent when the officer says so, normal otherwise, and an unknown one is refused', () => {
    spec
      .given([])
      .when(cmd('RequestVerification', { ...data, priority: 'urgent' }))
      .then([requested('urgent')]);
    spec
      .given([])
      .when(cmd('RequestVerification', data))
      .then([requested('normal')]);
    spec
      .given([])
      .when(cmd('RequestVerification', { ...data, priority: 'high' }))
      .thenRefuses(E.INVALID_PRIORITY);
  });

  it('changes with a reason while the request waits for its answer; the due time stays as stated', () => {
    const state = spec
      .given([requested('normal')])
      .when(cmd('ChangeVerificationPriority', { priority: 'urgent', reason: ' Bàn giao sáng mai ' }))
      .then([changed('normal', 'urgent', 'Bàn giao sáng mai')]);
    expect(state.status !== 'none' && [state.priority, state.dueAt]).toEqual(['urgent', data.dueAt]);
  });

  it.each([
    ['the priority it has', { priority: 'normal', reason: 'x' }, E.PRIORITY_UNCHANGED],
    ['no reason', { priority: 'urgent', reason: '' }, E.REASON_REQUIRED],
    ['an unknown priority', { priority: 'later', reason: 'x' }, E.INVALID_PRIORITY],
  ])('refuses a change to %s', (_what, d, code) => {
    spec
      .given([requested('normal')])
      .when(cmd('ChangeVerificationPriority', d))
      .thenRefuses(code);
  });

  it('refuses a change once the request is answered', () => {
    const answered: VerificationEvent = {
      type: 'VerificationAnsweredConfirmed',
      data: { verificationId, caseId, details: 'khớp', occurredAt: vn('2026-03-05T05:00:00.000Z'), late: false },
    };
    spec
      .given([requested('normal'), answered])
      .when(cmd('ChangeVerificationPriority', { priority: 'urgent', reason: 'muộn' }))
      .thenRefuses(E.ALREADY_ANSWERED);
  });

  it('changes a draft held for release, which is then sent under the new priority', () => {
    const drafted: VerificationEvent = {
      type: 'VerificationDrafted',
      data: { ...requested('normal').data, release: { author: 'can.bo', unit: 'lang-son' } },
    };
    const raised = changed('normal', 'urgent', 'Người bị hại đang gặp nguy hiểm');
    spec
      .given([drafted])
      .when(cmd('ChangeVerificationPriority', { priority: 'urgent', reason: 'Người bị hại đang gặp nguy hiểm' }))
      .then([raised]);
    const sent = verificationDecider.decide(
      cmd('ReleaseVerification', { occurredAt: vn('2026-03-05T02:00:00.000Z') }, meta('dong.nghiep')),
      [drafted, raised].reduce(verificationDecider.evolve, verificationDecider.initialState),
    );
    expect(sent[1]).toMatchObject({ type: 'VerificationRequested', data: { priority: 'urgent' } });
  });
});
