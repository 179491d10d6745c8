export * from './report-status.projection.js';
export * from './report-status.query.js';
