export * from './deadlines.projection.js';
export * from './deadlines.query.js';
export * from './release-queue.projection.js';
export * from './release-queue.query.js';
