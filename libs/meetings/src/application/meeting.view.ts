import { findCounterpart, type Names } from '#reference-data';
import { localTimes, type ZonedInstant } from '#shared-kernel';
import { isActionOverdue, meetingProgress, type MeetingProgress, type RecordedMeeting } from '../index.js';

/** A time that crosses the border: UTC, the declared offset, and both sides' wall clocks. */
export interface TimeView {
  readonly at: string;
  readonly offset: string;
  readonly local: { readonly vn: string; readonly cn: string };
}

const timeView = (z: ZonedInstant): TimeView => ({ at: z.at, offset: z.offset, local: localTimes(z.at) });
const unit = (code: string) => ({ code, name: findCounterpart(code)?.name ?? null });

export interface ActionView {
  readonly id: string;
  readonly what: string;
  readonly owner: { readonly kind: string; readonly id: string };
  readonly counterpart: { readonly code: string; readonly name: Names | null };
  readonly dueAt: TimeView;
  readonly links: {
    readonly caseIds: readonly string[];
    readonly personIds: readonly string[];
    readonly handoverIds: readonly string[];
    readonly verificationIds: readonly string[];
  };
  readonly status: string;
  /** Derived at read time, never stored. */
  readonly overdue: boolean;
  readonly dueChanges: readonly { previousDueAt: TimeView; newDueAt: TimeView; reason: string }[];
  readonly done: {
    readonly fulfilledBy: { kind: string; id: string };
    readonly doneAt: TimeView;
    readonly late: boolean;
  } | null;
  readonly dropped: { readonly reason: string; readonly droppedAt: TimeView } | null;
}

export interface MeetingView {
  readonly id: string;
  readonly kind: string;
  readonly province: string;
  readonly counterparts: readonly { readonly code: string; readonly name: Names | null }[];
  readonly place: string;
  readonly heldAt: TimeView;
  readonly participants: readonly { readonly side: string; readonly name: string; readonly role: string }[];
  readonly languages: readonly string[];
  readonly minutes: { readonly reference: string; readonly sha256: string } | null;
  readonly actions: readonly ActionView[];
  readonly progress: MeetingProgress;
  readonly revision: string;
}

export function meetingView(meeting: RecordedMeeting, revision: bigint, now: Date): MeetingView {
  return {
    id: meeting.meetingId,
    kind: meeting.kind,
    province: meeting.province,
    counterparts: meeting.counterparts.map(unit),
    place: meeting.place,
    heldAt: timeView(meeting.heldAt),
    participants: meeting.participants.map((p) => ({ side: p.side, name: p.name, role: p.role })),
    languages: meeting.languages,
    minutes: meeting.minutes,
    actions: meeting.actions.map((a) => ({
      id: a.actionId,
      what: a.what,
      owner: a.owner,
      counterpart: unit(a.counterpart),
      dueAt: timeView(a.dueAt),
      links: a.links,
      status: a.status,
      overdue: isActionOverdue(a, now),
      dueChanges: a.dueChanges.map((c) => ({
        previousDueAt: timeView(c.previousDueAt),
        newDueAt: timeView(c.newDueAt),
        reason: c.reason,
      })),
      done: a.done && { fulfilledBy: a.done.fulfilledBy, doneAt: timeView(a.done.doneAt), late: a.done.late },
      dropped: a.dropped && { reason: a.dropped.reason, droppedAt: timeView(a.dropped.droppedAt) },
    })),
    progress: meetingProgress(meeting, now),
    revision: revision.toString(),
  };
}
