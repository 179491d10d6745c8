import { KeyStore, MasterKey, PersonalDataCipher } from '#security';
import { newId } from '#shared-kernel';
import { listCases } from '../case-list/case-list.queries.js';
import { CaseListProjection } from '../case-list/case-list.projection.js';
import { createGeneration, namerFor } from '../runner/projection-registry.js';
import { eventLog, projectionHarness, type Harness } from '../spec-support/projection-harness.js';
import { BlindIndex } from './blind-index.js';
import { CaseNameIndexProjection } from './case-name-index.projection.js';

const hoa = {
  fullName: 'Nguyễn Thị Hoa',
  nameVariants: [
    { script: 'zh-Hans', value: '阮氏花' },
    { script: 'zh-Latn-pinyin', value: 'Ruǎn Shì Huā' },
  ],
  sex: 'female',
  dateOfBirth: '2009-05-17',
  nationality: 'VN',
  documents: [],
};

describe('case name index projection (blind index over names in any script)', () => {
  let h: Harness;
  let keys: KeyStore;
  let cipher: PersonalDataCipher;
  let index: BlindIndex;
  const e = eventLog();
  const caseList = new CaseListProjection();
  let listTable: (logical: string) => string;

  beforeAll(async () => {
    h = await projectionHarness(async (sql) => {
      keys = new KeyStore(sql, MasterKey.fromBase64(Buffer.alloc(32, 3).toString('base64')), { cacheSize: 0 });
      await keys.migrate();
      cipher = new PersonalDataCipher(keys);
      index = await BlindIndex.open(keys);
      listTable = namerFor(await createGeneration(sql, caseList, true));
      return new CaseNameIndexProjection(cipher, index);
    });
  }, 60_000);
  afterAll(async () => h.close());

  async function registered(caseId: string, personal: object = hoa) {
    const personId = newId();
    const sealed = await cipher.encrypt(personId, personal);
    const report = e('case', caseId, 'ReportReceived', {
      caseId,
      channel: 'rescue',
      province: 'lao-cai',
      summary: 'Giải cứu tại Hà Khẩu',
      occurredAt: { at: '2026-03-05T02:00:00.000Z', offset: '+07:00', zone: 'Asia/Ho_Chi_Minh' },
      receivingUnit: 'VN-LC-BLO',
    });
    await h.sql.transaction((tx) => caseList.applyBatch(tx, [report], listTable));
    const event = e(
      'person',
      personId,
      'PersonRegistered',
      {
        personId,
        caseId,
        role: 'presumed_victim',
        ageBand: 'under_18',
        personal: sealed,
        identification: 'presumed',
      },
      { caseId },
    );
    return { personId, event };
  }

  const found = async (q: string) => (await listCases(h.sql, index, { q, limit: 50 })).items.map((i) => i.id);

  it('finds the case by the name in Vietnamese (with or without diacritics), Chinese and pinyin', async () => {
    const caseId = newId();
    const other = newId();
    const { event } = await registered(caseId);
    const { event: otherEvent } = await registered(other, { ...hoa, fullName: 'Trần Văn Nam', nameVariants: [] });
    await h.apply([event, otherEvent]);
    for (const q of ['Nguyễn Thị Hoa', 'nguyen hoa', 'NGUYEN', '阮氏花', '氏花', '阮', 'Ruan Shi Hua', 'ruanshihua']) {
      expect({ q, found: await found(q) }).toEqual({ q, found: [caseId] });
    }
    expect(await found('Trần Nam')).toEqual([other]);
    expect(await found('Hoa Nam')).toEqual([]);
    expect(await found('花氏')).toEqual([]);
  });

  it('finds a name across scripts that nobody typed as a variant', async () => {
    const inCharacters = newId();
    const inVietnamese = newId();
    const { event } = await registered(inCharacters, { ...hoa, fullName: '陳氏明', nameVariants: [] });
    const { event: other } = await registered(inVietnamese, { ...hoa, fullName: 'Đặng Thị Lụa', nameVariants: [] });
    await h.apply([event, other]);
    for (const q of ['Trần Thị Minh', 'tran minh', 'chen shi ming', 'chenshiming', '陈氏明']) {
      expect({ q, found: await found(q) }).toEqual({ q, found: [inCharacters] });
    }
    for (const q of ['deng shi', '鄧氏', 'dang thi lua']) {
      expect({ q, found: await found(q) }).toEqual({ q, found: [inVietnamese] });
    }
    expect(await found('明氏陳')).toEqual([]);
  });

  it('keeps no name in plaintext, and a replayed event changes nothing', async () => {
    const { event } = await registered(newId());
    await h.apply([event]);
    const before = await h.rows('case_name_tokens', 'entry, person_id');
    await h.apply([event]);
    expect(await h.rows('case_name_tokens', 'entry, person_id')).toEqual(before);
    const dump = JSON.stringify(before);
    for (const fragment of ['nguyen', 'Nguy', 'hoa', '阮', '花', 'ruan', 'shi', 'thi'])
      expect(dump).not.toContain(fragment);
  });

  it('replaces the entries when the personal data is corrected', async () => {
    const caseId = newId();
    const { personId, event } = await registered(caseId);
    const corrected = e(
      'person',
      personId,
      'PersonalDataCorrected',
      {
        personId,
        caseId,
        personal: await cipher.encrypt(personId, { ...hoa, fullName: 'Lê Thị Mai', nameVariants: [] }),
      },
      { caseId },
    );
    await h.apply([event, corrected]);
    expect(await found('Lê Thị Mai')).toEqual([caseId]);
    expect(await found('阮氏花')).not.toContain(caseId);
    await h.apply([event]); // an old event replayed after the correction
    expect(await found('阮氏花')).not.toContain(caseId);
  });

  it('hides a person erased since indexing, and indexes nothing for one erased before', async () => {
    const caseId = newId();
    const { personId, event } = await registered(caseId, { ...hoa, fullName: 'Phạm Thị Lan', nameVariants: [] });
    await h.apply([event]);
    expect(await found('Phạm Lan')).toEqual([caseId]);
    await keys.shred(personId);
    expect(await found('Phạm Lan')).toEqual([]);

    const later = newId();
    const { personId: erased, event: erasedEvent } = await registered(later, {
      ...hoa,
      fullName: 'Võ Thị Hằng',
      nameVariants: [],
    });
    await keys.shred(erased);
    await h.apply([erasedEvent]);
    const rows = await h.sql.query(`SELECT count(*)::int AS n FROM rm_case_name_tokens WHERE person_id = $1`, [erased]);
    expect(rows.rows[0]).toEqual({ n: 0 });
  });
});
