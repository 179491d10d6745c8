import type { AgreedAction, RecordedMeeting } from './meeting.state.js';

/** "Overdue" is derived, never stored: open and due strictly before `now`. */
export const isActionOverdue = (action: AgreedAction, now: Date): boolean =>
  action.status === 'open' && Date.parse(action.dueAt.at) < now.getTime();

/** How one meeting's follow-up stands: what its page shows as progress. */
export interface MeetingProgress {
  readonly agreed: number;
  readonly open: number;
  readonly overdue: number;
  readonly doneOnTime: number;
  readonly doneLate: number;
  readonly dropped: number;
}

export function meetingProgress(meeting: RecordedMeeting, now: Date): MeetingProgress {
  const { actions } = meeting;
  return {
    agreed: actions.length,
    open: actions.filter((a) => a.status === 'open').length,
    overdue: actions.filter((a) => isActionOverdue(a, now)).length,
    doneOnTime: actions.filter((a) => a.done !== null && !a.done.late).length,
    doneLate: actions.filter((a) => a.done?.late === true).length,
    dropped: actions.filter((a) => a.status === 'dropped').length,
  };
}
