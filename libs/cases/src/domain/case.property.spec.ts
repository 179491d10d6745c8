import fc from 'fast-check';
import { assertNever, newId, ROLES, type CommandMeta, type ZonedInstant } from '#shared-kernel';
import { assertEvolveIsTotal, runCommands } from '#testing';
import type { CaseCommand } from './case.commands.js';
import { caseDecider } from './case.decider.js';
import type { CaseEvent } from './case.events.js';
import type { CaseState } from './case.state.js';
import { BORDER_PROVINCES, CASE_CHANNELS, CASE_CLASSIFICATIONS, LINKED_PERSON_ROLES } from './case.values.js';

/**
 * Random command sequences, valid and not, against one case stream. Free text carries a marker so
 * the test can tell that no refusal message ever echoes what the user typed.
 */
const MARK = 'TXT§';
const NOW = new Date('2026-03-05T02:00:00Z');
const caseId = newId();
const pool = Array.from({ length: 3 }, () => newId());

const text = fc.oneof(
  fc.string({ maxLength: 8 }).map((s) => `${MARK}${s}`),
  fc.constantFrom('', '  '),
);
const maybeOf = <T>(values: readonly T[]) => fc.oneof(fc.constantFrom(...values), fc.constant('bogus' as T));
const ids = fc.subarray(pool);
const meta: fc.Arbitrary<CommandMeta> = fc
  .constantFrom(...ROLES)
  .map((role) => ({ actor: { userId: 'u-1', role, unitId: 'VN-LS-BLO' }, now: NOW }));
const instant: ZonedInstant = { at: '2026-03-04T23:30:00.000Z', offset: '+07:00', zone: 'Asia/Ho_Chi_Minh' };

const command: fc.Arbitrary<CaseCommand> = fc.oneof(
  fc.record({
    type: fc.constant('ReceiveReport' as const),
    data: fc.record({
      caseId: fc.constant(caseId),
      channel: maybeOf(CASE_CHANNELS),
      province: maybeOf(BORDER_PROVINCES),
      summary: text,
      occurredAt: fc.constant(instant),
      receivingUnit: fc.constantFrom('VN-LS-BLO', ''),
    }),
    meta,
  }),
  fc.record({
    type: fc.constant('ClassifyCase' as const),
    data: fc.record(
      { classification: maybeOf(CASE_CLASSIFICATIONS), note: text },
      { requiredKeys: ['classification'] },
    ),
    meta,
  }),
  fc.record({ type: fc.constant('OpenCase' as const), data: fc.record({ reason: text }, { requiredKeys: [] }), meta }),
  fc.record({ type: fc.constant('ResolveCase' as const), data: fc.record({ resolution: text }), meta }),
  fc.record({
    type: fc.constant('CloseCase' as const),
    data: fc.record({ reason: text, override: fc.boolean(), openVerificationIds: ids, unconfirmedHandoverIds: ids }),
    meta,
  }),
  fc.record({ type: fc.constant('ReopenCase' as const), data: fc.record({ reason: text }), meta }),
  fc.record({
    type: fc.constant('LinkPerson' as const),
    data: fc.record({ personId: fc.constantFrom(...pool), role: maybeOf(LINKED_PERSON_ROLES) }),
    meta,
  }),
  fc.record({
    type: fc.constant('LinkExchange' as const),
    data: fc.record({ exchangeId: fc.constantFrom(...pool) }),
    meta,
  }),
  fc.record({
    type: fc.constant('LinkVerification' as const),
    data: fc.record({ verificationId: fc.constantFrom(...pool) }),
    meta,
  }),
  fc.record({
    type: fc.constant('LinkHandover' as const),
    data: fc.record({ handoverId: fc.constantFrom(...pool) }),
    meta,
  }),
);

// Most runs start from a valid report so the sequences reach the deeper statuses.
const validReport: CaseCommand = {
  type: 'ReceiveReport',
  data: {
    caseId,
    channel: 'rescue',
    province: 'lao-cai',
    summary: `${MARK}rescue`,
    occurredAt: instant,
    receivingUnit: 'VN-LC-BLO',
  },
  meta: { actor: { userId: 'u-1', role: 'liaison_officer', unitId: 'VN-LC-BLO' }, now: NOW },
};

