export * from './deadlines.projection.js';
export { DEADLINE_KINDS, type DeadlineKind } from './deadlines.tables.js';
export * from './deadlines.query.js';
export * from './release-queue.projection.js';
export * from './release-queue.query.js';
