export * from './account-tables.js';
export * from './account.service.js';
export * from './account.view.js';
export * from './credential-store.js';
export * from './password-hasher.js';
export * from './session-store.js';
export * from './sign-in-audit.js';
export * from './sign-in.service.js';
