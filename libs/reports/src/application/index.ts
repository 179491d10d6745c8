export * from './report.messages.js';
export * from './report.handlers.js';
export * from './report-narrative-seal.js';
