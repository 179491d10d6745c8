import fc from 'fast-check';
import type { Operation, QueryParameter, Schema } from './openapi-operations.js';
import { bodyFor } from './request-arbitraries.bodies.js';
import { jsonText, percentEncode } from './request-arbitraries.encoding.js';
import { oddKey, oddText } from './request-arbitraries.odd-values.js';
import { idsOf, kindOfName, kindOfPathParameter, plausible, type Pools } from './request-arbitraries.plausible.js';

export { kindOfPathParameter, type Pools };

/** One request, ready to send. */
export interface RequestPlan {
  readonly method: string;
  /** Path and query, percent-encoded (or deliberately not). */
  readonly target: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
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
