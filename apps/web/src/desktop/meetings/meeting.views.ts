/** Shapes of the meetings api's answers (apps/api/src/meetings; libs/meetings meeting.view.ts). */
import type { Names } from '../../api/api.views';
import type { ZonedTime } from '../desktop.views';

export interface MeetingListItem {
  readonly meetingId: string;
  readonly province: string;
  readonly kind: string;
  readonly counterparts: readonly string[];
  readonly heldAt: ZonedTime;
  readonly actions: {
    readonly agreed: number;
    readonly open: number;
    readonly overdue: number;
    readonly done: number;
    readonly dropped: number;
  };
}

export interface MeetingAction {
  readonly id: string;
  readonly what: string;
  readonly owner: { readonly kind: string; readonly id: string };
  readonly counterpart: { readonly code: string };
  readonly dueAt: ZonedTime;
  /** The records the action was agreed about: the "done" form offers them first. */
  readonly links: {
    readonly caseIds: readonly string[];
    readonly personIds: readonly string[];
    readonly handoverIds: readonly string[];
    readonly verificationIds: readonly string[];
  };
  readonly status: 'open' | 'done' | 'dropped';
  readonly overdue: boolean;
  readonly done: {
    readonly fulfilledBy: { kind: string; id: string };
    readonly doneAt: ZonedTime;
    readonly late: boolean;
  } | null;
  readonly dropped: { readonly reason: string; readonly droppedAt: ZonedTime } | null;
}

export interface MeetingDetail {
  readonly id: string;
  readonly kind: string;
  readonly province: string;
  readonly counterparts: readonly { readonly code: string; readonly name: Names | null }[];
  readonly place: string;
  readonly heldAt: ZonedTime;
  readonly participants: readonly { readonly side: 'vn' | 'cn'; readonly name: string; readonly role: string }[];
  readonly languages: readonly string[];
  readonly minutes: { readonly reference: string; readonly sha256: string } | null;
  readonly actions: readonly MeetingAction[];
  /** The stream's revision: acts on an action send it as If-Match. */
  readonly revision: string;
  readonly progress: {
    readonly agreed: number;
    readonly open: number;
    readonly overdue: number;
    readonly doneOnTime: number;
    readonly doneLate: number;
    readonly dropped: number;
  };
}
