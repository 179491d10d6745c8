import { ErrorType } from '@kurrent/kurrentdb-client';
import { EventTooLargeError } from '../event-store.errors.js';

/** The server's append limit when it does not say (KurrentDB's default MaxAppendSize, 1 MiB). */
export const SERVER_APPEND_LIMIT = 1024 * 1024;

const KNOWN_TYPES: ReadonlySet<string> = new Set(Object.values(ErrorType));

/** The client's errors carry a `type` (ErrorType); anything else is not a KurrentDB error. */
export function kurrentErrorType(error: unknown): ErrorType | null {
  if (typeof error !== 'object' || error === null) return null;
  const type = (error as { type?: unknown }).type;
  return typeof type === 'string' && KNOWN_TYPES.has(type) ? (type as ErrorType) : null;
}

const numberField = (error: unknown, field: string): number | null => {
  const v = (error as Record<string, unknown>)[field];
  return typeof v === 'number' || typeof v === 'bigint' ? Number(v) : null;
};

export const isRevisionConflict = (error: unknown): boolean => {
  const type = kurrentErrorType(error);
  return type === ErrorType.WRONG_EXPECTED_VERSION || type === ErrorType.APPEND_CONSISTENCY_VIOLATION;
};

/**
 * The server refused the append for its size: the same EventTooLargeError the SQL store throws for
 * its own limit, so callers need not know which store they talk to.
 */
export function sizeRefusal(error: unknown, attemptedBytes: number): EventTooLargeError | null {
  const type = kurrentErrorType(error);
  if (type === ErrorType.MAXIMUM_APPEND_SIZE_EXCEEDED)
    return new EventTooLargeError(attemptedBytes, numberField(error, 'maxAppendSize') ?? SERVER_APPEND_LIMIT);
  if (type === ErrorType.APPEND_RECORD_SIZE_EXCEEDED || type === ErrorType.TRANSACTION_MAX_SIZE_EXCEEDED) {
    return new EventTooLargeError(
      numberField(error, 'size') ?? attemptedBytes,
      numberField(error, 'maxSize') ?? SERVER_APPEND_LIMIT,
    );
  }
  return null;
}

/**
 * Errors a live subscription survives by reconnecting from its last delivered position: the
 * connection dropped, the node stepped down, a deadline passed. Anything else (access denied, a
 * bug) is reported to the subscriber, which restarts from its own checkpoint.
 */
export function isTransient(error: unknown): boolean {
  const type = kurrentErrorType(error);
  if (type !== null) return TRANSIENT_TYPES.has(type);
  // Raw gRPC failures (no KurrentDB type): CANCELLED 1, DEADLINE_EXCEEDED 4, UNAVAILABLE 14.
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'number') return [1, 4, 14].includes(code);
  return typeof code === 'string' && ['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT'].includes(code);
}

const TRANSIENT_TYPES: ReadonlySet<ErrorType> = new Set([
  ErrorType.UNAVAILABLE,
  ErrorType.CANCELLED,
  ErrorType.DEADLINE_EXCEEDED,
  ErrorType.TIMEOUT,
  ErrorType.NOT_LEADER,
  ErrorType.UNKNOWN,
]);

/** The server answered with "this stream does not exist" (a read of a stream never written). */
export const isStreamNotFound = (error: unknown): boolean => kurrentErrorType(error) === ErrorType.STREAM_NOT_FOUND;

/** The server does not offer an API (multi-stream append before 25.1, appendRecords before 26.1). */
export const isUnsupported = (error: unknown): boolean => kurrentErrorType(error) === ErrorType.UNSUPPORTED;
