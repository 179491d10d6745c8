import type { FieldError } from './problem.js';
import { PROTOTYPE_KEYS, hasUnstorableChar, shownKey } from './untrusted-text.rules.js';

/**
 * The deepest nesting a body may have. The deepest DTO nests four levels; 64 leaves room for any
 * future one while keeping every recursive walk of a body (validation, canonicalJson for the
 * idempotency hash, the hash chain) far from the call stack's limit.
 */
export const MAX_JSON_DEPTH = 64;

/** Field errors reported at most: enough to fix a body, bounded so an answer stays small. */
const MAX_REPORTED = 20;

/**
 * True when the JSON text nests objects and arrays deeper than `max`. One linear pass over the
 * characters, no recursion and no parse, so a body 100,000 levels deep costs as little as a flat
 * one. Brackets inside strings do not count; for malformed text the answer does not matter,
 * JSON.parse refuses it next.
 */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return false;
}

/**
 * Every key's name and every string of a parsed body, keys included, checked before any DTO,
 * hash or store sees them: `__proto__`, `constructor` and `prototype` keys are named as unknown
 * fields (as the DTO whitelist names others), NUL and unpaired surrogates as invalid text.
 * Recursion is safe: the depth was bounded before the parse.
 */
export function invalidFieldsOf(body: unknown): FieldError[] {
  const errors: FieldError[] = [];
  const visit = (value: unknown, path: string): void => {
    if (errors.length >= MAX_REPORTED) return;
    if (typeof value === 'string') {
      if (hasUnstorableChar(value))
        errors.push({ field: path, message: 'must not contain NUL or an unpaired surrogate' });
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, path === '' ? String(i) : `${path}.${i}`));
      return;
    }
    for (const [key, item] of Object.entries(value)) {
      const field = path === '' ? shownKey(key) : `${path}.${shownKey(key)}`;
      if (PROTOTYPE_KEYS.has(key)) errors.push({ field, message: `property ${field} should not exist` });
      if (hasUnstorableChar(key))
        errors.push({ field, message: 'the name must not contain NUL or an unpaired surrogate' });
      visit(item, field);
    }
  };
  visit(body, '');
  return errors.slice(0, MAX_REPORTED);
}
