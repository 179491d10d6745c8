import { newId } from '#shared-kernel';
import { CaseListProjection } from './case-list.projection.js';
import { listCases, InvalidCursorError } from './case-list.queries.js';
import { BlindIndex } from '../case-search/blind-index.js';
import { CaseNameIndexProjection } from '../case-search/case-name-index.projection.js';
import { eventLog, projectionHarness, type Harness } from '../spec-support/projection-harness.js';
import { createGeneration } from '../runner/projection-registry.js';
import { createSecretKey, randomBytes } from 'node:crypto';

const zoned = (at: string) => ({ at, offset: '+07:00', zone: 'Asia/Ho_Chi_Minh' });

function reportReceived(caseId: string, over: Partial<Record<string, unknown>> = {}) {
  return {
    caseId,
    channel: 'hotline',
    province: 'lang-son',
    summary: 'Tin báo: một phụ nữ bị giữ tại Bằng Tường',
    occurredAt: zoned('2026-03-05T02:00:00.000Z'),
    receivingUnit: 'VN-LS-BLO',
    ...over,
  };
}

describe('case list projection', () => {
  let h: Harness;
  const index = BlindIndex.fromKey(createSecretKey(randomBytes(32)));

  beforeAll(async () => {
    h = await projectionHarness(new CaseListProjection(), async (sql) => {
      // The list query joins the name index and the key store's erasure marks.
      await sql.query('CREATE TABLE subject_keys (subject_id text PRIMARY KEY, shredded_at timestamptz)');
      await createGeneration(sql, new CaseNameIndexProjection({ decrypt: async () => ({}) as never }, index), true);
    });
  }, 60_000);
  beforeEach(async () => h.reset());
  afterAll(async () => h.close());

  it('folds a case into one row with the domain’s status, classification and link counts', async () => {
    const e = eventLog();
    const id = newId();
    await h.apply([
      e('case', id, 'ReportReceived', reportReceived(id)),
      e('case', id, 'CaseClassified', {
        caseId: id,
        classification: 'trafficking_suspected',
        previousClassification: null,
        note: null,
      }),
      e('case', id, 'CaseOpened', { caseId: id, reason: null }),
      e('case', id, 'PersonLinked', { caseId: id, personId: newId(), role: 'presumed_victim' }),
      e('case', id, 'ExchangeLinked', { caseId: id, exchangeId: newId() }),
    ]);
    const [row] = await h.rows('case_list', 'seq');
    expect(row).toMatchObject({
      case_id: id,
      seq: 1n,
      status: 'open',
      classification: 'trafficking_suspected',
      province: 'lang-son',
      summary_folded: 'tin bao: mot phu nu bi giu tai bang tuong',
      persons: 1,
      exchanges: 1,
      verifications: 0,
      last_position: 5n,
    });
  });

  it('changes nothing when events are applied again (a replay), in whole or in part', async () => {
    const e = eventLog();
    const id = newId();
    const events = [
      e('case', id, 'ReportReceived', reportReceived(id)),
      e('case', id, 'CaseOpened', { caseId: id, reason: null }),
      e('case', id, 'CaseResolved', { caseId: id, resolution: 'xong' }),
    ];
    await h.apply(events);
    const before = await h.rows('case_list', 'seq');
    await h.apply(events);
    await h.apply([events[1]]);
    expect(await h.rows('case_list', 'seq')).toEqual(before);
    expect(before[0].status).toBe('resolved');
  });

  it('lists newest first with filters, an opaque keyset cursor and folded text search', async () => {
    const e = eventLog();
    const ids = Array.from({ length: 5 }, () => newId());
    await h.apply([
      ...ids.map((id, i) =>
        e('case', id, 'ReportReceived', reportReceived(id, { province: i % 2 === 0 ? 'lang-son' : 'lao-cai' })),
      ),
      e('case', ids[1], 'CaseOpened', { caseId: ids[1], reason: null }),
    ]);
    const first = await listCases(h.sql, index, { limit: 2 });
    expect(first.items.map((i) => i.id)).toEqual([ids[4], ids[3]]);
    expect(first.next).not.toBeNull();
    expect(first.next).not.toContain(String(4));
    const second = await listCases(h.sql, index, { limit: 2, cursor: first.next! });
    expect(second.items.map((i) => i.id)).toEqual([ids[2], ids[1]]);
    const third = await listCases(h.sql, index, { limit: 2, cursor: second.next! });
    expect(third.items.map((i) => i.id)).toEqual([ids[0]]);
    expect(third.next).toBeNull();

    expect((await listCases(h.sql, index, { limit: 10, province: 'lao-cai' })).items.map((i) => i.id)).toEqual([
      ids[3],
      ids[1],
    ]);
    expect((await listCases(h.sql, index, { limit: 10, status: 'open' })).items.map((i) => i.id)).toEqual([ids[1]]);
    expect((await listCases(h.sql, index, { limit: 10, q: 'BANG TUONG' })).items).toHaveLength(5);
    expect((await listCases(h.sql, index, { limit: 10, q: '100%_' })).items).toHaveLength(0);
    expect(first.items[0]).toMatchObject({
      receivedAt: { local: { vn: '2026-03-05T09:00:00+07:00', cn: '2026-03-05T10:00:00+08:00' } },
      counts: { persons: 0, exchanges: 0, verifications: 0, handovers: 0 },
    });
    await expect(listCases(h.sql, index, { limit: 2, cursor: 'not-a-cursor' })).rejects.toThrow(InvalidCursorError);
  });
});
