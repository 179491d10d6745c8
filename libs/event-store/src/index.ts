export * from './event-envelope.js';
export * from './event-store.port.js';
export * from './event-store.errors.js';
export * from './hash-chain.js';
export * from './command-handling.js';
export * from './sql/sql-client.js';
export * from './sql/pglite-client.js';
