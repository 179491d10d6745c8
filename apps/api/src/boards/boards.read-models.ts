// The board read models and their queries. Imported by path until libs/projections/src/index.ts
// re-exports them (owned by another helper; requested in the report), then this becomes '#projections'.
export { viewName } from '#projections';
export * from '../../../../libs/projections/src/deadlines/index.js';
export * from '../../../../libs/projections/src/statistics/index.js';
export * from '../../../../libs/projections/src/audit-log/index.js';
