import { assertNever } from '#shared-kernel';
import type { MeetingEvent } from './meeting.events.js';
import type { AgreedAction, MeetingState, RecordedMeeting } from './meeting.state.js';

function withAction(
  meeting: RecordedMeeting,
  actionId: string,
  change: (a: AgreedAction) => AgreedAction,
): RecordedMeeting {
  return { ...meeting, actions: meeting.actions.map((a) => (a.actionId === actionId ? change(a) : a)) };
}

/** Total and pure: an event that does not fit the state leaves it as it is. */
export function evolveMeeting(state: MeetingState, event: MeetingEvent): MeetingState {
  if (event.type === 'MeetingRecorded') {
    if (state.status !== 'none') return state;
    const d = event.data;
    return {
      status: 'recorded',
      meetingId: d.meetingId,
      kind: d.kind,
      province: d.province,
      counterparts: d.counterparts,
      place: d.place,
      heldAt: d.heldAt,
      participants: d.participants,
      languages: d.languages,
      minutes: d.minutes,
      actions: [],
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'ActionAgreed': {
      const d = event.data;
      if (state.actions.some((a) => a.actionId === d.actionId)) return state;
      const action: AgreedAction = {
        actionId: d.actionId,
        what: d.what,
        owner: d.owner,
        counterpart: d.counterpart,
        dueAt: d.dueAt,
        links: d.links,
        status: 'open',
        dueChanges: [],
        done: null,
        dropped: null,
      };
      return { ...state, actions: [...state.actions, action] };
    }
    case 'ActionDone': {
      const { fulfilledBy, doneAt, late } = event.data;
      return withAction(state, event.data.actionId, (a) => ({
        ...a,
        status: 'done',
        done: { fulfilledBy, doneAt, late },
      }));
    }
    case 'ActionDropped': {
      const { reason, droppedAt } = event.data;
      return withAction(state, event.data.actionId, (a) => ({
        ...a,
        status: 'dropped',
        dropped: { reason, droppedAt },
      }));
    }
    case 'ActionDueChanged': {
      const { previousDueAt, newDueAt, reason } = event.data;
      return withAction(state, event.data.actionId, (a) => ({
        ...a,
        dueAt: newDueAt,
        dueChanges: [...a.dueChanges, { previousDueAt, newDueAt, reason }],
      }));
    }
    default:
      return assertNever(event);
  }
}
