export * from './platform.module.js';
export * from './pauses.js';
