import { newId } from '#shared-kernel';
import { COUNTERPARTS, GATES, cn, one, plus, vn, type Action } from './script-kit.js';
import { pick, type Rng } from './vocabulary.js';

/** A verification asked of the counterpart and answered (sometimes late). */
export function verification(rng: Rng, caseId: string, personId: string): Action[] {
  const verificationId = newId();
  const vs = `verification-${verificationId}`;
  const out: Action[] = [
    {
      events: 2,
      build: (now) => [
        {
          streamId: vs,
          type: 'VerificationRequested',
          data: {
            verificationId,
            caseId,
            personId,
            direction: 'outgoing',
            counterpart: pick(rng, COUNTERPARTS),
            subject: pick(rng, ['identity', 'nationality', 'residence', 'victim_status'] as const),
            questions: 'Đề nghị xác minh nơi cư trú và nhân thân.',
            legalBasis: null,
            dueAt: plus(vn(now), 15),
            occurredAt: vn(now, 15),
          },
        },
        { streamId: `case-${caseId}`, type: 'VerificationLinked', data: { caseId, verificationId } },
      ],
    },
  ];
  const answered = pick(rng, [
    'VerificationAnsweredConfirmed',
    'VerificationAnsweredConfirmed',
    'VerificationAnsweredNotConfirmed',
    'VerificationAnsweredInconclusive',
  ]);
  out.push(
    one(vs, answered, (now) => ({
      verificationId,
      caseId,
      details: 'Đã có kết quả.',
      occurredAt: cn(now),
      late: rng() < 0.2,
    })),
  );
  return out;
}

/** A handover: proposed, scheduled, conducted with the persons received, minutes, onward transfers, closed. */
export function handover(rng: Rng, caseId: string, persons: readonly { id: string }[]): Action[] {
  const handoverId = newId();
  const hs = `handover-${handoverId}`;
  const gate = pick(rng, GATES);
  return [
    {
      events: 2,
      build: (now) => [
        {
          streamId: hs,
          type: 'HandoverProposed',
          data: {
            handoverId,
            caseId,
            gate,
            counterpart: pick(rng, COUNTERPARTS),
            proposedBy: 'cn',
            personIds: persons.map((p) => p.id),
            occurredAt: cn(now, 60),
          },
        },
        { streamId: `case-${caseId}`, type: 'HandoverLinked', data: { caseId, handoverId } },
      ],
    },
    one(hs, 'HandoverScheduled', (now) => ({ handoverId, gate, scheduledAt: plus(vn(now), 2) })),
    {
      events: 2 + persons.length,
      build: (now) => [
        {
          streamId: hs,
          type: 'HandoverConducted',
          data: {
            handoverId,
            gate,
            occurredAt: vn(now, 90),
            vnOfficers: ['bg.officer.1'],
            cnOfficers: ['cn.officer.1'],
          },
        },
        ...persons.map((p) => ({
          streamId: hs,
          type: 'PersonReceived',
          data: { handoverId, personId: p.id, statementRef: `BB-${handoverId.slice(0, 8)}`, occurredAt: vn(now, 80) },
        })),
        {
          streamId: hs,
          type: 'MinutesSigned',
          data: {
            handoverId,
            number: `BB-${handoverId.slice(0, 8)}`,
            occurredAt: vn(now, 70),
            languages: ['vi', 'zh'],
          },
        },
      ],
    },
    ...persons.map((p) =>
      one(hs, 'OnwardTransferRecorded', (now) => ({
        handoverId,
        personId: p.id,
        toUnit: 'VN-SOCIAL-PROTECTION',
        toKind: rng() < 0.7 ? 'social_protection' : 'family',
        occurredAt: vn(now, 30),
      })),
    ),
    one(hs, 'HandoverClosed', () => ({ handoverId })),
  ];
}
