export { gateHandoversProjection, type GateHandoverRow } from './gate-handovers.projection.js';
export * from './gate-handovers.query.js';
export * from './handover-range.js';
export { isCalendarDate, vietnamDate } from './vietnam-days.js';
