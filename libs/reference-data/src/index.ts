export * from './border-register.data.js';
export * from './border-register.js';
