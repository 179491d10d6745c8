import fc from 'fast-check';
import { newId, type CommandMeta } from '#shared-kernel';
import { assertEvolveIsTotal, runCommands } from '#testing';
import type { PersonCommand } from './person.commands.js';
import { personDecider } from './person.decider.js';
import type { PersonEvent } from './person.events.js';
import type { PersonState } from './person.state.js';
import { AGE_BANDS, IDENTIFICATION_STATUSES, PERSON_ROLES } from './person.values.js';

/**
 * Random command sequences against one person stream. Clear-text personal data carries a marker
 * (so does all free text) to prove that none of it reaches an event's envelope field or a refusal.
 */
const CLEAR = 'Nguyễn Thị Hoa';
const MARK = 'TXT§';
const meta: CommandMeta = {
  actor: { userId: 'u-1', role: 'liaison_officer', unitId: 'VN-LC-BLO' },
  now: new Date('2026-03-05T02:00:00Z'),
};
const personId = newId();
const caseId = newId();

const sealedEnvelope = fc
  .tuple(fc.base64String({ minLength: 4, maxLength: 12 }), fc.base64String({ minLength: 4, maxLength: 12 }))
  .map(([a, b]) => `v1.1.${a.replace(/[+/=]/g, '_')}.${b.replace(/[+/=]/g, '-')}.Y3Q`);
const personal = fc.oneof(
  sealedEnvelope,
  sealedEnvelope,
  fc.constant(CLEAR),
  fc.constant(JSON.stringify({ n: CLEAR })),
);
const text = fc.oneof(
  fc.string({ maxLength: 6 }).map((s) => `${MARK}${s}`),
  fc.constant(''),
);
const maybeOf = <T>(values: readonly T[]) => fc.oneof(fc.constantFrom(...values), fc.constant('bogus' as T));

const command: fc.Arbitrary<PersonCommand> = fc.oneof(
  fc.record({
    type: fc.constant('RegisterPerson' as const),
    data: fc.record({
      personId: fc.constant(personId),
      caseId: fc.constant(caseId),
      role: maybeOf(PERSON_ROLES),
      ageBand: maybeOf(AGE_BANDS),
      personal,
    }),
    meta: fc.constant(meta),
  }),
  fc.record({
    type: fc.constant('BeginIdentification' as const),
    data: fc.record({ basis: text }, { requiredKeys: [] }),
    meta: fc.constant(meta),
  }),
  fc.record({
    type: fc.constant('ConfirmVictim' as const),
    data: fc.record(
      { evidenceBases: fc.array(text, { maxLength: 3 }), documentRef: text },
      { requiredKeys: ['evidenceBases'] },
    ),
    meta: fc.constant(meta),
  }),
  fc.record({
    type: fc.constant('ConcludeNotConfirmed' as const),
    data: fc.record({ reason: text }),
    meta: fc.constant(meta),
  }),
  fc.record({
    type: fc.constant('ReopenIdentification' as const),
    data: fc.record({ newEvidence: text }),
    meta: fc.constant(meta),
  }),
  fc.record({
    type: fc.constant('CorrectPersonalData' as const),
    data: fc.record({ personal }),
    meta: fc.constant(meta),
  }),
);

const anyEvent: fc.Arbitrary<PersonEvent> = fc.oneof(
  fc.record({
    type: fc.constant('PersonRegistered' as const),
    data: fc.record({
      personId: fc.constant(personId),
      caseId: fc.constant(caseId),
      role: fc.constantFrom(...PERSON_ROLES),
      ageBand: fc.constantFrom(...AGE_BANDS),
      personal: sealedEnvelope,
      identification: fc.constantFrom(...IDENTIFICATION_STATUSES),
    }),
  }),
  fc.record({
    type: fc.constant('IdentificationBegun' as const),
    data: fc.record({ personId: fc.constant(personId), caseId: fc.constant(caseId), basis: fc.constant(null) }),
  }),
  fc.record({
    type: fc.constant('VictimIdentified' as const),
    data: fc.record({
      personId: fc.constant(personId),
      caseId: fc.constant(caseId),
      evidenceBases: fc.array(text),
      documentRef: fc.constant(null),
    }),
  }),
  fc.record({
    type: fc.constant('IdentificationNotConfirmed' as const),
    data: fc.record({ personId: fc.constant(personId), caseId: fc.constant(caseId), reason: text }),
  }),
  fc.record({
    type: fc.constant('IdentificationReopened' as const),
    data: fc.record({ personId: fc.constant(personId), caseId: fc.constant(caseId), newEvidence: text }),
  }),
  fc.record({
    type: fc.constant('PersonalDataCorrected' as const),
    data: fc.record({ personId: fc.constant(personId), caseId: fc.constant(caseId), personal: sealedEnvelope }),
  }),
);

