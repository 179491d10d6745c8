import { Command, Query } from '@nestjs/cqrs';
import type { WriteAnswer, WriteContext } from '#event-store';
import type {
  AgreeAction,
  ChangeActionDue,
  CompleteAction,
  DropAction,
  RecordCampaign,
  RecordMeeting,
} from '../index.js';
import type { MeetingView } from './meeting.view.js';

/** Record a held meeting; the handler assigns the id. */
export class RecordMeetingMessage extends Command<WriteAnswer> {
  constructor(
    readonly data: Omit<RecordMeeting['data'], 'meetingId'>,
    readonly ctx: WriteContext,
  ) {
    super();
  }
}

/** Add an agreed action to a meeting; the handler assigns the action's id (the answer names it). */
export class AgreeActionMessage extends Command<WriteAnswer & { actionId: string }> {
  constructor(
    readonly meetingId: string,
    readonly data: Omit<AgreeAction['data'], 'actionId'>,
    readonly ctx: WriteContext,
  ) {
    super();
  }
}

/** Done, dropped, or a new due time for one action of a meeting. */
export class ActionCommandMessage extends Command<WriteAnswer> {
  constructor(
    readonly meetingId: string,
    readonly command: CompleteAction | DropAction | ChangeActionDue,
    readonly ctx: WriteContext,
  ) {
    super();
  }
}

export class RecordCampaignMessage extends Command<WriteAnswer> {
  constructor(
    readonly data: Omit<RecordCampaign['data'], 'campaignId'>,
    readonly ctx: WriteContext,
  ) {
    super();
  }
}

export class GetMeetingQuery extends Query<MeetingView> {
  constructor(
    readonly meetingId: string,
    readonly ctx: Pick<WriteContext, 'actor' | 'now' | 'correlationId'>,
  ) {
    super();
  }
}
