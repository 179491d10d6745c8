export * from './decider.js';
export * from './domain-error.js';
export * from './zoned-instant.js';
export * from './ids.js';
export * from './provinces.js';
export * from './guards.js';
export * from './disclosure.js';
export * from './release.js';
