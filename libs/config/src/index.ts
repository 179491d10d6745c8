export * from './app-config.js';
export * from './deadline-limits.js';
export * from './access-config.js';
export * from './integrity-config.js';
export * from './release-config.js';
export * from './report-due-dates.js';
