export * from './counterpart-message.js';
export * from './inbound-recorder.js';
export * from './counterpart-gateway.js';
export * from './counterpart-gateway.module.js';
