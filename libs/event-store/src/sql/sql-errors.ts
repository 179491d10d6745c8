import { IdempotencyConflictError } from '../event-store.errors.js';

/** The same event id was recorded before: a replayed write, not a new fact. */
export class DuplicateEventIdError extends Error {
  constructor() {
    super('an event with this id is already recorded');
    this.name = 'DuplicateEventIdError';
  }
}

function sqlError(error: unknown): { code?: string; constraint?: string } {
  return typeof error === 'object' && error !== null ? error : {};
}

export const isConstraint = (error: unknown, constraint: string): boolean =>
  sqlError(error).code === '23505' && sqlError(error).constraint === constraint;

/** A unique violation the caller can act on becomes the port's error; anything else passes through. */
export function translateSqlError(error: unknown, idempotencyKey?: string): unknown {
  if (idempotencyKey !== undefined && isConstraint(error, 'idempotency_keys_pkey')) {
    return new IdempotencyConflictError(idempotencyKey);
  }
  if (isConstraint(error, 'events_id_uq')) return new DuplicateEventIdError();
  return error;
}
