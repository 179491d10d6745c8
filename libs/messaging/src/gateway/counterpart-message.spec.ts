import { canonicalJson, parseCounterpartMessage } from './counterpart-message.js';

const valid = {
  messageId: 'GX-2026-000123',
  counterpart: 'CN-GX-PSD',
  language: 'zh',
  subject: '关于核查身份的答复',
  body: 'Nguyễn Thị Hoa 的身份已核实。',
  sentAt: '2026-03-05T10:00:00+08:00',
  caseIds: ['0196a7a4-7b1c-7cc0-8a3e-5d2f4b6c8d9e'],
};
const bytes = (o: unknown): Buffer => Buffer.from(JSON.stringify(o), 'utf8');
const manyNames = (n: number): string[] => Array.from({ length: n }, (_, i) => `Hoa ${String.fromCharCode(65 + i)}`);

describe('counterpart message contract v1', () => {
  it('accepts a valid message and keeps Vietnamese and Chinese text unchanged', () => {
    const parsed = parseCounterpartMessage(bytes(valid));
    expect(parsed.ok && parsed.message).toEqual(valid);
  });

  it('v1.1: keeps the persons a message names, each by every name given, a name written twice once', () => {
    const persons = [{ names: ['阮氏花', 'Nguyễn Thị Hoa', 'Nguye\u0302\u0303n Thị Hoa'] }, { names: manyNames(21) }];
    const parsed = parseCounterpartMessage(bytes({ ...valid, persons }));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    // The decomposed spelling of Nguyễn is the same name as the composed one.
    expect(parsed.message.persons).toEqual([{ names: ['阮氏花', 'Nguyễn Thị Hoa'] }, { names: manyNames(21) }]);
    // The names are part of the content that guards the deduplication key.
    const without = parseCounterpartMessage(bytes(valid));
    expect(without.ok && without.requestHash !== parsed.requestHash).toBe(true);
  });

  it('hashes the content, not the sender’s key order', () => {
    const reordered = Object.fromEntries(Object.entries(valid).reverse());
    const a = parseCounterpartMessage(bytes(valid));
    const b = parseCounterpartMessage(bytes(reordered));
    const c = parseCounterpartMessage(bytes({ ...valid, body: 'khác' }));
    expect(a.ok && b.ok && a.requestHash === b.requestHash).toBe(true);
    expect(a.ok && c.ok && a.requestHash !== c.requestHash).toBe(true);
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
  });

  it.each([
    ['invalid UTF-8', Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), 'invalid_utf8', undefined],
    ['not JSON', Buffer.from('{"messageId": '), 'invalid_json', undefined],
    ['empty', Buffer.alloc(0), 'empty', undefined],
    ['an array', bytes([valid]), 'not_an_object', undefined],
    ['an unknown field', bytes({ ...valid, victimName: 'x' }), 'unknown_field', 'victimName'],
    ['no message id', bytes({ ...valid, messageId: undefined }), 'missing_field', 'messageId'],
    ['a number as subject', bytes({ ...valid, subject: 5 }), 'wrong_type', 'subject'],
    ['a blank body', bytes({ ...valid, body: '  ' }), 'invalid_text', 'body'],
    ['control characters', bytes({ ...valid, subject: 'a\u0007b' }), 'invalid_text', 'subject'],
    ['an unknown language', bytes({ ...valid, language: 'fr' }), 'invalid_value', 'language'],
    ['a time without offset', bytes({ ...valid, sentAt: '2026-03-05T10:00:00' }), 'invalid_time', 'sentAt'],
    ['a lower-case counterpart', bytes({ ...valid, counterpart: 'cn-gx' }), 'invalid_value', 'counterpart'],
    ['case ids that are not UUIDs', bytes({ ...valid, caseIds: ['12'] }), 'invalid_value', 'caseIds'],
    ['neither thread nor cases', bytes({ ...valid, caseIds: undefined }), 'no_thread', 'exchangeId'],
    [
      'both thread and cases',
      bytes({ ...valid, exchangeId: '0196a7a4-7b1c-7cc0-8a3e-5d2f4b6c8d9f' }),
      'both_thread_and_cases',
      'caseIds',
    ],
    [
      'a bad attachment hash',
      bytes({ ...valid, attachments: [{ name: 'a.pdf', sha256: 'x' }] }),
      'invalid_value',
      'attachments',
    ],
    ['an unknown handling code', bytes({ ...valid, handlingCode: 'H9' }), 'invalid_value', 'handlingCode'],
    ['persons that are not a list', bytes({ ...valid, persons: { names: ['阮氏花'] } }), 'wrong_type', 'persons'],
    ['an empty list of persons', bytes({ ...valid, persons: [] }), 'invalid_value', 'persons'],
    ['a person without names', bytes({ ...valid, persons: [{}] }), 'missing_field', 'persons'],
    ['a person with no name', bytes({ ...valid, persons: [{ names: [] }] }), 'invalid_value', 'persons'],
    ['a blank name', bytes({ ...valid, persons: [{ names: ['Nguyễn Thị Hoa', ' '] }] }), 'invalid_text', 'persons'],
    ['a name as a number', bytes({ ...valid, persons: [{ names: [7] }] }), 'wrong_type', 'persons'],
    [
      'a name with control characters',
      bytes({ ...valid, persons: [{ names: ['阮\u0000花'] }] }),
      'invalid_text',
      'persons',
    ],
    [
      'a name over 200 characters',
      bytes({ ...valid, persons: [{ names: ['Hoa'.repeat(67)] }] }),
      'too_long',
      'persons',
    ],
    ['22 names of one person', bytes({ ...valid, persons: [{ names: manyNames(22) }] }), 'too_long', 'persons'],
    [
      '21 persons',
      bytes({ ...valid, persons: Array.from({ length: 21 }, () => ({ names: ['Hoa'] })) }),
      'too_long',
      'persons',
    ],
    [
      'another field beside the names',
      bytes({ ...valid, persons: [{ names: ['阮氏花'], born: '2009' }] }),
      'unknown_field',
      'persons',
    ],
  ])('refuses %s with a reason and no value from the payload', (_what, value, reason, field) => {
    const parsed = parseCounterpartMessage(value);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.rejection).toEqual(field === undefined ? { reason } : { reason, field });
    expect(JSON.stringify(parsed.rejection)).not.toMatch(/Nguyễn|核查|阮|Hoa/);
  });
});
