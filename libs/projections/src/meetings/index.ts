export * from './meetings.projection.js';
export * from './meetings.query.js';
export * from './meeting-statistics.query.js';
