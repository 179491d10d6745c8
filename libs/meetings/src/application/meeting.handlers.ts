import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore, type WriteAnswer, commandOf, handle } from '#event-store';
import { findCounterpart } from '#reference-data';
import { DomainError, newId } from '#shared-kernel';
import {
  campaignDecider,
  campaignStreamId,
  meetingDecider,
  meetingStreamId,
  type AgreeAction,
  type MeetingCommand,
  type MeetingState,
  type RecordCampaign,
  type RecordMeeting,
} from '../index.js';
import { MeetingApplicationErrors as E, checkRecords, refsOfLinks } from './linked-records.js';
import {
  ActionCommandMessage,
  AgreeActionMessage,
  RecordCampaignMessage,
  RecordMeetingMessage,
} from './meeting.messages.js';

function checkCounterparts(codes: readonly string[]): void {
  if (!codes.every((code) => findCounterpart(code)))
    throw new DomainError(E.UNKNOWN_COUNTERPART, 'unknown counterpart unit', 'invalid');
}

const meetingAggregate = (store: EventStore, id: string) =>
  ({ store, decider: meetingDecider, streamId: meetingStreamId(id), id }) as const;

/** The meeting's province, for checking what an action names; a missing meeting is left to the decider. */
const provinceOf = (state: MeetingState): string | null => (state.status === 'none' ? null : state.province);

@CommandHandler(RecordMeetingMessage)
export class RecordMeetingHandler implements ICommandHandler<RecordMeetingMessage, WriteAnswer> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ data, ctx }: RecordMeetingMessage): Promise<WriteAnswer> {
    checkCounterparts(data.counterparts);
    const meetingId = newId();
    const command = commandOf<RecordMeeting>('RecordMeeting', { ...data, meetingId }, ctx);
    return handle({ ...meetingAggregate(this.store, meetingId), command, ctx });
  }
}

@CommandHandler(AgreeActionMessage)
export class AgreeActionHandler implements ICommandHandler<AgreeActionMessage, WriteAnswer & { actionId: string }> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ meetingId, data, ctx }: AgreeActionMessage): Promise<WriteAnswer & { actionId: string }> {
    checkCounterparts([data.counterpart]);
    const actionId = newId();
    return handle({
      ...meetingAggregate(this.store, meetingId),
      // Linked records are looked up inside the plan: a retry after a conflict looks again.
      command: async (state: MeetingState): Promise<MeetingCommand> => {
        const province = provinceOf(state);
        if (province !== null) await checkRecords(this.store, refsOfLinks(data.links), province);
        return commandOf<AgreeAction>('AgreeAction', { ...data, actionId }, ctx);
      },
      ctx,
      answer: { actionId },
    });
  }
}

@CommandHandler(ActionCommandMessage)
export class ActionCommandHandler implements ICommandHandler<ActionCommandMessage, WriteAnswer> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ meetingId, command, ctx }: ActionCommandMessage): Promise<WriteAnswer> {
    return handle({
      ...meetingAggregate(this.store, meetingId),
      command: async (state: MeetingState): Promise<MeetingCommand> => {
        const province = provinceOf(state);
        // The record that shows the action done must be one the meeting's province holds.
        if (command.type === 'CompleteAction' && province !== null)
          await checkRecords(this.store, [command.data.fulfilledBy], province);
        return command;
      },
      ctx,
    });
  }
}

@CommandHandler(RecordCampaignMessage)
export class RecordCampaignHandler implements ICommandHandler<RecordCampaignMessage, WriteAnswer> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ data, ctx }: RecordCampaignMessage): Promise<WriteAnswer> {
    checkCounterparts(data.counterparts);
    const campaignId = newId();
    const command = commandOf<RecordCampaign>('RecordCampaign', { ...data, campaignId }, ctx);
    return handle({
      store: this.store,
      decider: campaignDecider,
      streamId: campaignStreamId(campaignId),
      id: campaignId,
      command,
      ctx,
    });
  }
}
