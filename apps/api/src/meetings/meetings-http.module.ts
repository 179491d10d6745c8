import { Module } from '@nestjs/common';
import {
  ActionCommandHandler,
  AgreeActionHandler,
  GetMeetingHandler,
  RecordCampaignHandler,
  RecordMeetingHandler,
} from '#meetings/application';
import { deadlineLimitsProvider } from '../boards/deadline-limits.provider.js';
import { MeetingsController } from './meetings.controller.js';

/** Meetings with the counterpart, their agreed actions, and joint campaigns (issue 11). */
@Module({
  controllers: [MeetingsController],
  providers: [
    RecordMeetingHandler,
    AgreeActionHandler,
    ActionCommandHandler,
    RecordCampaignHandler,
    GetMeetingHandler,
    deadlineLimitsProvider,
  ],
})
export class MeetingsHttpModule {}
