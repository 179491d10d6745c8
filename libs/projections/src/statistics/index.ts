export * from './statistics.projection.js';
export { SEXES, type Sex, type SexOpener } from './statistics.events.js';
export * from './statistics.period.js';
export * from './statistics.query.js';
export * from './statistics-report.values.js';
export * from './statistics.export.js';
export * from './statistics.pending.js';
export * from './sex-opener.js';
export * from './statistics.meetings.js';
