export * from './verification.messages.js';
export * from './verification-command.handlers.js';
export * from './verification.view.js';
export * from './get-verification.handler.js';