const validRegistration = (role: (typeof PERSON_ROLES)[number]): PersonCommand => ({
  type: 'RegisterPerson',
  data: { personId, caseId, role, ageBand: 'unknown', personal: 'v1.1.aXY.dGFn.Y3Q' },
  meta,
});

/**
 * The documented lifecycle, one event at a time: a person starts where their role puts them;
 * presumed victims and accompanying minors may enter identification, which ends identified or
 * not confirmed; a not-confirmed conclusion may be reopened. Corrections and erasure keep the status.
 */
const LIFECYCLE: Readonly<Record<PersonState['status'], readonly PersonState['status'][]>> = {
  none: ['presumed', 'accompanying', 'identified_victim', 'not_on_victim_track'],
  presumed: ['presumed', 'under_identification'],
  accompanying: ['accompanying', 'under_identification'],
  under_identification: ['under_identification', 'identified_victim', 'not_confirmed'],
  not_confirmed: ['not_confirmed', 'under_identification'],
  identified_victim: ['identified_victim'],
  not_on_victim_track: ['not_on_victim_track'],
};

function assertTransition(event: PersonEvent['type'], before: PersonState, after: PersonState): void {
  expect({ event, from: before.status, to: LIFECYCLE[before.status] }).toEqual({
    event,
    from: before.status,
    to: expect.arrayContaining([after.status]),
  });
}

function assertInvariants(state: PersonState, history: readonly PersonEvent[]): void {
  expect(history.filter((e) => e.type === 'PersonRegistered').length).toBe(history.length > 0 ? 1 : 0);
  if (state.status === 'none') return expect(history).toHaveLength(0);
  expect(history.every((e) => e.data.personId === personId && e.data.caseId === caseId)).toBe(true);
  // No clear text anywhere in the log, and the state holds the last sealed envelope.
  expect(JSON.stringify(history)).not.toContain(CLEAR);
  const lastEnvelope = history.flatMap((e) =>
    e.type === 'PersonRegistered' || e.type === 'PersonalDataCorrected' ? [e.data.personal] : [],
  );
  expect(state.personal).toBe(lastEnvelope.at(-1));
  // Relatives and suspects never leave their status; nobody else is ever off the track.
  const offTrackRole = state.role === 'relative' || state.role === 'suspect';
  expect(state.status === 'not_on_victim_track').toBe(offTrackRole);
  if (state.role === 'accompanying_minor') expect(state.ageBand).not.toBe('adult');
  if (state.status === 'identified_victim' && state.role !== 'victim') {
    expect(state.evidenceBases.length).toBeGreaterThan(0);
  }
}

describe('Person aggregate properties', () => {
  it('keeps its invariants, never stores clear text, and moves only along the lifecycle', () => {
    const start = fc.option(fc.constantFrom(...PERSON_ROLES), { nil: undefined });
    fc.assert(
      fc.property(start, fc.array(command, { maxLength: 30 }), (role, rest) => {
        const commands = role ? [validRegistration(role), ...rest] : rest;
        runCommands(personDecider, commands, {
          secrets: [MARK, CLEAR],
          transition: assertTransition,
          invariants: assertInvariants,
        });
      }),
      { numRuns: 300 },
    );
  });

  it('evolve is total: any sequence of events, fitting or not, folds without throwing', () => {
    assertEvolveIsTotal(personDecider, anyEvent);
  });
});
