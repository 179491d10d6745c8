import { LANG_SON, headOf, recordsOf, type ProvinceRecords } from './access-fixtures.js';
import { newCase, presumedVictim } from './journey.js';
import { rawRequest, sendRaw, type RawAnswer } from './raw-http.js';
import { startTestApp, type StoreKind, type TestApp } from './test-app.js';

/**
 * The table the input-hardening specs share: a row is one hostile request and the refusal it must
 * get. Both spec files check their rows the same way, so the check lives here once.
 */

/** Put into every refused input; no answer may carry it back. */
export const PLANTED = 'PLANTED-7f3a';

export interface HardeningContext {
  readonly app: TestApp;
  readonly bearer: string;
  readonly records: ProvinceRecords;
}

export interface RefusalRow {
  readonly name: string;
  readonly send: (c: HardeningContext) => Promise<RawAnswer>;
  readonly status: number;
  readonly code: string;
  /** A field the problem's errors[] must name. */
  readonly field?: string;
  /** Text the answer must not contain, besides PLANTED. */
  readonly alsoNotEchoed?: readonly string[];
}

/** A request with the supervisor's token; the body is sent as the exact text given. */
export const send =
  (method: string, target: (r: ProvinceRecords) => string, body?: (r: ProvinceRecords) => string, headers = {}) =>
  (c: HardeningContext): Promise<RawAnswer> =>
    sendRaw(
      c.app.url,
      rawRequest(
        method,
        target(c.records),
        {
          authorization: c.bearer,
          ...(body ? { 'content-type': 'application/json' } : {}),
          'idempotency-key': `k-${Math.random().toString(36).slice(2)}`,
          ...headers,
        },
        body ? body(c.records) : '',
      ),
    );

/** Bytes as they are, for what fetch refuses to send. */
export const wire =
  (request: (c: HardeningContext) => string) =>
  (c: HardeningContext): Promise<RawAnswer> =>
    sendRaw(c.app.url, request(c));

export const postCase = (fields: object) =>
  send(
    'POST',
    () => '/api/v1/cases',
    () => JSON.stringify({ ...newCase, ...fields }),
  );
export const postPerson = (fields: object) =>
  send(
    'POST',
    (r) => `/api/v1/cases/${r.caseId}/persons`,
    () => JSON.stringify({ ...presumedVictim, ...fields }),
  );
export const get = (target: (r: ProvinceRecords) => string) => send('GET', target);

/**
 * Starts the app on one store with Lạng Sơn's records and a supervisor's token, for the enclosing
 * describe; the context is read through the getter once beforeAll has run.
 */
export function useHardeningContext(kind: StoreKind): () => HardeningContext {
  let c: HardeningContext | undefined;
  beforeAll(async () => {
    const app = await startTestApp(kind);
    c = { app, bearer: `Bearer ${await app.token('supervisor')}`, records: await recordsOf(app, LANG_SON) };
  }, 120_000);
  afterAll(async () => c?.app.close());
  return () => c!;
}

/**
 * One test per row: the expected status and code, as problem+json, with nothing planted echoed
 * and the log's head where it was (a refusal writes nothing).
 */
export function itRefusesEach(rows: readonly RefusalRow[], context: () => HardeningContext): void {
  it.each(rows.map((row) => [row.name, row] as const))('%s', async (_name, row) => {
    const c = context();
    const before = await headOf(c.app);
    const r = await row.send(c);
    expect({ status: r.status, code: (JSON.parse(r.text) as { code?: string }).code }).toEqual({
      status: row.status,
      code: row.code,
    });
    expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = JSON.parse(r.text) as {
      type: string;
      title: string;
      status: number;
      detail: string;
      errors?: { field: string }[];
    };
    expect(body).toMatchObject({
      type: expect.any(String),
      title: expect.any(String),
      status: row.status,
      detail: expect.any(String),
    });
    for (const planted of [PLANTED, ...(row.alsoNotEchoed ?? [])]) expect(r.text).not.toContain(planted);
    if (row.field) expect((body.errors ?? []).map((e) => e.field)).toContain(row.field);
    if (row.status === 405) expect(r.headers.allow).toBe('GET, HEAD, POST');
    expect(await headOf(c.app)).toBe(before);
  });
}
