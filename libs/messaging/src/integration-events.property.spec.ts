import fc from 'fast-check';
import type { RecordedEvent } from '#event-store';
import { CONTRACTS, publishable, toIntegrationEvent, type FieldKind } from './integration-events.js';

const MARK = 'PII⚠';
/** Strings that look like what must never leave: names in three scripts, documents, birth dates, contacts. */
const PERSONAL = [
  'Nguyễn Thị Hoa',
  '王秀英',
  'Wang Xiuying',
  'B1234567',
  '1990-05-17',
  '+84 912 345 678',
  'hoa.nguyen@example.vn',
  'Số 5 ngõ 12, Móng Cái',
];
const personal = fc.oneof(
  fc.constantFrom(...PERSONAL),
  fc.string({ minLength: 1, maxLength: 12 }).map((s) => `${MARK}${s}`),
);
const planted = fc.oneof(
  personal,
  personal.map((p) => ({ at: p, offset: '+07:00', zone: null })),
  personal.map((p) => [p]),
  personal.map((p) => ({ name: p, nested: { dateOfBirth: p } })),
);
const iso = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-01-01T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());

function validFor(kind: FieldKind): fc.Arbitrary<unknown> {
  if (typeof kind === 'object') return fc.constantFrom(...kind.oneOf);
  switch (kind) {
    case 'id':
      return fc.uuid();
    case 'ids':
      return fc.array(fc.uuid(), { maxLength: 3 });
    case 'code':
      return fc.constantFrom('hotline', 'lang-son', 'presumed_victim', 'outgoing');
    case 'counterpart':
      return fc.constantFrom('CN-GX-PSD', 'CN-YN-PSD');
    case 'place':
      return fc.constantFrom('HUU_NGHI', 'MONG_CAI');
    case 'flag':
      return fc.boolean();
    case 'instant':
      return iso.map((at) => ({ at, offset: '+08:00', zone: 'Asia/Shanghai' }));
    case 'count':
      return fc.nat();
    case 'digest':
      return fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => Buffer.from(b).toString('hex'));
    case 'signature':
      return fc.uint8Array({ minLength: 32, maxLength: 64 }).map((b) => Buffer.from(b).toString('base64url'));
    case 'decimal':
      return fc.bigInt({ min: 0n, max: 2n ** 62n }).map((n) => n.toString());
  }
}

const publishedTypes = Object.keys(CONTRACTS);
const DANGEROUS_KEYS = [
  'name',
  'fullName',
  'body',
  'subject',
  'summary',
  'reason',
  'ciphertext',
  'dateOfBirth',
  'note',
];

/** A recorded event of any type whose data mixes valid allowed fields, planted personal data and unknown keys. */
const recordedEvent: fc.Arbitrary<RecordedEvent> = fc
  .oneof(fc.constantFrom(...publishedTypes), fc.constantFrom('MessageAnswered', 'PersonNameRecorded', 'CaseClassified'))
  .chain((type) => {
    const allowed = CONTRACTS[type]?.fields ?? {};
    const fields = Object.fromEntries(
      Object.entries(allowed).map(([f, kind]) => [f, fc.option(fc.oneof(validFor(kind), planted), { nil: undefined })]),
    );
    return fc.record({
      type: fc.constant(type),
      id: fc.uuid(),
      stream: fc.uuid(),
      allowedData: fc.record(fields),
      extra: fc.dictionary(fc.oneof(fc.constantFrom(...DANGEROUS_KEYS), fc.string()), planted, { maxKeys: 4 }),
      caseId: fc.option(fc.oneof(fc.uuid(), personal), { nil: undefined }),
      occurredAt: iso,
      recordedAt: iso,
      actorName: personal,
    });
  })
  .map(({ type, id, stream, allowedData, extra, caseId, occurredAt, recordedAt, actorName }) => ({
    id,
    type,
    schemaVersion: 1,
    streamId: `case-${stream}`,
    revision: 0n,
    position: 1n,
    data: { ...extra, ...allowedData },
    metadata: {
      actor: { userId: id, role: 'liaison_officer' as const, unitId: 'blo-lang-son', name: actorName },
      correlationId: `${MARK}corr`,
      causationId: null,
      occurredAt: { at: occurredAt, offset: '+07:00', zone: 'Asia/Ho_Chi_Minh' },
      recordedAt,
      ...(caseId === undefined ? {} : { caseId }),
      prevHash: '0'.repeat(64),
      hash: 'f'.repeat(64),
    },
  }));

describe('integration events', () => {
  it('publish only allow-listed fields, in their declared shape, and no planted personal data', () => {
    fc.assert(
      fc.property(recordedEvent, (event) => {
        const out = toIntegrationEvent(event);
        const contract = CONTRACTS[event.type];
        if (!contract) return out === null;
        if (out === null) return false;
        const wire = JSON.stringify(out);
        if (wire.includes(MARK) || PERSONAL.some((p) => wire.includes(p))) return false;
        for (const [field, value] of Object.entries(out.data)) {
          const kind: FieldKind | undefined =
            contract.fields[field] ?? (field === 'caseId' ? 'id' : field === 'occurredAt' ? 'instant' : undefined);
          if (kind === undefined || publishable(kind, value) === undefined) return false;
        }
        return Object.keys(out).sort().join() === 'data,id,key,subject,time,traceparent,type';
      }),
      { numRuns: 2000 },
    );
  });
});
