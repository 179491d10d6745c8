import fc from 'fast-check';
import { MAX_JSON_DEPTH, invalidFieldsOf, nestsDeeperThan } from './json-body.inspector.js';
import { hasUnstorableChar } from './untrusted-text.rules.js';

/** The nesting depth of a value as JSON counts it: a scalar is 0, `{}` and `[]` are 1. */
function depthOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  return 1 + Math.max(0, ...Object.values(value).map(depthOf));
}

describe('JSON body inspection', () => {
  it('measures nesting exactly as the parsed value has it, brackets inside strings not counted', () => {
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.string({ unit: fc.constantFrom('[', ']', '{', '}', '"', '\\', 'a') }),
        fc.array(tie('node'), { maxLength: 3 }),
        fc.dictionary(fc.string({ maxLength: 3 }), tie('node'), { maxKeys: 3 }),
      ),
    })).node;
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 8 }), (v, max) => {
        expect(nestsDeeperThan(JSON.stringify(v), max)).toBe(depthOf(v) > max);
      }),
    );
  });

  it('scans a body 100,000 levels deep without recursion', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(nestsDeeperThan(deep, MAX_JSON_DEPTH)).toBe(true);
    expect(nestsDeeperThan(`{"a":${'['.repeat(63)}${']'.repeat(63)}}`, MAX_JSON_DEPTH)).toBe(false);
  });

  it('names prototype keys and unstorable text at any depth, keys included, without echoing them', () => {
    const body = JSON.parse(
      '{"__proto__":{"x":1},"a":[{"constructor":"c"},"ok","\\u0000"],"b":{"prototype":{},"k\\ud800":"v","s":"\\udfff"}}',
    ) as unknown;
    const errors = invalidFieldsOf(body);
    expect(errors.map((e) => e.field)).toEqual([
      '__proto__',
      'a.0.constructor',
      'a.2',
      'b.prototype',
      'b.k\uFFFD',
      'b.s',
    ]);
    for (const e of errors) expect(hasUnstorableChar(e.field + e.message)).toBe(false);
  });

  it('passes what PostgreSQL stores: paired surrogates, other controls, bidi marks', () => {
    expect(invalidFieldsOf({ name: '👩‍👩‍👧 \u202e\u200f\t\r\n ễ 阮' })).toEqual([]);
  });

  it('reports at most 20 fields', () => {
    const body = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`f${i}`, '\u0000']));
    expect(invalidFieldsOf(body)).toHaveLength(20);
  });
});
