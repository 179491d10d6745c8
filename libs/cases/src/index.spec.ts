import { fold, newId, parseStreamId } from '#shared-kernel';
import { caseDecider, caseStreamId, closeCandidates, caseAcceptsLinks, isCaseClosed, type CaseEvent } from '#cases';

describe('#cases public surface', () => {
  it('names the stream case-<id> so the category parses back', () => {
    const id = newId();
    expect(caseStreamId(id)).toBe(`case-${id}`);
    expect(parseStreamId(caseStreamId(id))).toEqual({ category: 'case', id });
  });

  it('tells the application what to look up before closing and whether links are accepted', () => {
    const caseId = newId();
    const verificationId = newId();
    const handoverId = newId();
    const history: CaseEvent[] = [
      {
        type: 'ReportReceived',
        data: {
          caseId,
          channel: 'self_report',
          province: 'quang-ninh',
          summary: 'Walked into the Mong Cai border post',
          occurredAt: { at: '2026-03-04T03:00:00.000Z', offset: '+07:00', zone: 'Asia/Ho_Chi_Minh' },
          receivingUnit: 'VN-QN-BLO',
        },
      },
      { type: 'VerificationLinked', data: { caseId, verificationId } },
      { type: 'HandoverLinked', data: { caseId, handoverId } },
    ];
    const open = fold(caseDecider, history);
    expect(closeCandidates(open)).toEqual({ verificationIds: [verificationId], handoverIds: [handoverId] });
    expect(caseAcceptsLinks(open)).toBe(true);
    const closed = fold(caseDecider, [
      ...history,
      {
        type: 'CaseClosed',
        data: {
          caseId,
          reason: 'not trafficking',
          closedFrom: 'received',
          override: true,
          openVerificationIds: [verificationId],
          unconfirmedHandoverIds: [handoverId],
        },
      },
    ]);
    expect(isCaseClosed(closed)).toBe(true);
    expect(caseAcceptsLinks(closed)).toBe(false);
    expect(caseAcceptsLinks(caseDecider.initialState)).toBe(false);
  });
});
