import type { Caller, TestApp } from './test-app.js';

/** The global head position: a refused request must leave it where it was. */
export async function head(app: TestApp): Promise<string> {
  // /health shows the position to operators only; anonymously it says up or down.
  const r = await app.raw('/health', { headers: { authorization: `Bearer ${await app.token('admin')}` } });
  return (r.body as { headPosition: string }).headPosition;
}

export const newCase = {
  channel: 'hotline',
  province: 'lang-son',
  summary: 'Tin báo qua đường dây nóng 111: một phụ nữ bị giữ tại Bằng Tường',
  occurredAt: '2026-03-05T09:00:00+07:00',
};

export const presumedVictim = {
  role: 'presumed_victim',
  fullName: 'Nguyễn Thị Hoa',
  nameVariants: [
    { script: 'zh-Hans', value: '阮氏花' },
    { script: 'zh-Latn-pinyin', value: 'Ruan Shi Hua' },
  ],
  sex: 'female',
  dateOfBirth: '2009-05-17',
  nationality: 'VN',
  documents: [{ kind: 'cccd', number: '001309012345' }],
};

export async function openCase(officer: Caller, body: object = newCase): Promise<string> {
  const r = await officer.post('/cases', body);
  if (r.status !== 201) throw new Error(`case not created: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.id as string;
}

export async function registerPerson(officer: Caller, caseId: string, body: object = presumedVictim): Promise<string> {
  const r = await officer.post(`/cases/${caseId}/persons`, body);
  if (r.status !== 201) throw new Error(`person not registered: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.id as string;
}
