export * from './case.messages.js';
export * from './case-links.js';
export * from './case-command.handlers.js';
export * from './close-case.handler.js';
export * from './get-case.handler.js';
export * from './open-items.port.js';
