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
  /** urgent | normal. */
  readonly priority: string;
  /** The basis on which the named person's data was sent, or null. */
  readonly disclosure: { readonly basis: string; readonly reference: string | null } | null;
  readonly status: string;
  /**
   * Held for a second officer's release, and what became of it; null for a request never held.
   * Officers are user ids; the return's comment is null when masked for this reader or erased.
   */
  readonly release: {
    readonly state: string;
    readonly author: string;
    readonly returned: { readonly by: string; readonly at: TimeView; readonly comment: string | null } | null;
    readonly released: { readonly by: string; readonly at: TimeView } | null;
  } | null;
  /** Sent or received; for a draft, when it was written. */
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

export function verificationView(
  state: ExistingVerification,
  revision: bigint,
  now: Date,
  returnComment: string | null = null,
): VerificationView {
  const { release } = state;
  return {
    id: state.verificationId,
    caseId: state.caseId,
    personId: state.personId,
    direction: state.direction,
    counterpart: { code: state.counterpart, name: findCounterpart(state.counterpart)?.name ?? null },
    subject: state.subject,
    questions: state.questions,
    legalBasis: state.legalBasis,
    priority: state.priority,
    disclosure: state.disclosure && { basis: state.disclosure.basis, reference: state.disclosure.reference },
    status: state.status,
    release: release && {
      state: release.state,
      author: release.author.userId,
      returned: release.returned
        ? { by: release.returned.by, at: timeView(release.returned.at), comment: returnComment }
        : null,
      released: release.released ? { by: release.released.by, at: timeView(release.released.at) } : null,
    },
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
