import { findCounterpart, type Names } from '#reference-data';
import { localTimes, type ZonedInstant } from '#shared-kernel';
import { answerOwedBy, isVerificationOverdue, type ExistingVerification } from '../index.js';

/** A time that crosses the border: UTC, the declared offset, and both sides' wall clocks. */
export interface TimeView {
  readonly at: string;
  readonly offset: string;
  readonly local: { readonly vn: string; readonly cn: string };
}

export interface VerificationView {
  readonly id: string;
  readonly caseId: string;
  readonly personId: string | null;
  readonly direction: string;
  readonly counterpart: { readonly code: string; readonly name: Names | null };
  readonly subject: string;
  readonly questions: string;
  readonly legalBasis: string | null;
  /** The basis on which the named person's data was sent, or null. */
  readonly disclosure: { readonly basis: string; readonly reference: string | null } | null;
  readonly status: string;
  readonly requestedAt: TimeView;
  /** The due time in force (after the last extension). */
  readonly dueAt: TimeView;
  readonly extensions: readonly { previousDueAt: TimeView; newDueAt: TimeView; reason: string }[];
  readonly answer: { result: string; details: string; answeredAt: TimeView; late: boolean } | null;
  readonly withdrawal: { reason: string } | null;
  /** Derived at read time, never stored. */
  readonly overdue: boolean;
  readonly answerOwedBy: 'counterpart' | 'us' | null;
  readonly revision: string;
}

const timeView = (z: ZonedInstant): TimeView => ({ at: z.at, offset: z.offset, local: localTimes(z.at) });

export function verificationView(state: ExistingVerification, revision: bigint, now: Date): VerificationView {
  return {
    id: state.verificationId,
    caseId: state.caseId,
    personId: state.personId,
    direction: state.direction,
    counterpart: { code: state.counterpart, name: findCounterpart(state.counterpart)?.name ?? null },
    subject: state.subject,
    questions: state.questions,
    legalBasis: state.legalBasis,
    disclosure: state.disclosure,
    status: state.status,
    requestedAt: timeView(state.requestedAt),
    dueAt: timeView(state.dueAt),
    extensions: state.extensions.map((e) => ({
      previousDueAt: timeView(e.previousDueAt),
      newDueAt: timeView(e.newDueAt),
      reason: e.reason,
    })),
    answer:
      state.status === 'answered'
        ? { result: state.result, details: state.details, answeredAt: timeView(state.answeredAt), late: state.late }
        : null,
    withdrawal: state.status === 'withdrawn' ? { reason: state.reason } : null,
    overdue: isVerificationOverdue(state, now),
    answerOwedBy: answerOwedBy(state),
    revision: revision.toString(),
  };
}
