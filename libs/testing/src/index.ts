export * from './test-servers.js';
export * from './decider-spec.js';
export * from './decider-properties.js';
export * from './handler-store.js';
