import { deciderSpec } from '#testing';
import type { CaseCommand } from './case.commands.js';
import { caseDecider } from './case.decider.js';
import { CaseErrors } from './case.errors.js';
import type { CaseEvent, ReportReceived } from './case.events.js';
import { caseClosed, caseOpened, caseResolved, eachNewHotlineCase, officer, vnTime } from './case.spec-fixtures.js';

const spec = deciderSpec(caseDecider);

/** Receiving, classifying, opening and resolving; closing and reopening: case.close.decide.spec.ts. */
describe('Case decider', () => {
  let caseId: string;
  let received: ReportReceived;
  eachNewHotlineCase((id, report) => ([caseId, received] = [id, report]));

  describe('ReceiveReport', () => {
    const receive = (data: Partial<ReportReceived['data']> = {}): CaseCommand => ({
      type: 'ReceiveReport',
      data: { ...received.data, ...data },
      meta: officer(),
    });

    it('records a received signal, not an opened case', () => {
      const state = spec.given([]).when(receive()).then([received]);
      expect(state.status).toBe('received');
    });

    it('refuses a second report on the same case id', () => {
      spec.given([received]).when(receive()).thenRefuses(CaseErrors.ALREADY_EXISTS);
    });

    it.each([
      [{ channel: 'fax' as never }, CaseErrors.INVALID_CHANNEL],
      [{ province: 'ha-noi' as never }, CaseErrors.INVALID_PROVINCE],
      [{ summary: '   ' }, CaseErrors.SUMMARY_REQUIRED],
      [{ receivingUnit: '' }, CaseErrors.RECEIVING_UNIT_REQUIRED],
      [{ occurredAt: vnTime('yesterday') }, CaseErrors.INVALID_INSTANT],
    ])('refuses inconsistent data %j', (data, code) => {
      spec.given([]).when(receive(data)).thenRefuses(code);
    });
  });

  describe('ClassifyCase', () => {
    const classify = (classification: string, note?: string): CaseCommand => ({
      type: 'ClassifyCase',
      data: { classification: classification as never, ...(note === undefined ? {} : { note }) },
      meta: officer(),
    });

    it('classifies a received signal', () => {
      const state = spec
        .given([received])
        .when(classify('trafficking_suspected', 'victim account consistent'))
        .then([
          {
            type: 'CaseClassified',
            data: {
              caseId,
              classification: 'trafficking_suspected',
              previousClassification: null,
              note: 'victim account consistent',
            },
          },
        ]);
      expect(state.status === 'received' && state.classification).toBe('trafficking_suspected');
    });

    it('reclassifies an open case and remembers the previous classification', () => {
      const first: CaseEvent = {
        type: 'CaseClassified',
        data: { caseId, classification: 'insufficient_information', previousClassification: null, note: null },
      };
      spec
        .given([received, first, caseOpened(caseId)])
        .when(classify('trafficking_suspected'))
        .then([
          {
            type: 'CaseClassified',
            data: {
              caseId,
              classification: 'trafficking_suspected',
              previousClassification: 'insufficient_information',
              note: null,
            },
          },
        ]);
    });

    it('records nothing when the classification is unchanged', () => {
      const first: CaseEvent = {
        type: 'CaseClassified',
        data: { caseId, classification: 'not_trafficking', previousClassification: null, note: null },
      };
      spec.given([received, first]).when(classify('not_trafficking')).thenNothingHappened();
    });

    it('refuses an unknown classification', () => {
      spec.given([received]).when(classify('maybe')).thenRefuses(CaseErrors.INVALID_CLASSIFICATION);
    });

    it.each<[string, () => CaseEvent[], string]>([
      ['a missing', () => [], CaseErrors.NOT_FOUND],
      ['a resolved', () => [received, caseOpened(caseId), caseResolved(caseId)], CaseErrors.INVALID_TRANSITION],
      ['a closed', () => [received, caseOpened(caseId), caseClosed(caseId)], CaseErrors.CLOSED],
    ])('refuses on %s case', (_label, given, code) => {
      spec.given(given()).when(classify('not_trafficking')).thenRefuses(code);
    });
  });

  describe('OpenCase', () => {
    const open: () => CaseCommand = () => ({
      type: 'OpenCase',
      data: { reason: 'victim identified' },
      meta: officer(),
    });

    it('opens a received signal as a case', () => {
      const state = spec
        .given([received])
        .when(open())
        .then([{ type: 'CaseOpened', data: { caseId, reason: 'victim identified' } }]);
      expect(state.status).toBe('open');
    });

    it.each<[string, () => CaseEvent[], string]>([
      ['twice', () => [received, caseOpened(caseId)], CaseErrors.INVALID_TRANSITION],
      ['a missing case', () => [], CaseErrors.NOT_FOUND],
      ['a closed case', () => [received, caseOpened(caseId), caseClosed(caseId)], CaseErrors.CLOSED],
    ])('refuses to open %s', (_label, given, code) => {
      spec.given(given()).when(open()).thenRefuses(code);
    });
  });

  describe('ResolveCase', () => {
    const resolve = (resolution = 'victims returned'): CaseCommand => ({
      type: 'ResolveCase',
      data: { resolution },
      meta: officer(),
    });

    it('resolves an open case', () => {
      const state = spec
        .given([received, caseOpened(caseId)])
        .when(resolve())
        .then([caseResolved(caseId)]);
      expect(state.status === 'resolved' && state.resolution).toBe('victims returned');
    });

    it.each<[string, () => CaseEvent[], string]>([
      ['a signal that was never opened', () => [received], CaseErrors.INVALID_TRANSITION],
      ['a resolved case', () => [received, caseOpened(caseId), caseResolved(caseId)], CaseErrors.INVALID_TRANSITION],
      ['a closed case', () => [received, caseOpened(caseId), caseClosed(caseId)], CaseErrors.CLOSED],
      ['a missing case', () => [], CaseErrors.NOT_FOUND],
    ])('refuses %s', (_label, given, code) => {
      spec.given(given()).when(resolve()).thenRefuses(code);
    });

    it('refuses a blank resolution', () => {
      spec
        .given([received, caseOpened(caseId)])
        .when(resolve(' '))
        .thenRefuses(CaseErrors.RESOLUTION_REQUIRED);
    });
  });
});
