/**
 * What no text from a client may carry, wherever it arrives (body, query, path, header).
 *
 * NUL and unpaired UTF-16 surrogates are valid in a JavaScript string and in JSON.parse's
 * output, yet PostgreSQL refuses both in text and jsonb: letting one through turns a client's
 * mistake into a failed append (a 500) deep in the store. They are refused at the door instead.
 */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasUnstorableChar(text: string): boolean {
  return UNSTORABLE.test(text);
}

/**
 * Keys that name the object machinery rather than data. JSON.parse makes them plain own
 * properties, the DTO whitelist then drops them without a word; a client sending them is either
 * confused or probing, and both deserve to hear that the field is unknown.
 */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, 'g');
const MAX_KEY_SHOWN = 64;

/**
 * A client-chosen key as it may appear in an answer: the refused characters replaced, the
 * length bounded, so naming a field never echoes the planted input back.
 */
export function shownKey(key: string): string {
  // Cut by code points: cutting UTF-16 units could split a pair and make a surrogate of its own.
  const chars = Array.from(key.replace(UNSTORABLE_ALL, '\uFFFD'));
  return chars.length > MAX_KEY_SHOWN ? `${chars.slice(0, MAX_KEY_SHOWN).join('')}…` : chars.join('');
}
