import type { ZonedInstant } from '#shared-kernel';
import type {
  ActionLinks,
  ActionOwner,
  MeetingKind,
  MeetingLanguage,
  Participant,
  RecordRef,
} from './meeting.values.js';

export type ActionStatus = 'open' | 'done' | 'dropped';

export interface AgreedAction {
  readonly actionId: string;
  readonly what: string;
  readonly owner: ActionOwner;
  readonly counterpart: string;
  /** The due time in force (after the last change). */
  readonly dueAt: ZonedInstant;
  readonly links: ActionLinks;
  readonly status: ActionStatus;
  readonly dueChanges: readonly { previousDueAt: ZonedInstant; newDueAt: ZonedInstant; reason: string }[];
  readonly done: { readonly fulfilledBy: RecordRef; readonly doneAt: ZonedInstant; readonly late: boolean } | null;
  readonly dropped: { readonly reason: string; readonly droppedAt: ZonedInstant } | null;
}

export interface RecordedMeeting {
  readonly status: 'recorded';
  readonly meetingId: string;
  readonly kind: MeetingKind;
  readonly province: string;
  readonly counterparts: readonly string[];
  readonly place: string;
  readonly heldAt: ZonedInstant;
  readonly participants: readonly Participant[];
  readonly languages: readonly MeetingLanguage[];
  readonly minutes: { readonly reference: string; readonly sha256: string } | null;
  /** In the order agreed. */
  readonly actions: readonly AgreedAction[];
}

export type MeetingState = { readonly status: 'none' } | RecordedMeeting;

export const initialMeetingState: MeetingState = { status: 'none' };
