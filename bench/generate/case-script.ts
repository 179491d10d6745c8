import { BORDER_PROVINCES, newId } from '#shared-kernel';
import { handover, verification } from './record-scripts.js';
import { COUNTERPARTS, cn, one, plus, vn, type Action, type Seal } from './script-kit.js';
import { FAMILY, GIVEN, MIDDLE, pick, type Rng } from './vocabulary.js';

export type { Action, ScriptEvent, Seal } from './script-kit.js';

export interface CaseShape {
  readonly persons: number;
  readonly exchanges: number;
  readonly messagePairs: (exchangeIndex: number) => number;
  readonly verifications: number;
  readonly handover: boolean;
}

const SUBJECT_OUT = 'Đề nghị xác minh nhân thân — 请求核实身份 — request to verify identity';
const BODY_OUT =
  'Phòng Phối hợp biên giới đề nghị phía bạn xác minh thông tin về một trường hợp nghi là nạn nhân mua bán ' +
  'người được phát hiện tại khu vực cửa khẩu; đề nghị phản hồi trong vòng 72 giờ.';
const SUBJECT_IN = '关于核查身份的答复 — trả lời đề nghị xác minh';
const BODY_IN =
  '经核查，该人员户籍信息如下，请贵方核对。我方将继续配合后续移交工作。 Please confirm receipt of this reply.';

/**
 * The life of one case as the service would record it: the report, classification and opening;
 * persons registered (sealed) and identified; exchanges with threads of outgoing messages that
 * are acknowledged and answered; verifications asked and answered; a handover with its
 * confirmation and onward transfers; reads of personal data that the audit trail records; and
 * finally resolution and (often) closure. Threads are interleaved the way parallel work is.
 */
export function caseScript(rng: Rng, shape: CaseShape, seal: Seal): { caseId: string; actions: Action[] } {
  const caseId = newId();
  const cs = `case-${caseId}`;
  const province = pick(rng, BORDER_PROVINCES);
  const persons = Array.from({ length: shape.persons }, (_, i) => ({
    id: newId(),
    role: i === 0 ? 'presumed_victim' : pick(rng, ['presumed_victim', 'accompanying_minor', 'relative'] as const),
  }));
  const setup: Action[] = [
    one(cs, 'ReportReceived', (now) => ({
      caseId,
      channel: pick(rng, ['hotline', 'self_report', 'rescue', 'counterpart_notification', 'counterpart_handover']),
      province,
      summary: 'Nhận tin báo nghi vấn mua bán người qua biên giới; cần xác minh và phối hợp với phía bạn.',
      occurredAt: vn(now, 120),
      receivingUnit: `VN-${province.toUpperCase()}-BLO`,
    })),
    one(cs, 'CaseClassified', () => ({
      caseId,
      classification: rng() < 0.8 ? 'trafficking_suspected' : 'insufficient_information',
      previousClassification: null,
      note: null,
    })),
    one(cs, 'CaseOpened', () => ({ caseId, reason: null })),
    ...persons.map((p) => registerPerson(rng, caseId, p, seal)),
  ];
  const threads: Action[][] = [
    ...persons.map((p) => identification(rng, caseId, p.id)),
    ...Array.from({ length: shape.exchanges }, (_, i) => exchangeThread(rng, caseId, shape.messagePairs(i))),
    ...Array.from({ length: shape.verifications }, () => verification(rng, caseId, persons[0].id)),
  ];
  const closing: Action[] = [
    ...(shape.handover ? handover(rng, caseId, persons) : []),
    one(cs, 'CaseResolved', () => ({ caseId, resolution: 'Đã xác minh và bàn giao theo quy định.' })),
  ];
  if (rng() < 0.6)
    closing.push(
      one(cs, 'CaseClosed', () => ({
        caseId,
        reason: 'Hoàn tất hồ sơ.',
        closedFrom: 'resolved',
        override: false,
        openVerificationIds: [],
        unconfirmedHandoverIds: [],
      })),
    );
  return { caseId, actions: [...setup, ...interleave(rng, threads), ...closing] };
}

/** Merges threads at random while keeping each thread's own order. */
function interleave(rng: Rng, threads: Action[][]): Action[] {
  const queues = threads.filter((t) => t.length > 0).map((t) => [...t]);
  const out: Action[] = [];
  while (queues.length > 0) {
    const i = Math.floor(rng() * queues.length);
    out.push(queues[i].shift() as Action);
    if (queues[i].length === 0) queues.splice(i, 1);
  }
  return out;
}

