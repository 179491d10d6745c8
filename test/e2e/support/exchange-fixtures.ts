import type { Caller } from './test-app.js';

/** Text in both languages of the border, with diacritics and CJK, that must round-trip unchanged. */
export const VI_SUBJECT = 'Đề nghị xác minh nhân thân nạn nhân — Nguyễn Thị Hoa';
export const ZH_BODY = '请核查阮氏花（女，2009年生）的身份，她于2026年3月在凭祥被解救。\n谢谢合作。';

export const firstMessage = {
  direction: 'outgoing',
  subject: VI_SUBJECT,
  body: ZH_BODY,
  language: 'zh',
  handlingCode: 'H1',
  occurredAt: '2026-03-05T09:00:00+07:00',
  responseDueAt: '2099-03-12T09:00:00+07:00',
  ourReference: '123/BLO-LS',
  attachments: [{ name: 'ảnh-hộ-chiếu.jpg', sha256: 'AB'.repeat(32) }],
  evaluation: { source: 'B', information: 2 },
  carriesPersonalData: true,
  personalData: { legalBasis: 'Luật Phòng, chống mua bán người 2024, Điều 50', consent: 'legal_representative' },
};

export const newExchange = (caseIds: readonly string[], overrides: object = {}): object => ({
  caseIds,
  counterpart: 'CN-GX-PSD',
  channel: 'liaison_officer',
  ...firstMessage,
  ...overrides,
});

/** An incoming reply to `inReplyTo`, received in China time. */
export const replyTo = (inReplyTo: string, overrides: object = {}): object => ({
  direction: 'incoming',
  subject: '关于核查身份的回复',
  body: 'Đã xác minh: người này cư trú tại Lạng Sơn. 已核实。',
  language: 'zh',
  handlingCode: 'H1',
  occurredAt: '2026-03-06T10:00:00+08:00',
  theirReference: '桂公(2026)45号',
  inReplyTo,
  ...overrides,
});

export async function openExchange(
  officer: Caller,
  caseIds: readonly string[],
  overrides: object = {},
): Promise<{ id: string; messageId: string }> {
  const r = await officer.post('/exchanges', newExchange(caseIds, overrides));
  if (r.status !== 201) throw new Error(`exchange not opened: ${r.status} ${JSON.stringify(r.body)}`);
  return { id: r.body.id as string, messageId: r.body.messageId as string };
}

export const newVerification = (caseId: string, overrides: object = {}): object => ({
  caseId,
  direction: 'outgoing',
  counterpart: 'CN-YN-PSD',
  subject: 'nationality',
  questions: 'Đề nghị xác minh quốc tịch và nơi cư trú / 请核查国籍和住所',
  dueAt: '2099-03-12T17:00:00+07:00',
  occurredAt: '2026-03-05T09:00:00+07:00',
  ...overrides,
});

export async function requestVerification(officer: Caller, caseId: string, overrides: object = {}): Promise<string> {
  const r = await officer.post('/verification-requests', newVerification(caseId, overrides));
  if (r.status !== 201) throw new Error(`verification not requested: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.id as string;
}
