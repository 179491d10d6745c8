import { streamIdOf } from '#shared-kernel';

export { meetingDecider } from './domain/meeting.decider.js';
export { decideMeeting } from './domain/meeting.decide.js';
export { evolveMeeting } from './domain/meeting.evolve.js';
export { initialMeetingState } from './domain/meeting.state.js';
export type { ActionStatus, AgreedAction, MeetingState, RecordedMeeting } from './domain/meeting.state.js';
export type * from './domain/meeting.events.js';
export type * from './domain/meeting.commands.js';
export { CampaignErrors, MeetingErrors, type MeetingErrorCode } from './domain/meeting.errors.js';
export * from './domain/meeting.values.js';
export { isActionOverdue, meetingProgress, type MeetingProgress } from './domain/meeting.selectors.js';
export { campaignDecider, type CampaignRecorded, type CampaignState, type RecordCampaign } from './domain/campaign.js';

export const MEETING_CATEGORY = 'meeting';
export const meetingStreamId = (meetingId: string): string => streamIdOf(MEETING_CATEGORY, meetingId);
export const CAMPAIGN_CATEGORY = 'campaign';
export const campaignStreamId = (campaignId: string): string => streamIdOf(CAMPAIGN_CATEGORY, campaignId);
