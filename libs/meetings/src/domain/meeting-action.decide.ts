import { assertNever, invalid, isOneOf, refuse, required, zonedNow } from '#shared-kernel';
import type { ActionCommand, AgreeAction, ChangeActionDue, CompleteAction, DropAction } from './meeting.commands.js';
import { MeetingErrors as E } from './meeting.errors.js';
import type { ActionEvent } from './meeting.events.js';
import { instant } from './meeting.instant.js';
import { distinct } from './meeting.text.js';
import type { AgreedAction, RecordedMeeting } from './meeting.state.js';
import { MAX_ACTIONS, MAX_LINKS, OWNER_KINDS, RECORD_KINDS, type ActionLinks } from './meeting.values.js';

/** An action still to be followed up; done and dropped actions are final. */
function openAction(meeting: RecordedMeeting, actionId: string): AgreedAction {
  const action = meeting.actions.find((a) => a.actionId === actionId);
  if (!action) return refuse(E.ACTION_NOT_FOUND, 'no such action in this meeting', 'not_found');
  if (action.status !== 'open') return refuse(E.ACTION_CLOSED, `the action is already ${action.status}`);
  return action;
}

function linksOf(given: Partial<ActionLinks> | undefined): ActionLinks {
  const links = {
    caseIds: distinct(given?.caseIds),
    personIds: distinct(given?.personIds),
    handoverIds: distinct(given?.handoverIds),
    verificationIds: distinct(given?.verificationIds),
  };
  const count = Object.values(links).reduce((n, ids) => n + ids.length, 0);
  return count > MAX_LINKS ? invalid(E.TOO_MANY, `at most ${MAX_LINKS} linked records`) : links;
}

function agree(command: AgreeAction, meeting: RecordedMeeting): ActionEvent[] {
  const d = command.data;
  const actionId = required(d.actionId, E.ID_REQUIRED, 'action id');
  if (meeting.actions.some((a) => a.actionId === actionId)) return refuse(E.ACTION_EXISTS, 'action already agreed');
  if (meeting.actions.length >= MAX_ACTIONS) return invalid(E.TOO_MANY, `at most ${MAX_ACTIONS} actions a meeting`);
  const what = required(d.what, E.WHAT_REQUIRED, 'what');
  if (!isOneOf(OWNER_KINDS, d.owner?.kind)) return invalid(E.OWNER_REQUIRED, 'owner must be a user or a unit');
  const owner = { kind: d.owner.kind, id: required(d.owner.id, E.OWNER_REQUIRED, 'owner') };
  const counterpart = required(d.counterpart, E.COUNTERPART_REQUIRED, 'counterpart');
  // What is agreed at a meeting falls due after it.
  if (instant(d.dueAt, 'dueAt') <= instant(meeting.heldAt, 'heldAt'))
    return invalid(E.DUE_BEFORE_MEETING, 'the due time must be after the meeting');
  const data = {
    meetingId: meeting.meetingId,
    actionId,
    province: meeting.province,
    what,
    owner,
    counterpart,
    dueAt: d.dueAt,
    links: linksOf(d.links),
  };
  return [{ type: 'ActionAgreed', data }];
}

function complete(command: CompleteAction, meeting: RecordedMeeting): ActionEvent[] {
  const action = openAction(meeting, command.data.actionId);
  const { fulfilledBy, doneAt } = command.data;
  if (!isOneOf(RECORD_KINDS, fulfilledBy?.kind)) return invalid(E.INVALID_RECORD_KIND, 'unknown record kind');
  const id = required(fulfilledBy.id, E.ID_REQUIRED, 'fulfilling record id');
  const doneMs = instant(doneAt, 'doneAt');
  if (doneMs < instant(meeting.heldAt, 'heldAt'))
    return invalid(E.DONE_BEFORE_MEETING, 'an action cannot be done before it was agreed');
  if (doneMs > command.meta.now.getTime()) return invalid(E.DONE_IN_FUTURE, 'an action is recorded done once done');
  const late = doneMs > instant(action.dueAt, 'dueAt');
  return [
    {
      type: 'ActionDone',
      data: {
        meetingId: meeting.meetingId,
        actionId: action.actionId,
        fulfilledBy: { kind: fulfilledBy.kind, id },
        doneAt,
        late,
      },
    },
  ];
}

function drop(command: DropAction, meeting: RecordedMeeting): ActionEvent[] {
  const action = openAction(meeting, command.data.actionId);
  const reason = required(command.data.reason, E.REASON_REQUIRED, 'reason');
  const droppedAt = zonedNow(command.meta.now);
  return [
    { type: 'ActionDropped', data: { meetingId: meeting.meetingId, actionId: action.actionId, reason, droppedAt } },
  ];
}

/** Either way, with a reason: an earlier date tightens the follow-up, a later one is agreed again with the counterpart. */
function changeDue(command: ChangeActionDue, meeting: RecordedMeeting): ActionEvent[] {
  const action = openAction(meeting, command.data.actionId);
  const { newDueAt } = command.data;
  const newMs = instant(newDueAt, 'newDueAt');
  if (newMs <= instant(meeting.heldAt, 'heldAt'))
    return invalid(E.DUE_BEFORE_MEETING, 'the due time must be after the meeting');
  if (newMs === instant(action.dueAt, 'dueAt')) return invalid(E.DUE_UNCHANGED, 'the new due time is the current one');
  const reason = required(command.data.reason, E.REASON_REQUIRED, 'reason');
  return [
    {
      type: 'ActionDueChanged',
      data: { meetingId: meeting.meetingId, actionId: action.actionId, previousDueAt: action.dueAt, newDueAt, reason },
    },
  ];
}

export function decideAction(command: ActionCommand, meeting: RecordedMeeting): ActionEvent[] {
  switch (command.type) {
    case 'AgreeAction':
      return agree(command, meeting);
    case 'CompleteAction':
      return complete(command, meeting);
    case 'DropAction':
      return drop(command, meeting);
    case 'ChangeActionDue':
      return changeDue(command, meeting);
    default:
      return assertNever(command);
  }
}
