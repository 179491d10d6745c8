export * from './integration-events.js';
export * from './message-publisher.port.js';
export * from './kafkajs-publisher.js';
export * from './cloud-event-message.js';
export * from './relay-checkpoints.js';
export * from './kafka-relay.js';
export * from './kafka-relay.module.js';
export * from './gateway/index.js';
