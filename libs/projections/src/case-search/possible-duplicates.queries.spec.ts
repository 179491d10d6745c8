import { KeyStore, MasterKey, PersonalDataCipher } from '#security';
import { newId } from '#shared-kernel';
import { CaseListProjection } from '../case-list/case-list.projection.js';
import { createGeneration, namerFor } from '../runner/projection-registry.js';
import { eventLog, projectionHarness, type Harness } from '../spec-support/projection-harness.js';
import { BlindIndex } from './blind-index.js';
import { CaseNameIndexProjection } from './case-name-index.projection.js';
import { possibleDuplicates } from './possible-duplicates.queries.js';

const person = { sex: 'female', dateOfBirth: '2009-05-17', nationality: 'VN', documents: [], nameVariants: [] };

describe('possible duplicates (names matched across scripts, within the caller’s provinces)', () => {
  let h: Harness;
  let keys: KeyStore;
  let cipher: PersonalDataCipher;
  let index: BlindIndex;
  const e = eventLog();
  const caseList = new CaseListProjection();
  let listTable: (logical: string) => string;

  beforeAll(async () => {
    h = await projectionHarness(async (sql) => {
      keys = new KeyStore(sql, MasterKey.fromBase64(Buffer.alloc(32, 4).toString('base64')), { cacheSize: 0 });
      await keys.migrate();
      cipher = new PersonalDataCipher(keys);
      index = await BlindIndex.open(keys);
      listTable = namerFor(await createGeneration(sql, caseList, true));
      return new CaseNameIndexProjection(cipher, index);
    });
  }, 60_000);
  afterAll(async () => h.close());

  /** A case in `province` with one person named `fullName`; returns both ids. */
  async function recorded(province: string, fullName: string): Promise<{ caseId: string; personId: string }> {
    const caseId = newId();
    const personId = newId();
    const report = e('case', caseId, 'ReportReceived', {
      caseId,
      channel: 'rescue',
      province,
      summary: 'Giải cứu',
      occurredAt: { at: '2026-03-05T02:00:00.000Z', offset: '+07:00', zone: 'Asia/Ho_Chi_Minh' },
      receivingUnit: 'VN-LC-BLO',
    });
    await h.sql.transaction((tx) => caseList.applyBatch(tx, [report], listTable));
    const personal = await cipher.encrypt(personId, { ...person, fullName });
    const registered = e(
      'person',
      personId,
      'PersonRegistered',
      { personId, caseId, role: 'presumed_victim', ageBand: 'under_18', personal, identification: 'presumed' },
      { caseId },
    );
    await h.apply([registered]);
    return { caseId, personId };
  }

  it('finds a person recorded in Vietnamese from names in characters and pinyin, with how they read', async () => {
    const hoa = await recorded('lao-cai', 'Nguyễn Thị Hoa');
    await recorded('lao-cai', 'Nguyễn Thị Lan');
    const found = await possibleDuplicates(h.sql, index, {
      names: ['阮氏花', 'Ruan Shihua'],
      provinces: ['lao-cai'],
      limit: 20,
    });
    expect(found).toEqual([
      {
        caseId: hoa.caseId,
        personId: hoa.personId,
        evidence: ['阮氏花 reads nguyễn thị hoa, pinyin ruǎn shì huā', 'Ruan Shihua matches'],
        matched: [
          { name: '阮氏花', reads: { vietnamese: 'nguyễn thị hoa', pinyin: 'ruǎn shì huā' } },
          { name: 'Ruan Shihua', reads: null },
        ],
      },
    ]);
  });

  it('never suggests a person of a province the caller may not see, nor of the case itself', async () => {
    const mine = await recorded('ha-giang', '陳氏明');
    const elsewhere = await recorded('quang-ninh', 'Trần Thị Minh');
    const asked = { names: ['Trần Thị Minh'], limit: 20 };
    const ids = async (provinces: string[], exceptCaseId?: string) =>
      (await possibleDuplicates(h.sql, index, { ...asked, provinces, exceptCaseId })).map((d) => d.personId);
    expect(await ids(['ha-giang'])).toEqual([mine.personId]);
    expect(await ids(['ha-giang', 'quang-ninh'])).toEqual(expect.arrayContaining([mine.personId, elsewhere.personId]));
    expect(await ids(['lao-cai'])).toEqual([]);
    expect(await ids([])).toEqual([]);
    expect(await ids(['ha-giang'], mine.caseId)).toEqual([]);
  });

  it('says nothing of the candidate but the ids: the evidence is the caller’s own names', async () => {
    await recorded('cao-bang', 'Hoàng Thị Lụa');
    const found = await possibleDuplicates(h.sql, index, {
      names: ['huang shi lua'],
      provinces: ['cao-bang'],
      limit: 5,
    });
    expect(found).toHaveLength(1);
    expect(JSON.stringify(found)).not.toMatch(/Hoàng|Lụa/);
  });
});
