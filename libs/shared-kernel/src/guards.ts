import { refuse } from './domain-error.js';

/**
 * Checks deciders run on command data. Commands reach the domain from HTTP (validated DTOs) and
 * from the counterpart gateway (parsed JSON), so the domain checks its own preconditions too.
 * Messages name the field, never its value: they reach logs and problem bodies.
 */
export const invalid = (code: string, message: string): never => refuse(code, message, 'invalid');

/** Trimmed non-blank text, or a refusal with `code`. */
export function required(value: string | undefined, code: string, what: string): string {
  const text = typeof value === 'string' ? value.trim() : '';
  return text.length > 0 ? text : invalid(code, `${what} is required`);
}

/** Trimmed text, or null when absent or blank. */
export function optional(value: string | undefined): string | null {
  const text = typeof value === 'string' ? value.trim() : '';
  return text.length > 0 ? text : null;
}

export const isOneOf = <T>(values: readonly T[], value: unknown): value is T => values.includes(value as T);
