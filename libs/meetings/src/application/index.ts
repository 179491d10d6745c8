export * from './meeting.messages.js';
export * from './meeting.handlers.js';
export * from './meeting.view.js';
export * from './get-meeting.handler.js';
export { MeetingApplicationErrors } from './linked-records.js';
