import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore, load } from '#event-store';
import { DomainError } from '#shared-kernel';
import { MeetingErrors, meetingDecider, meetingStreamId } from '../index.js';
import { GetMeetingQuery } from './meeting.messages.js';
import { type MeetingView, meetingView } from './meeting.view.js';

/** A meeting folded live from its stream, with each action's "overdue" derived at the reader's clock. */
@QueryHandler(GetMeetingQuery)
export class GetMeetingHandler implements IQueryHandler<GetMeetingQuery, MeetingView> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ meetingId, ctx }: GetMeetingQuery): Promise<MeetingView> {
    const { state, revision } = await load(this.store, meetingDecider, meetingStreamId(meetingId));
    if (state.status === 'none' || revision === null)
      throw new DomainError(MeetingErrors.NOT_FOUND, 'no meeting with this id', 'not_found');
    return meetingView(state, revision, ctx.now);
  }
}
