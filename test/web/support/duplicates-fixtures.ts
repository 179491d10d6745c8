import type { Caller } from '../../e2e/support/test-app.js';

/** What the two possible-duplicates journeys start from. */
export interface NamesakeCases {
  /** The case that already holds Trần Thị Minh: the candidate both screens must link to. */
  readonly earlier: string;
  /** The case the officer works on, where a name written in characters is met. */
  readonly caseId: string;
  /** The position of her registration, for a read that must already see her. */
  readonly position: string;
}

const openCase = async (api: Caller, summary: string): Promise<string> => {
  const r = await api.post('/cases', {
    channel: 'hotline',
    province: 'lang-son',
    summary,
    occurredAt: '2026-03-05T09:00:00+07:00',
  });
  if (r.status !== 201) throw new Error(`case: ${r.status} ${JSON.stringify(r.body)}`);
  return (r.body as { id: string }).id;
};

/**
 * Through the api, as a Lạng Sơn officer: a case holding Trần Thị Minh, then a second case of the
 * same province where her name turns up in characters (陳氏明), typed by the officer or written in
 * a counterpart's letter. Shared by the registration and the incoming-letter journeys (issue 12).
 */
export async function seedNamesakeCases(api: Caller): Promise<NamesakeCases> {
  const earlier = await openCase(api, 'Tin báo: một phụ nữ bị giữ tại Bằng Tường');
  const person = await api.post(`/cases/${earlier}/persons`, { role: 'presumed_victim', fullName: 'Trần Thị Minh' });
  if (person.status !== 201) throw new Error(`person: ${person.status} ${JSON.stringify(person.body)}`);
  const caseId = await openCase(api, 'Công hàm phía bạn nêu tên một phụ nữ được giải cứu');
  return { earlier, caseId, position: (person.body as { position: string }).position };
}
