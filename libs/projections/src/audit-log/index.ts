export * from './audit-log.projection.js';
export * from './audit-log.query.js';
