export * from './handover.messages.js';
export * from './handover-notes.js';
export * from './handover-writes.js';
export * from './handover.handlers.js';
export * from './handover.view.js';
export * from './get-handover.handler.js';
