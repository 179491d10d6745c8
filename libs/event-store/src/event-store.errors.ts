/** Optimistic concurrency: someone else appended first. Safe to retry (decide is pure). */
export class WrongExpectedRevisionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`stream ${streamId}: expected revision ${expected}, found ${actual}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

/** Another append already used this idempotency key (a concurrent retry won the race). */
export class IdempotencyConflictError extends Error {
  constructor(readonly key: string) {
    super('idempotency key already used');
    this.name = 'IdempotencyConflictError';
  }
}

/** The event or batch is larger than the store accepts. */
export class EventTooLargeError extends Error {
  constructor(
    readonly bytes: number,
    readonly limit: number,
  ) {
    super(`event of ${bytes} bytes exceeds the limit of ${limit}`);
    this.name = 'EventTooLargeError';
  }
}

/** The append under this key may or may not have been recorded: a crash cut it off before its answer. */
export class IdempotencyOutcomeUnknownError extends Error {
  constructor(readonly key: string) {
    super('a request with this idempotency key was interrupted; its outcome is unknown');
    this.name = 'IdempotencyOutcomeUnknownError';
  }
}
