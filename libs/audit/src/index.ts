export * from './read-audit.js';
