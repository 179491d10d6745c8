export * from './deadlines.projection.js';
export * from './deadlines.query.js';
