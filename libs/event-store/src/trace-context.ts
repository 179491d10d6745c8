import { createHash } from 'node:crypto';

/**
 * W3C Trace Context, the propagation format OpenTelemetry uses. The ledger records no spans of
 * its own (ADR 0014, addendum); it carries the caller's trace id through to what it records and
 * publishes, so that an operator's tracing can join an HTTP request, its events and the Kafka
 * messages they become.
 */
export interface TraceParent {
  readonly traceId: string;
  readonly parentId: string;
}

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;
const TRACE_ID = /^[0-9a-f]{32}$/;
const ALL_ZERO = /^0+$/;

/**
 * The `traceparent` header's trace and parent ids, or undefined when it is absent or invalid
 * (the spec's rule: an invalid header is ignored, never an error). Version 00 has exactly four
 * fields; a later version may append more, which are ignored; version ff is forbidden.
 */
export function parseTraceparent(header: unknown): TraceParent | undefined {
  if (typeof header !== 'string') return undefined;
  const m = TRACEPARENT.exec(header.trim());
  if (!m) return undefined;
  const [, version, traceId, parentId, , rest] = m as unknown as [string, string, string, string, string, string?];
  if (version === 'ff' || (version === '00' && rest !== undefined)) return undefined;
  if (ALL_ZERO.test(traceId) || ALL_ZERO.test(parentId)) return undefined;
  return { traceId, parentId };
}

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/**
 * The trace id behind a correlation id: the id itself when a request brought one in its
 * `traceparent` (the correlation id is then the trace id), else one derived from it, so that
 * all events of one request share one trace id on Kafka even when nobody traced the request.
 * Derived, never the correlation id's text: that is the client's and may say anything.
 */
export function traceIdOf(correlationId: string): string {
  return TRACE_ID.test(correlationId) && !ALL_ZERO.test(correlationId)
    ? correlationId
    : sha256(correlationId).slice(0, 32);
}

/**
 * The `traceparent` a published event carries: its correlation's trace id, and a span id derived
 * from the event id, so a redelivery of the same event carries the same header. Flag 01
 * (sampled): the ledger keeps no spans to sample, so a consumer decides for itself.
 */
export function traceparentFor(correlationId: string, eventId: string): string {
  return `00-${traceIdOf(correlationId)}-${sha256(`span:${eventId}`).slice(0, 16)}-01`;
}
