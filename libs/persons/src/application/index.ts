export * from './personal-data.js';
export * from './person.messages.js';
export * from './person.handlers.js';
export * from './person-reader.js';
export * from './person.view.js';
export * from './person-summaries.handler.js';
export * from './erase-person.handler.js';
