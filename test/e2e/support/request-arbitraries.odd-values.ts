import fc from 'fast-check';
import { RawJson } from './request-arbitraries.encoding.js';

const ODD_TEXT = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff',
  'x\ud83d',
  '\ude00y',
  '\u202e\u0645\u0631\u062d\u0628\u0627\u202c',
  '\u200f\u200e\u200b\u2066',
  '\ufeff',
  '\uffff\ufffe',
  '\u{10FFFF}',
  '👩‍👩‍👧 🇻🇳',
  'e\u0301\u0323\u0302',
  'Nguyễn Thị Hoa',
  '阮氏花',
  '\r\n',
  '\t',
  ' ',
  '',
  'null',
  '-0',
  "'; DROP TABLE events; --",
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '${7*7}',
  '%00',
  '\\u0000',
  'x'.repeat(201),
  'ễ'.repeat(501),
  '9'.repeat(25),
  'a'.repeat(20_001),
];

/** Text people do not usually type: controls, unpaired surrogates, bidi marks, emoji, overlong. */
export const oddText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...ODD_TEXT),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
);

/** Numbers at and past every edge, some only writable as JSON text. */
export const oddNumber: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(0, -1, 1, 0.5, 2 ** 31, 2 ** 53 + 2, Number.MAX_VALUE, Number.MIN_VALUE),
  fc
    .constantFrom('1e400', '-1e400', '-0', '1e-400', '123456789012345678901234567890', '1E2', '0.10000000000000001')
    .map((t) => new RawJson(t)),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Objects and arrays nested past the service's limit, as text. */
export const deepJson: fc.Arbitrary<RawJson> = fc
  .tuple(fc.integer({ min: 50, max: 12_000 }), fc.boolean())
  .map(([depth, arrays]) =>
    arrays
      ? new RawJson(`${'['.repeat(depth)}${']'.repeat(depth)}`)
      : new RawJson(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`),
  );

const prototypeKey = fc.constantFrom('__proto__', 'constructor', 'prototype');
export const oddKey = fc.oneof(prototypeKey, fc.constantFrom('extra', 'summary ', 'Summary', ''), oddText);

/** Any value of the wrong kind for wherever it lands. */
export const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  oddText,
  oddNumber,
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom([], {}),
  fc.jsonValue({ maxDepth: 3 }),
  deepJson,
  fc.dictionary(prototypeKey, fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 }),
);