const someId = fc.constantFrom(caseId, ...pool);
const anyEvent: fc.Arbitrary<CaseEvent> = fc.oneof(
  fc.constant({ type: 'ReportReceived', data: validReport.data }),
  fc.record({
    type: fc.constant('CaseClassified' as const),
    data: fc.record({
      caseId: someId,
      classification: fc.constantFrom(...CASE_CLASSIFICATIONS),
      previousClassification: fc.constant(null),
      note: fc.constant(null),
    }),
  }),
  fc.record({
    type: fc.constant('CaseOpened' as const),
    data: fc.record({ caseId: someId, reason: fc.constant(null) }),
  }),
  fc.record({ type: fc.constant('CaseResolved' as const), data: fc.record({ caseId: someId, resolution: text }) }),
  fc.record({
    type: fc.constant('CaseClosed' as const),
    data: fc.record({
      caseId: someId,
      reason: text,
      closedFrom: fc.constantFrom('received' as const, 'open' as const, 'reopened' as const, 'resolved' as const),
      override: fc.boolean(),
      openVerificationIds: ids,
      unconfirmedHandoverIds: ids,
    }),
  }),
  fc.record({ type: fc.constant('CaseReopened' as const), data: fc.record({ caseId: someId, reason: text }) }),
  fc.record({
    type: fc.constant('PersonLinked' as const),
    data: fc.record({ caseId: someId, personId: someId, role: fc.constantFrom(...LINKED_PERSON_ROLES) }),
  }),
  fc.record({ type: fc.constant('ExchangeLinked' as const), data: fc.record({ caseId: someId, exchangeId: someId }) }),
  fc.record({
    type: fc.constant('VerificationLinked' as const),
    data: fc.record({ caseId: someId, verificationId: someId }),
  }),
  fc.record({ type: fc.constant('HandoverLinked' as const), data: fc.record({ caseId: someId, handoverId: someId }) }),
);

const noDuplicates = (values: readonly string[]): boolean => new Set(values).size === values.length;

/**
 * The documented lifecycle, one event at a time: a signal is received, then opened as a case or
 * dismissed (closed); an open or reopened case is resolved or closed; a resolved one closed; a
 * closed one only reopened. Classifications and links keep the status.
 */
const LIFECYCLE: Readonly<Record<CaseState['status'], readonly CaseState['status'][]>> = {
  none: ['received'],
  received: ['received', 'open', 'closed'],
  open: ['open', 'resolved', 'closed'],
  reopened: ['reopened', 'resolved', 'closed'],
  resolved: ['resolved', 'closed'],
  closed: ['reopened'],
};

function assertTransition(event: CaseEvent['type'], before: CaseState, after: CaseState): void {
  expect({ event, from: before.status, to: LIFECYCLE[before.status] }).toEqual({
    event,
    from: before.status,
    to: expect.arrayContaining([after.status]),
  });
}

function assertInvariants(state: CaseState, history: readonly CaseEvent[]): void {
  if (history.length === 0) return expect(state.status).toBe('none');
  expect(history[0].type).toBe('ReportReceived');
  expect(history.filter((e) => e.type === 'ReportReceived')).toHaveLength(1);
  expect(history.every((e) => e.data.caseId === caseId)).toBe(true);
  if (state.status === 'none') throw new Error('a case with history must exist');
  const { persons, exchangeIds, verificationIds, handoverIds } = state.links;
  for (const list of [persons.map((p) => p.personId), exchangeIds, verificationIds, handoverIds]) {
    expect(noDuplicates(list)).toBe(true);
  }
  // Linking is idempotent in the log itself, not only in the folded state.
  const linkKeys = history.flatMap((e) => {
    switch (e.type) {
      case 'PersonLinked':
        return [`person:${e.data.personId}`];
      case 'ExchangeLinked':
        return [`exchange:${e.data.exchangeId}`];
      case 'VerificationLinked':
        return [`verification:${e.data.verificationId}`];
      case 'HandoverLinked':
        return [`handover:${e.data.handoverId}`];
      case 'ReportReceived':
      case 'CaseClassified':
      case 'CaseOpened':
      case 'CaseResolved':
      case 'CaseClosed':
      case 'CaseReopened':
        return [];
      default:
        return assertNever(e);
    }
  });
  expect(noDuplicates(linkKeys)).toBe(true);
  const lastClassified = history.filter((e) => e.type === 'CaseClassified').at(-1);
  expect(state.classification).toBe(
    lastClassified?.type === 'CaseClassified' ? lastClassified.data.classification : null,
  );
  if (state.status === 'closed') {
    const { closure } = state;
    expect(closure.reason.startsWith(MARK)).toBe(true);
    const openCount = closure.openVerificationIds.length + closure.unconfirmedHandoverIds.length;
    expect(closure.override).toBe(openCount > 0);
  }
}

describe('Case aggregate properties', () => {
  it('keeps its invariants, leaves the state as it was on a refusal, and moves only along the lifecycle under any command sequence', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.array(command, { maxLength: 40 }), (startValid, rest) => {
        const commands = startValid ? [validReport, ...rest] : rest;
        runCommands(caseDecider, commands, {
          secrets: [MARK],
          transition: assertTransition,
          invariants: assertInvariants,
          decided(cmd, events, before) {
            for (const event of events) {
              if (before.status === 'closed') expect(event.type).toBe('CaseReopened');
              if (event.type === 'CaseClosed' && event.data.override) expect(cmd.meta.actor.role).toBe('supervisor');
            }
          },
        });
      }),
      { numRuns: 300 },
    );
  });

  it('evolve is total: any sequence of events, fitting or not, folds without throwing', () => {
    assertEvolveIsTotal(caseDecider, anyEvent);
  });
});
