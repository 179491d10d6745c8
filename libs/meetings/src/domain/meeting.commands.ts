import type { DomainCommand, ZonedInstant } from '#shared-kernel';
import type { ActionLinks, ActionOwner, Participant, RecordRef } from './meeting.values.js';

export type RecordMeeting = DomainCommand<
  'RecordMeeting',
  {
    meetingId: string;
    kind: string;
    /** Our side's province: the meeting belongs to it for need-to-know. */
    province: string;
    /** Counterpart unit codes, already checked against the reference register by the application. */
    counterparts: readonly string[];
    place: string;
    heldAt: ZonedInstant;
    participants: readonly Participant[];
    languages: readonly string[];
    minutes?: { reference: string; sha256: string };
  }
>;

export type AgreeAction = DomainCommand<
  'AgreeAction',
  {
    actionId: string;
    what: string;
    owner: ActionOwner;
    counterpart: string;
    dueAt: ZonedInstant;
    links?: Partial<ActionLinks>;
  }
>;

export type CompleteAction = DomainCommand<
  'CompleteAction',
  { actionId: string; fulfilledBy: RecordRef; doneAt: ZonedInstant }
>;

export type DropAction = DomainCommand<'DropAction', { actionId: string; reason: string }>;

export type ChangeActionDue = DomainCommand<
  'ChangeActionDue',
  { actionId: string; newDueAt: ZonedInstant; reason: string }
>;

export type ActionCommand = AgreeAction | CompleteAction | DropAction | ChangeActionDue;
export type MeetingCommand = RecordMeeting | ActionCommand;
