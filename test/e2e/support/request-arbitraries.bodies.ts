import fc from 'fast-check';
import type { Operation, Schema } from './openapi-operations.js';
import { RawJson, clone, jsonText } from './request-arbitraries.encoding.js';
import { deepJson, oddKey, oddValue } from './request-arbitraries.odd-values.js';
import { plausible, type Pools } from './request-arbitraries.plausible.js';

type Mutation =
  | { kind: 'drop'; at: number }
  | { kind: 'set'; at: number; value: unknown }
  | { kind: 'add'; at: number; key: string; value: unknown };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: oddValue }),
  fc.record({ kind: fc.constant('add' as const), at: fc.nat(), key: oddKey, value: oddValue }),
);

/** Every object in a value, outermost first, so a mutation can land at any depth. */
function objectsIn(value: unknown, found: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (value instanceof RawJson || value === null || typeof value !== 'object') return found;
  if (!Array.isArray(value)) found.push(value as Record<string, unknown>);
  for (const child of Object.values(value)) objectsIn(child, found);
  return found;
}

function mutated(body: unknown, mutations: readonly Mutation[]): unknown {
  const copy = clone(body);
  for (const m of mutations) {
    const targets = objectsIn(copy);
    if (targets.length === 0) break;
    const target = targets[m.at % targets.length];
    const keys = Object.keys(target);
    // Values are copied in: generated values may share one instance, and a tree must not hold itself.
    if (m.kind === 'add') {
      Object.defineProperty(target, m.key, {
        value: clone(m.value),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else if (keys.length > 0) {
      const key = keys[m.at % keys.length];
      if (m.kind === 'drop') delete target[key];
      else target[key] = clone(m.value);
    }
  }
  return copy;
}

const MALFORMED_JSON = [
  '{',
  '{"a":}',
  '{"a":1,}',
  "{'a':1}",
  '{"a":1}{"b":2}',
  '\ufeff{}',
  '{"a":"\\x41"}',
  '{"a":"\\ud800"}',
  '{"a":1e400}',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  ' ',
  'null',
  '[]',
  '"text"',
  '-0',
];

/** A body for the operation: plausible and often mutated, or random JSON, odd keys, deep nesting, broken text. */
export function bodyFor(
  op: Operation,
  resolve: (s: Schema) => Schema,
  pools: Pools,
): fc.Arbitrary<string | Uint8Array> {
  const base: fc.Arbitrary<unknown> = op.body ? plausible(op.body, '', resolve, pools) : fc.constant({});
  return fc.oneof(
    { weight: 5, arbitrary: base.map(jsonText) },
    {
      weight: 4,
      arbitrary: fc
        .tuple(base, fc.array(mutation, { minLength: 1, maxLength: 3 }))
        .map(([b, m]) => jsonText(mutated(b, m))),
    },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map(jsonText) },
    { weight: 1, arbitrary: fc.dictionary(oddKey, oddValue, { maxKeys: 4 }).map(jsonText) },
    { weight: 1, arbitrary: deepJson.map((d) => `{"a":${d.text}}`) },
    { weight: 1, arbitrary: fc.oneof(fc.constantFrom(...MALFORMED_JSON), fc.string({ maxLength: 40 })) },
    { weight: 1, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 40 }) },
  );
}
