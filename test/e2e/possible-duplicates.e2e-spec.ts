import { describeEachStore, startTestApp, type Answer, type Caller, type TestApp } from './support/test-app.js';
import { head, newCase, openCase } from './support/journey.js';

/**
 * Possible duplicates (issue 12, item 3): registering a person answers the persons of the same
 * province whose names match, with evidence phrased in the caller's own input only; the form's
 * read endpoint answers the same before anything is written.
 */

// The candidate, registered by hand in Vietnamese with a pinyin variant; none of these strings
// may ever appear in an answer about the candidate.
const candidate = {
  role: 'presumed_victim',
  fullName: 'Nguyễn Thị Hoa',
  nameVariants: [{ script: 'zh-Latn-pinyin', value: 'Ruan Shi Hua' }],
  sex: 'female',
  dateOfBirth: '2001-02-03',
  nationality: 'VN',
  documents: [{ kind: 'cccd', number: '020301012345' }],
};
const secrets = [
  candidate.fullName,
  candidate.fullName.normalize('NFD'),
  'Nguyen Thi Hoa',
  'Ruan Shi Hua',
  candidate.dateOfBirth,
  candidate.documents[0].number,
];

interface Duplicate {
  readonly caseId: string;
  readonly personId: string;
  readonly evidence: readonly string[];
}

function register(officer: Caller, caseId: string, body: object): Promise<Answer> {
  return officer.post(`/cases/${caseId}/persons`, body);
}

function registered(answer: Answer): { id: string; position: string } {
  if (answer.status !== 201) throw new Error(`person not registered: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body as { id: string; position: string };
}

function leakedIn(body: unknown): string[] {
  const text = JSON.stringify(body);
  return secrets.filter((s) => text.includes(s));
}

const query = (names: readonly string[]): string => names.map((n) => `name=${encodeURIComponent(n)}`).join('&');

describeEachStore('possible duplicates at registration', (kind) => {
  let app: TestApp;
  let lsOfficer: Caller;
  let lcOfficer: Caller;
  let national: Caller;
  let lsCase: string;
  let lsPerson: string;
  let lcCase: string;
  let lcPerson: string;
  let last: string;

  beforeAll(async () => {
    app = await startTestApp(kind);
    lsOfficer = await app.as('liaison_officer', { sub: 'hoa.ls', province: 'lang-son' });
    lcOfficer = await app.as('liaison_officer', { sub: 'minh.lc', province: 'lao-cai', unit: 'VN-LC-BLO' });
    national = await app.as('auditor', { sub: 'bo.c02', province: '*', unit: 'VN-BCA-C02' });
    lsCase = await openCase(lsOfficer);
    lsPerson = registered(await register(lsOfficer, lsCase, candidate)).id;
    lcCase = await openCase(lcOfficer, { ...newCase, province: 'lao-cai' });
    const lc = registered(await register(lcOfficer, lcCase, candidate));
    lcPerson = lc.id;
    last = lc.position;
  }, 60_000);
  afterAll(async () => app?.close());

  it('registering 阮氏花 in a Lạng Sơn case finds the Lạng Sơn Nguyễn Thị Hoa, never the Lào Cai one, and names no one', async () => {
    const caseId = await openCase(lsOfficer);
    const answer = await register(lsOfficer, caseId, {
      role: 'presumed_victim',
      fullName: '阮氏花',
      nameVariants: [{ script: 'zh-Latn-pinyin', value: 'Ruǎn Shìhuā' }],
    });
    expect(answer.status).toBe(201);
    const found = (answer.body as { possibleDuplicates: Duplicate[] }).possibleDuplicates;
    // Each of the caller's names that matched is evidence; the one in characters says how it reads.
    expect(found).toContainEqual({
      caseId: lsCase,
      personId: lsPerson,
      evidence: [expect.stringContaining('阮氏花 reads nguyễn thị hoa'), 'Ruǎn Shìhuā matches'],
      matched: [
        { name: '阮氏花', reads: { vietnamese: 'nguyễn thị hoa', pinyin: 'ruǎn shì huā' } },
        { name: 'Ruǎn Shìhuā', reads: null },
      ],
    });
    expect(found.filter((d) => d.personId === lcPerson || d.caseId === lcCase)).toEqual([]);
    expect(found.filter((d) => d.caseId === caseId)).toEqual([]);
    expect(leakedIn(answer.body)).toEqual([]);
  });

  it('answers the form before anything is written, within the province, naming no one', async () => {
    const caseId = await openCase(lsOfficer);
    const before = await head(app);
    const ls = await lsOfficer.get(`/cases/${caseId}/possible-duplicates?${query(['阮氏花'])}&minPosition=${last}`);
    expect(ls.status).toBe(200);
    const items = (ls.body as { items: Duplicate[] }).items;
    expect(items.map((d) => d.personId)).toContain(lsPerson);
    expect(items.map((d) => d.personId)).not.toContain(lcPerson);
    expect(items.find((d) => d.personId === lsPerson)?.evidence).toEqual([
      expect.stringContaining('阮氏花 reads nguyễn thị hoa'),
    ]);
    expect(leakedIn(ls.body)).toEqual([]);
    // A national reader sees the case's province, not every province.
    const all = await national.get(`/cases/${caseId}/possible-duplicates?${query(['Nguyen Thi Hoa'])}`);
    expect(all.status).toBe(200);
    expect((all.body as { items: Duplicate[] }).items.map((d) => d.personId)).not.toContain(lcPerson);
    expect(await head(app)).toBe(before);
  });

  it('the Lào Cai officer finds no Lạng Sơn person, and a Lạng Sơn case is not there for them', async () => {
    const mine = await lcOfficer.get(`/cases/${lcCase}/possible-duplicates?${query(['阮氏花', 'Nguyễn Thị Hoa'])}`);
    expect(mine.status).toBe(200);
    expect((mine.body as { items: Duplicate[] }).items.map((d) => d.personId)).not.toContain(lsPerson);
    const theirs = await lcOfficer.get(`/cases/${lsCase}/possible-duplicates?${query(['阮氏花'])}`);
    expect(theirs.status).toBe(404);
    expect(theirs.body).toMatchObject({ code: 'CASE.NOT_FOUND' });
  });

  it.each([
    ['no name', ''],
    ['a blank name', query(['   '])],
    ['a name too long', query(['a'.repeat(201)])],
    ['too many names', query(Array.from({ length: 22 }, (_, i) => `Hoa ${i}`))],
    ['an unknown field', `${query(['Hoa'])}&province=lao-cai`],
  ])('refuses %s with a 400 problem and writes nothing', async (_label, qs) => {
    const before = await head(app);
    const r = await lsOfficer.get(`/cases/${lsCase}/possible-duplicates?${qs}`);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ code: 'REQUEST.INVALID' });
    expect(await head(app)).toBe(before);
  });
});
