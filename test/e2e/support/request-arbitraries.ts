import fc from 'fast-check';
import type { Operation, QueryParameter, Schema } from './openapi-operations.js';

/**
 * A JSON token JavaScript cannot hold (1e400, -0, a 30-digit integer) or a subtree already
 * written as text (10,000 levels deep): written into the body exactly as given.
 */
export class RawJson {
  constructor(readonly text: string) {}
}

/** JSON text of a value that may hold RawJson leaves and own `__proto__` keys. */
export function jsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(jsonText).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record)
      .map((k) => `${JSON.stringify(k)}:${jsonText(record[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A copy with `key` set as an own property, even when the key is `__proto__`. */
function withKey(record: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy = { ...record };
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

function clone(value: unknown): unknown {
  if (value instanceof RawJson || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(clone);
  return Object.keys(value).reduce<Record<string, unknown>>(
    (copy, k) => withKey(copy, k, clone((value as Record<string, unknown>)[k])),
    {},
  );
}

/**
 * Percent-encoding of any JavaScript string, unpaired surrogates included (as the three bytes
 * WTF-8 gives them, which no UTF-8 decoder accepts), where encodeURIComponent would throw.
 */
export function percentEncode(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (cp >= 0xd800 && cp <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      cp = (cp - 0xd800) * 0x400 + (next - 0xdc00) + 0x10000;
      i++;
    }
    if (cp < 0x80 && /[A-Za-z0-9._~-]/.test(String.fromCharCode(cp))) {
      out += String.fromCharCode(cp);
      continue;
    }
    const bytes =
      cp < 0x80
        ? [cp]
        : cp < 0x800
          ? [0xc0 | (cp >> 6), 0x80 | (cp & 63)]
          : cp < 0x10000
            ? [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)]
            : [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
    out += bytes.map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  }
  return out;
}

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
const oddKey = fc.oneof(prototypeKey, fc.constantFrom('extra', 'summary ', 'Summary', ''), oddText);

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

/**
 * Values the fuzzer uses where the service expects a reference: real records (so some requests
 * hit something), of the kind the name asks for, and all the others.
 */
export interface Pools {
  /** Every seeded id, of every kind. */
  readonly ids: readonly string[];
  /** By what a name refers to: `cases`, `persons`, `messages`, `users`, `projections`, … */
  readonly byKind: Readonly<Record<string, readonly string[]>>;
  /** Values most often given to a field of this name (the caller's own province and gate), so writes get through. */
  readonly preferred: Readonly<Record<string, readonly unknown[]>>;
}

/** The kind of record a body field or query parameter names: caseId(s) → cases, inReplyTo → messages. */
function kindOfName(name: string): string | null {
  if (name === 'inReplyTo') return 'messages';
  const m = /^(case|person|message|handover|exchange|verification|subject)Ids?$/.exec(name);
  return m ? `${m[1]}s` : null;
}

/** The kind of record a path parameter names: the collection before it (/cases/{id}), or its own name. */
export function kindOfPathParameter(template: string, name: string): string {
  const before = template.split(`/{${name}}`)[0].split('/').pop() ?? '';
  if (name === 'messageId') return 'messages';
  return { 'verification-requests': 'verifications' }[before] ?? before;
}

function idsOf(pools: Pools, kind: string | null): fc.Arbitrary<string> {
  const own = kind === null ? [] : (pools.byKind[kind] ?? []);
  return fc.oneof(
    { weight: own.length > 0 ? 6 : 0, arbitrary: fc.constantFrom(...(own.length > 0 ? own : pools.ids)) },
    { weight: 2, arbitrary: fc.constantFrom(...pools.ids) },
    { weight: 1, arbitrary: fc.uuid() },
  );
}

const zonedTime = fc
  .tuple(
    fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true }),
    fc.constantFrom('+07:00', '+08:00', 'Z'),
  )
  .map(([d, offset]) => `${d.toISOString().slice(0, 19)}${offset}`);

const plainText = fc.constantFrom('Kiểm tra đầu vào', '测试内容', 'Ghi chú / 备注 — thử nghiệm 2026', 'x');

/** A value the schema would accept, or nearly: enum members, examples, real ids, real times. */
export function plausible(
  schema: Schema,
  name: string,
  resolve: (s: Schema) => Schema,
  pools: Pools,
): fc.Arbitrary<unknown> {
  const preferred = pools.preferred[name] ?? [];
  const any = anyPlausible(schema, name, resolve, pools);
  return preferred.length > 0 ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...preferred) }, any) : any;
}

function anyPlausible(
  schema: Schema,
  name: string,
  resolve: (s: Schema) => Schema,
  pools: Pools,
): fc.Arbitrary<unknown> {
  const s = resolve(schema);
  const id = idsOf(pools, kindOfName(name));
  if (s.enum && s.enum.length > 0) return fc.constantFrom(...s.enum);
  if (s.properties) {
    const props = Object.fromEntries(
      Object.entries(s.properties).map(([k, v]) => [k, plausible(v, k, resolve, pools)] as const),
    );
    return fc.record(props, { requiredKeys: [...(s.required ?? [])] });
  }
  if (s.type === 'array') {
    if (/Ids$/.test(name) || resolve(s.items ?? {}).format === 'uuid')
      return fc.array(id, { minLength: 1, maxLength: 3 });
    if (Array.isArray(s.example)) return fc.constant(s.example);
    return fc.array(plausible(s.items ?? {}, name, resolve, pools), { minLength: 1, maxLength: 2 });
  }
  if (s.type === 'boolean') return fc.boolean();
  if (s.type === 'number' || s.type === 'integer') {
    return fc.integer({ min: s.minimum ?? 0, max: s.maximum ?? 1_000 });
  }
  if (s.format === 'uuid' || /Id$/.test(name) || name === 'inReplyTo') return id;
  if (/At$/.test(name)) return fc.oneof(zonedTime, fc.constant(s.example ?? '2026-03-05T09:00:00+07:00'));
  if (typeof s.example === 'string') return fc.constant(s.example);
  return plainText;
}

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

/** One request, ready to send. */
export interface RequestPlan {
  readonly method: string;
  /** Path and query, percent-encoded (or deliberately not). */
  readonly target: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
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
function bodyFor(op: Operation, resolve: (s: Schema) => Schema, pools: Pools): fc.Arbitrary<string | Uint8Array> {
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

function queryValue(p: QueryParameter, resolve: (s: Schema) => Schema, pools: Pools): fc.Arbitrary<string> {
  const plain =
    p.name === 'minPosition'
      ? fc.constantFrom('0', '1', '3', '-1', '007', '9223372036854775807', '99999999999999999999')
      : plausible(p.schema, p.name, resolve, pools).map((v) => (typeof v === 'string' ? v : jsonText(v)));
  return fc.oneof(
    { weight: 3, arbitrary: plain.map(percentEncode) },
    { weight: 2, arbitrary: oddText.map(percentEncode) },
    { weight: 1, arbitrary: idsOf(pools, kindOfName(p.name)) },
    { weight: 1, arbitrary: fc.constantFrom('%zz', '%', '%ED%A0%80', '%C0%AE', '%00', 'a+b', '%2B07%3A00', '') },
  );
}

const visibleAscii = fc.string({
  unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)),
  minLength: 1,
  maxLength: 60,
});

/** Headers a client can send through fetch (no control characters): odd values for the ones the service reads. */
const headers = fc.record(
  {
    'idempotency-key': fc.oneof(fc.constantFrom('fuzz-1', 'fuzz-2'), visibleAscii, fc.constantFrom('a b', 'caf\u00e9')),
    'if-match': fc.oneof(
      fc.constantFrom('"0"', '"1"', 'W/"2"', '"-1"', '"99999999999999999999"', '*', 'yesterday'),
      visibleAscii,
    ),
    'x-correlation-id': fc.oneof(fc.uuid(), visibleAscii),
    authorization: fc.constantFrom('', 'Bearer', 'Bearer x.y.z', 'Basic YTpi'),
    'content-type': fc.constantFrom(
      'application/json; charset=utf-16',
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/merge-patch+json',
      'application/json;;',
      'multipart/form-data; boundary=x',
    ),
  },
  { requiredKeys: [] },
);

/** Requests for one operation: its path filled with real and strange ids, its query and body generated. */
export function requestsFor(
  op: Operation,
  resolve: (s: Schema) => Schema,
  pools: Pools,
  authorization: string,
): fc.Arbitrary<RequestPlan> {
  const pathValue = (name: string) =>
    fc.oneof(
      { weight: 6, arbitrary: idsOf(pools, kindOfPathParameter(op.template, name)) },
      { weight: 1, arbitrary: oddText },
    );
  const path = fc
    .tuple(...op.pathParameters.map(pathValue))
    .map((values) => values.reduce((p, v, i) => p.replace(`{${op.pathParameters[i]}}`, percentEncode(v)), op.template));
  const query = fc
    .tuple(
      fc.tuple(
        ...op.query.map((p) =>
          fc
            .option(queryValue(p, resolve, pools), { freq: p.required ? 8 : 2 })
            .map((v) => (v === null ? null : `${p.name}=${v}`)),
        ),
      ),
      fc.oneof(
        { weight: 5, arbitrary: fc.constant([] as [string, string][]) },
        fc.array(fc.tuple(oddKey, oddText), { minLength: 1, maxLength: 2 }),
      ),
    )
    .map(([known, extra]) =>
      [
        ...known.filter((x): x is string => x !== null),
        ...extra.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`),
      ].join('&'),
    );
  const sendsBody = op.method !== 'GET' && op.method !== 'DELETE';
  const body = sendsBody ? fc.option(bodyFor(op, resolve, pools), { freq: 12 }) : fc.constant(null);
  return fc
    .record({ path, query, body, extra: fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, headers) })
    .map(({ path: p, query: q, body: b, extra }) => ({
      method: op.method,
      target: q === '' ? p : `${p}?${q}`,
      headers: {
        authorization,
        ...(b !== null ? { 'content-type': 'application/json' } : {}),
        ...(extra ?? {}),
      },
      ...(b !== null ? { body: b } : {}),
    }));
}
