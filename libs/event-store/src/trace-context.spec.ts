import { parseTraceparent, traceIdOf, traceparentFor } from './trace-context.js';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT = '00f067aa0ba902b7';

describe('W3C trace context', () => {
  it('reads the trace and parent ids of a version 00 header', () => {
    expect(parseTraceparent(`00-${TRACE}-${PARENT}-01`)).toEqual({ traceId: TRACE, parentId: PARENT });
    expect(parseTraceparent(`00-${TRACE}-${PARENT}-00`)).toEqual({ traceId: TRACE, parentId: PARENT });
  });

  it('takes a later version with more fields, ignoring them', () => {
    expect(parseTraceparent(`01-${TRACE}-${PARENT}-01-whatever`)).toEqual({ traceId: TRACE, parentId: PARENT });
  });

  it.each([
    ['absent', undefined],
    ['not a string', 42],
    ['upper-case hex', `00-${TRACE.toUpperCase()}-${PARENT}-01`],
    ['version ff', `ff-${TRACE}-${PARENT}-01`],
    ['version 00 with a fifth field', `00-${TRACE}-${PARENT}-01-extra`],
    ['an all-zero trace id', `00-${'0'.repeat(32)}-${PARENT}-01`],
    ['an all-zero parent id', `00-${TRACE}-${'0'.repeat(16)}-01`],
    ['a short trace id', `00-${TRACE.slice(1)}-${PARENT}-01`],
    ['free text', 'Nguyễn Thị Hoa'],
  ])('ignores a header that is %s', (_why, header) => {
    expect(parseTraceparent(header)).toBeUndefined();
  });

  it('uses a correlation id that is a trace id as it is', () => {
    expect(traceIdOf(TRACE)).toBe(TRACE);
  });

  it('derives a trace id from any other correlation id, never showing its text', () => {
    const derived = traceIdOf('probe-request-0001');
    expect(derived).toMatch(/^[0-9a-f]{32}$/);
    expect(derived).not.toContain('probe');
    expect(traceIdOf('probe-request-0001')).toBe(derived);
    expect(traceIdOf('probe-request-0002')).not.toBe(derived);
    expect(traceIdOf('0'.repeat(32))).not.toBe('0'.repeat(32));
  });

  it('gives each event its own span under its correlation trace, the same on every redelivery', () => {
    const a = traceparentFor(TRACE, 'event-a');
    const b = traceparentFor(TRACE, 'event-b');
    expect(parseTraceparent(a)?.traceId).toBe(TRACE);
    expect(parseTraceparent(b)?.traceId).toBe(TRACE);
    expect(parseTraceparent(a)?.parentId).not.toBe(parseTraceparent(b)?.parentId);
    expect(traceparentFor(TRACE, 'event-a')).toBe(a);
    expect(a).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
  });
});
