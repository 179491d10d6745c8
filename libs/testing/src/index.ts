export * from './test-servers.js';
