import { newId, type CommandMeta, type ZonedInstant } from '#shared-kernel';
import type { VerificationCommand } from './verification.commands.js';
import type { VerificationEvent, VerificationRequestData, VerificationRequested } from './verification.events.js';

export const vn = (iso: string): ZonedInstant => ({ at: iso, offset: '+07:00', zone: 'Asia/Ho_Chi_Minh' });
/** A time as declared on the Chinese side: the same instant reads one hour later there. */
export const cn = (iso: string): ZonedInstant => ({ at: iso, offset: '+08:00', zone: 'Asia/Shanghai' });

/** Who and what a request is about, fixed per spec file. */
export interface RequestIds {
  readonly verificationId: string;
  readonly caseId: string;
  readonly personId: string;
}

/**
 * The question the disclosure and release specs ask: an outgoing identity check of one person,
 * sent to Guangxi. What a command says of it; the specs add times and the basis they test.
 */
export const identityQuestion = (ids: RequestIds) =>
  ({
    ...ids,
    direction: 'outgoing',
    counterpart: 'CN-GX-PSD',
    subject: 'identity',
    questions: 'Đề nghị xác minh nhân thân',
  }) as const;

/** The same question as the decided event records it: no legal basis stated, normal priority. */
export const statedQuestion = (ids: RequestIds) =>
  ({
    ...identityQuestion(ids),
    legalBasis: null,
    priority: 'normal',
  }) as const satisfies Partial<VerificationRequestData>;

/** The Lạng Sơn officer the life-cycle specs act as, at a fixed now. */
const lifecycleMeta: CommandMeta = {
  actor: { userId: 'an.nguyen', role: 'liaison_officer', unitId: 'VN-LS-BLO' },
  now: new Date('2026-03-05T02:00:00Z'),
};

/** A command of the life-cycle specs, typed by its `type`. */
export const lifecycleCommand = <T extends VerificationCommand['type']>(
  type: T,
  data: Extract<VerificationCommand, { type: T }>['data'],
): VerificationCommand => ({ type, data, meta: lifecycleMeta }) as VerificationCommand;

/**
 * One request and what can follow it, as the life-cycle specs (requesting and answering;
 * extending and withdrawing) give it as history: an outgoing identity check due a week later,
 * extended by three days, answered on the tenth, or withdrawn.
 */
export function requestLifecycle(ids: RequestIds) {
  const { verificationId, caseId, personId } = ids;
  const requested: VerificationRequested = {
    type: 'VerificationRequested',
    data: {
      verificationId,
      caseId,
      personId,
      direction: 'outgoing',
      counterpart: 'CN-GX-PSD',
      subject: 'identity',
      questions: 'Please confirm identity against household registration',
      legalBasis: 'BLO cooperation agreement',
      priority: 'normal',
      dueAt: vn('2026-03-12T02:00:00.000Z'),
      occurredAt: vn('2026-03-05T01:00:00.000Z'),
      disclosure: { personId, basis: 'consent', reference: null },
    },
  };
  const answeredAt = vn('2026-03-10T03:00:00.000Z');
  return {
    ...ids,
    requested,
    answeredAt,
    extended: (reason = 'counterpart asked for more time'): VerificationEvent => ({
      type: 'VerificationExtended',
      data: {
        verificationId,
        caseId,
        previousDueAt: requested.data.dueAt,
        newDueAt: vn('2026-03-15T02:00:00.000Z'),
        reason,
      },
    }),
    /** What every answer event carries, whatever its result. */
    answerData: (late = false) => ({
      verificationId,
      caseId,
      details: 'household register found',
      occurredAt: answeredAt,
      late,
    }),
    withdrawn: (): VerificationEvent => ({
      type: 'VerificationWithdrawn',
      data: { verificationId, caseId, reason: 'person identified by other means' },
    }),
  };
}

export type RequestLifecycle = ReturnType<typeof requestLifecycle>;

/** Before each test of the calling `describe`: new ids and the request life-cycle about them. */
export function eachNewRequest(use: (lifecycle: RequestLifecycle) => void): void {
  beforeEach(() => use(requestLifecycle({ verificationId: newId(), caseId: newId(), personId: newId() })));
}
