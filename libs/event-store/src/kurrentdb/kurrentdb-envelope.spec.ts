import {
  AccessDeniedError,
  MaxAppendSizeExceededError,
  StreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { newEvent } from '../contract/contract-fixtures.js';
import { EventTooLargeError } from '../event-store.errors.js';
import { canonicalJson } from '../hash-chain.js';
import {
  ENVELOPE_KEY,
  decodeEvent,
  encodeMetadata,
  exactState,
  expectationAllows,
  toLogPosition,
  toPortPosition,
} from './kurrentdb-envelope.js';
import { isRevisionConflict, isStreamNotFound, isTransient, sizeRefusal } from './kurrentdb-errors.js';

const grpcFailure = (code: number) =>
  Object.assign(new Error('grpc'), { code, details: 'grpc', metadata: { getMap: () => ({}) } }) as never;

describe('KurrentDB envelope mapping', () => {
  const written = newEvent(
    'CaseOpened',
    { ref: 'LC-2026-001', placeZh: '友谊关' },
    '0190a1b2-0000-7000-8000-000000000001',
  );
  const metadata = { ...written.metadata, prevHash: '0'.repeat(64), hash: 'f'.repeat(64) };

  it('keeps the envelope metadata as one string property, as multi-stream append requires', () => {
    const encoded = encodeMetadata(canonicalJson(metadata), 3);
    expect(Object.values(encoded).every((v) => typeof v === 'string')).toBe(true);
    expect(JSON.parse(encoded[ENVELOPE_KEY])).toEqual(metadata);
  });

  it('reads our event back with bigint revision and the commit position as the global position', () => {
    const decoded = decodeEvent({
      id: written.id,
      type: written.type,
      streamId: 'case-1',
      revision: 4n,
      data: written.data,
      metadata: encodeMetadata(canonicalJson(metadata), 3),
      position: { commit: 9_007_199_254_740_993n, prepare: 9_007_199_254_740_993n },
    });
    expect(decoded).toEqual({
      id: written.id,
      type: 'CaseOpened',
      schemaVersion: 3,
      streamId: 'case-1',
      revision: 4n,
      position: 9_007_199_254_740_993n,
      data: written.data,
      metadata,
    });
  });

  it('skips what this ledger did not write (system events, binary or foreign metadata)', () => {
    const base = { id: 'x', type: '$metadata', streamId: '$$case-1', revision: 0n, data: {} };
    const at = { commit: 10n, prepare: 10n };
    expect(decodeEvent({ ...base, metadata: undefined, position: at })).toBeNull();
    expect(decodeEvent({ ...base, metadata: new Uint8Array([1, 2]), position: at })).toBeNull();
    expect(decodeEvent({ ...base, metadata: { source: 'another-app' }, position: at })).toBeNull();
  });

  it('refuses an event of ours that comes without its log position', () => {
    expect(() =>
      decodeEvent({
        id: 'x',
        type: 'T',
        streamId: 's-1',
        revision: 0n,
        data: {},
        metadata: encodeMetadata('{}', 1),
      }),
    ).toThrow(/log position/);
  });

  it('resumes $all exactly at a port position', () => {
    const p = 123_456_789_012n;
    expect(toPortPosition(toLogPosition(p))).toBe(p);
  });

  it('always appends against a concrete head, whatever the caller expected', () => {
    expect(exactState(null)).toBe('no_stream');
    expect(exactState(5n)).toBe(5n);
    expect(expectationAllows('any', 3n)).toBe(true);
    expect(expectationAllows('stream_exists', null)).toBe(false);
    expect(expectationAllows('no_stream', 0n)).toBe(false);
    expect(expectationAllows(3n, 3n)).toBe(true);
    expect(expectationAllows(3n, 4n)).toBe(false);
  });
});

describe('KurrentDB error translation', () => {
  it('turns the server size refusal into EventTooLargeError with the server limit', () => {
    const refused = sizeRefusal(new MaxAppendSizeExceededError(undefined, 1_048_576), 2_000_000);
    expect(refused).toBeInstanceOf(EventTooLargeError);
    expect(refused).toMatchObject({ bytes: 2_000_000, limit: 1_048_576 });
    expect(sizeRefusal(new Error('other'), 10)).toBeNull();
  });

  it('recognises a revision conflict and a missing stream', () => {
    const conflict = new WrongExpectedVersionError(undefined, {
      streamName: 's-1',
      expected: 0n,
      current: 2n,
    });
    expect(isRevisionConflict(conflict)).toBe(true);
    expect(isRevisionConflict(new Error('x'))).toBe(false);
    expect(isStreamNotFound(new StreamNotFoundError(undefined as never, 's-1'))).toBe(true);
  });

  it('resumes after a lost connection but not after a refusal', () => {
    expect(isTransient(new UnavailableError(grpcFailure(14)))).toBe(true);
    expect(isTransient(grpcFailure(14))).toBe(true);
    expect(isTransient(Object.assign(new Error('reset'), { code: 'ECONNRESET' }))).toBe(true);
    expect(isTransient(new AccessDeniedError(grpcFailure(7)))).toBe(false);
    expect(isTransient(new Error('a bug'))).toBe(false);
  });
});
