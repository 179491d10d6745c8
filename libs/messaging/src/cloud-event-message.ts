import type { IntegrationEvent } from './integration-events.js';
import type { OutgoingMessage } from './message-publisher.port.js';

/**
 * CloudEvents 1.0, Kafka protocol binding, binary content mode: the attributes travel as `ce_*`
 * headers and the value is the event data itself, so a consumer can route and dedupe on headers
 * without parsing the payload. `ce_id` is the domain event's id: unique per fact, identical on
 * every redelivery, hence the consumers' dedupe key.
 */
export function toCloudEventMessage(event: IntegrationEvent, topic: string, source: string): OutgoingMessage {
  return {
    topic,
    key: event.key,
    value: JSON.stringify(event.data),
    headers: {
      ce_specversion: '1.0',
      ce_id: event.id,
      ce_source: source,
      ce_type: event.type,
      ce_time: event.time,
      ce_subject: event.subject,
      'content-type': 'application/json',
      // Where OpenTelemetry's Kafka instrumentations look for the trace context.
      traceparent: event.traceparent,
    },
  };
}
