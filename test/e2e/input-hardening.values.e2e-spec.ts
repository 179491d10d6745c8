import { newVerification } from './support/exchange-fixtures.js';
import {
  PLANTED,
  get,
  itRefusesEach,
  postCase,
  postPerson,
  send,
  useHardeningContext,
  type RefusalRow,
} from './support/hardening-table.js';
import { newCase, presumedVictim } from './support/journey.js';
import { describeEachStore } from './support/test-app.js';

/**
 * Input hardening, part one: what a request says. Values in a body or a parameter that the service
 * must refuse before they reach a handler or the log: bodies too deep or too big, NUL and lone
 * surrogates, prototype keys, dates that do not exist. How a request is framed (URLs, headers,
 * media types, timeouts) is in input-hardening.http.e2e-spec.ts; docs/input-hardening.md has both.
 */

const nested = (depth: number, leaf: string): string => `${'{"a":'.repeat(depth)}${leaf}${'}'.repeat(depth)}`;
const dayFromNow = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const nextYear = String(new Date().getUTCFullYear() + 1);

const ROWS: readonly RefusalRow[] = [
  // The three inputs that answered 500.
  {
    name: 'a body nested 10,000 deep, with an Idempotency-Key (hashed before validation)',
    send: send(
      'POST',
      () => '/api/v1/cases',
      () => nested(10_000, `"${PLANTED}"`),
    ),
    status: 400,
    code: 'REQUEST.TOO_DEEP',
  },
  {
    name: 'a lone surrogate "\\ud800" in a string',
    send: postCase({ summary: `${PLANTED}\ud800` }),
    status: 400,
    code: 'REQUEST.INVALID',
    field: 'summary',
    alsoNotEchoed: ['\\ud800'],
  },
  {
    name: '?purpose=%00 on a history replay (stored into its audit event)',
    send: get((r) => `/api/v1/cases/${r.caseId}/history?asOf=2026-03-06T17:00:00%2B07:00&purpose=${PLANTED}%00`),
    status: 400,
    code: 'REQUEST.INVALID',
    field: 'purpose',
    alsoNotEchoed: ['\\u0000'],
  },
  {
    name: '?purpose=%00 on a read of personal data',
    send: get((r) => `/api/v1/persons/${r.personId}?purpose=${PLANTED}%00`),
    status: 400,
    code: 'REQUEST.INVALID',
    field: 'purpose',
  },

  // Depth and size, before anything else reads the body.
  {
    name: 'arrays nested 65 deep',
    send: send(
      'POST',
      () => '/api/v1/cases',
      () => `{"summary":${'['.repeat(64)}"${PLANTED}"${']'.repeat(64)}}`,
    ),
    status: 400,
    code: 'REQUEST.TOO_DEEP',
  },
  {
    name: 'objects nested 64 deep pass the limit and reach validation',
    send: send(
      'POST',
      () => '/api/v1/cases',
      () => nested(64, `"${PLANTED}"`),
    ),
    status: 400,
    code: 'REQUEST.INVALID',
    field: 'a',
  },
  {
    name: 'a body over the byte limit',
    send: postCase({ summary: PLANTED.repeat(100_000) }),
    status: 413,
    code: 'REQUEST.TOO_LARGE',
  },

  // NUL and unpaired surrogates anywhere in a body, keys included.
  {
    name: 'a lone low surrogate in a nested string',
    send: postPerson({ nameVariants: [{ script: 'zh-Hans', value: `${PLANTED}\udc00` }] }),
    status: 400,
    code: 'REQUEST.INVALID',
    field: 'nameVariants.0.value',
    alsoNotEchoed: ['\\udc00'],
  },
  {
    name: 'NUL in a string',
    send: postCase({ summary: `${PLANTED}\u0000` }),
    status: 400,
    code: 'REQUEST.INVALID',
    field: 'summary',
    alsoNotEchoed: ['\\u0000'],
  },
  {
    name: 'NUL in a field name',
    send: postCase({ ['note\u0000']: PLANTED }),
    status: 400,
    code: 'REQUEST.INVALID',
    alsoNotEchoed: ['\\u0000'],
  },
  {
    name: 'a lone surrogate in a field name',
    send: postCase({ ['note\ud83d']: PLANTED }),
    status: 400,
    code: 'REQUEST.INVALID',
    alsoNotEchoed: ['\\ud83d'],
  },

  // Prototype keys: unknown fields, named, never dropped in silence.
  {
    name: 'a __proto__ key',
    send: send(
      'POST',
      () => '/api/v1/cases',
      () => `{"__proto__":{"x":"${PLANTED}"},${JSON.stringify(newCase).slice(1)}`,
    ),
    status: 400,
    code: 'REQUEST.INVALID',
    field: '__proto__',
  },
  {
    name: 'a constructor key inside a document',
    send: postPerson({ documents: [{ kind: 'cccd', number: '001309012345', constructor: { prototype: PLANTED } }] }),
    status: 400,
    code: 'REQUEST.INVALID',
    field: 'documents.0.constructor',
  },
  {
    name: 'a prototype key',
    send: postCase({ prototype: PLANTED }),
    status: 400,
    code: 'REQUEST.INVALID',
    field: 'prototype',
  },
  {
    name: 'a __proto__ query parameter',
    send: get(() => `/api/v1/cases?__proto__=${PLANTED}`),
    status: 400,
    code: 'REQUEST.INVALID',
    field: '__proto__',
  },

  // Dates that do not exist or have not happened.
  ...['2004-02-31', '2004-13', '2004-00', '2005-02-29', '1899-12-31', dayFromNow(3), `${nextYear}-01`, nextYear].map(
    (dateOfBirth): RefusalRow => ({
      name: `dateOfBirth ${dateOfBirth}`,
      send: postPerson({ dateOfBirth }),
      status: 400,
      code: 'REQUEST.INVALID',
      field: 'dateOfBirth',
    }),
  ),
  {
    name: 'occurredAt on 30 February with an offset',
    send: postCase({ occurredAt: '2026-02-30T10:00:00+07:00' }),
    status: 400,
    code: 'REQUEST.INVALID',
    field: 'occurredAt',
  },
  {
    name: 'a verification due on 31 April',
    send: send(
      'POST',
      () => '/api/v1/verification-requests',
      (r) => JSON.stringify(newVerification(r.caseId, { dueAt: '2026-04-31T17:00:00+07:00' })),
    ),
    status: 400,
    code: 'REQUEST.INVALID',
    field: 'dueAt',
  },
  {
    name: 'a handover scheduled on 29 February of a common year',
    send: send(
      'POST',
      (r) => `/api/v1/handovers/${r.handoverId}/schedule`,
      () => JSON.stringify({ gate: 'HUU_NGHI', scheduledAt: '2027-02-29T09:00:00+08:00' }),
    ),
    status: 400,
    code: 'REQUEST.INVALID',
    field: 'scheduledAt',
  },
  {
    name: 'a history asOf on 30 February',
    send: get((r) => `/api/v1/cases/${r.caseId}/history?asOf=2026-02-30T10:00:00%2B07:00`),
    status: 400,
    code: 'REQUEST.INVALID',
    field: 'asOf',
  },
];

describeEachStore('input hardening: values', (kind) => {
  const context = useHardeningContext(kind);

  itRefusesEach(ROWS, context);

  it('still accepts every real birth date, full or partial, up to today', async () => {
    const c = context();
    const officer = await c.app.as('supervisor');
    for (const dateOfBirth of ['2004-02-29', '2004-02', '2004', '1900-01-01', dayFromNow(0)]) {
      const r = await officer.post(`/cases/${c.records.caseId}/persons`, { ...presumedVictim, dateOfBirth });
      expect({ dateOfBirth, status: r.status }).toEqual({ dateOfBirth, status: 201 });
    }
  });
});
