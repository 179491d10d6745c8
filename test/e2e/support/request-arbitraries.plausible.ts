import fc from 'fast-check';
import type { Schema } from './openapi-operations.js';

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
export function kindOfName(name: string): string | null {
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

export function idsOf(pools: Pools, kind: string | null): fc.Arbitrary<string> {
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
