import type { Decider } from '#shared-kernel';
import type { MeetingCommand } from './meeting.commands.js';
import { decideMeeting } from './meeting.decide.js';
import type { MeetingEvent } from './meeting.events.js';
import { evolveMeeting } from './meeting.evolve.js';
import { initialMeetingState, type MeetingState } from './meeting.state.js';

export const meetingDecider: Decider<MeetingState, MeetingCommand, MeetingEvent> = {
  initialState: initialMeetingState,
  decide: decideMeeting,
  evolve: evolveMeeting,
};