function registerPerson(rng: Rng, caseId: string, p: { id: string; role: string }, seal: Seal): Action {
  const family = pick(rng, FAMILY);
  const fullName = `${family} ${pick(rng, MIDDLE)} ${pick(rng, GIVEN)}`;
  const minor = p.role === 'accompanying_minor' || rng() < 0.2;
  const year = minor ? 2010 + Math.floor(rng() * 10) : 1975 + Math.floor(rng() * 30);
  const personal = {
    fullName,
    nameVariants: [{ script: 'vi-Latn', value: fullName }],
    sex: rng() < 0.8 ? 'female' : 'male',
    dateOfBirth: `${year}-0${1 + Math.floor(rng() * 9)}-1${Math.floor(rng() * 10)}`,
    nationality: 'VN',
    documents: rng() < 0.5 ? [{ kind: 'cccd', number: String(Math.floor(rng() * 1e12)).padStart(12, '0') }] : [],
  };
  return {
    events: 2,
    build: async () => [
      {
        streamId: `person-${p.id}`,
        type: 'PersonRegistered',
        data: {
          personId: p.id,
          caseId,
          role: p.role,
          ageBand: minor ? 'under_18' : 'adult',
          personal: await seal(p.id, personal),
          identification: p.role === 'presumed_victim' ? 'presumed' : 'accompanying',
        },
      },
      { streamId: `case-${caseId}`, type: 'PersonLinked', data: { caseId, personId: p.id, role: p.role } },
    ],
  };
}

function identification(rng: Rng, caseId: string, personId: string): Action[] {
  const ps = `person-${personId}`;
  const read = one(`audit-${personId}`, 'PersonalDataRead', (now) => ({
    subjectKind: 'person',
    subjectId: personId,
    caseId,
    purpose: 'xác minh nhân thân',
    via: 'GET /persons/{id}',
    occurredAt: vn(now),
  }));
  return [
    one(ps, 'IdentificationBegun', () => ({ personId, caseId, basis: 'Điều 24 Nghị định 162/2024' })),
    read,
    rng() < 0.85
      ? one(ps, 'VictimIdentified', () => ({
          personId,
          caseId,
          evidenceBases: ['statement', 'counterpart_confirmation'],
          documentRef: null,
        }))
      : one(ps, 'IdentificationNotConfirmed', () => ({ personId, caseId, reason: 'Không đủ căn cứ.' })),
    read,
  ];
}

function exchangeThread(rng: Rng, caseId: string, pairs: number): Action[] {
  const exchangeId = newId();
  const xs = `exchange-${exchangeId}`;
  const out: Action[] = [
    {
      events: 2,
      build: (now) => [
        {
          streamId: xs,
          type: 'ExchangeOpened',
          data: {
            exchangeId,
            caseIds: [caseId],
            counterpart: pick(rng, COUNTERPARTS),
            channel: pick(rng, ['official_letter', 'secure_email', 'liaison_officer', 'phone'] as const),
            occurredAt: vn(now, 10),
          },
        },
        { streamId: `case-${caseId}`, type: 'ExchangeLinked', data: { caseId, exchangeId } },
      ],
    },
  ];
  for (let k = 0; k < pairs; k++) {
    const messageId = newId();
    const replyId = newId();
    const message = (now: Date, incoming: boolean) => ({
      exchangeId,
      messageId: incoming ? replyId : messageId,
      direction: incoming ? 'incoming' : 'outgoing',
      subject: incoming ? SUBJECT_IN : SUBJECT_OUT,
      body: incoming ? BODY_IN : BODY_OUT,
      language: incoming ? 'zh' : 'vi',
      handlingCode: 'H1',
      evaluation: incoming ? { source: 'B', information: 2 } : undefined,
      ourReference: incoming ? undefined : `BLO-${k + 1}`,
      attachments: [],
      occurredAt: incoming ? cn(now, 5) : vn(now, 5),
      responseDueAt: incoming ? undefined : plus(vn(now), 3),
      draft: false,
      carriesPersonalData: false,
      inReplyTo: incoming ? messageId : undefined,
    });
    out.push(one(xs, 'MessageLogged', (now) => message(now, false)));
    out.push(one(xs, 'MessageAcknowledged', (now) => ({ exchangeId, messageId, occurredAt: cn(now, 30) })));
    if (rng() < 0.9)
      out.push({
        events: 2,
        build: (now) => [
          { streamId: xs, type: 'MessageLogged', data: message(now, true) },
          {
            streamId: xs,
            type: 'MessageAnswered',
            data: { exchangeId, messageId, replyMessageId: replyId, occurredAt: cn(now, 5) },
          },
        ],
      });
  }
  return out;
}
