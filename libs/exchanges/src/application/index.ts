export * from './exchange.messages.js';
export * from './message-content.js';
export * from './exchange-writes.js';
export * from './exchange-command.handlers.js';
export * from './exchange-writes.module.js';
export * from './exchange.view.js';
export * from './get-exchange.handler.js';
export * from './counterpart-names.js';
