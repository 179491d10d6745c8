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

describe('counterpart message contract v1', () => {
  it('accepts a valid message and keeps Vietnamese and Chinese text unchanged', () => {
    const parsed = parseCounterpartMessage(bytes(valid));
    expect(parsed.ok && parsed.message).toEqual(valid);
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
  ])('refuses %s with a reason and no value from the payload', (_what, value, reason, field) => {
    const parsed = parseCounterpartMessage(value);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.rejection).toEqual(field === undefined ? { reason } : { reason, field });
    expect(JSON.stringify(parsed.rejection)).not.toMatch(/Nguyễn|核查/);
  });
});
