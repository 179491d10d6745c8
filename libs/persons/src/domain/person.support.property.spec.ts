import fc from 'fast-check';
import { DomainError, newId, parseZoned, type CommandMeta } from '#shared-kernel';
import { decisionOf } from '#testing';
import type { PersonCommand } from './person.commands.js';
import { personDecider } from './person.decider.js';
import { PersonErrors } from './person.errors.js';
import type { PersonEvent } from './person.events.js';
import type { PersonState, ReferralRecord } from './person.state.js';
import { personRegistered } from './person.spec-fixtures.js';

/**
 * The referral lifecycle meets consent: a referral needs a standing consent for its service (or
 * an exemption), is answered once, and completes only after it was accepted. Random sequences of
 * consent decisions, withdrawals, referrals, answers and completions are checked against a small
 * model of those rules, and the state's referrals only ever move forward.
 */
const meta: CommandMeta = {
  actor: { userId: 'u-1', role: 'liaison_officer', unitId: 'VN-LS-BLO' },
  now: new Date('2026-03-05T02:00:00Z'),
};
const personId = newId();
const caseId = newId();
const CONSENTS = [newId(), newId()] as const;
const REFERRALS = [newId(), newId(), newId()] as const;
const SERVICES = ['social_protection_centre', 'health_facility'] as const;
const at = (day: number) => parseZoned(`2026-03-${String(day).padStart(2, '0')}T09:00:00+07:00`);

const of = <T extends PersonCommand['type']>(type: T, data: fc.Arbitrary<object>) =>
  data.map((d) => ({ type, data: d, meta }) as PersonCommand);

const command: fc.Arbitrary<PersonCommand> = fc.oneof(
  of(
    'RecordConsent',
    fc.record({
      consentId: fc.constantFrom(...CONSENTS),
      decision: fc.constantFrom('given', 'refused'),
      purpose: fc.constant('referral_to_services'),
      recipient: fc.constantFrom(...SERVICES),
      givenBy: fc.constant('person'),
      formSha256: fc.constant('b'.repeat(64)),
      occurredAt: fc.constant(at(1)),
    }),
  ),
  of('WithdrawConsent', fc.record({ consentId: fc.constantFrom(...CONSENTS), occurredAt: fc.constant(at(2)) })),
  of(
    'MakeReferral',
    fc.record(
      {
        referralId: fc.constantFrom(...REFERRALS),
        service: fc.constantFrom(...SERVICES),
        receivingUnit: fc.constant('Cơ sở BTXH'),
        exemption: fc.constant('medical_emergency'),
        occurredAt: fc.integer({ min: 3, max: 10 }).map(at),
      },
      { requiredKeys: ['referralId', 'service', 'receivingUnit', 'occurredAt'] },
    ),
  ),
  of(
    'AnswerReferral',
    fc.record({
      referralId: fc.constantFrom(...REFERRALS),
      answer: fc.constantFrom('accepted', 'declined'),
      reason: fc.constant('no_capacity'),
      occurredAt: fc.integer({ min: 8, max: 20 }).map(at),
    }),
  ),
  of(
    'CompleteReferral',
    fc.record({ referralId: fc.constantFrom(...REFERRALS), occurredAt: fc.integer({ min: 11, max: 28 }).map(at) }),
  ),
);

const registered: PersonEvent = personRegistered({ personId, caseId });

const attempt = (state: PersonState, cmd: PersonCommand) => decisionOf(personDecider, state, cmd);

const ORDER: Record<ReferralRecord['state'], number> = { made: 0, accepted: 1, declined: 1, completed: 2 };
const referralsOf = (s: PersonState) => (s.status === 'none' ? [] : (s.referrals ?? []));

describe('Referral lifecycle with consent (property)', () => {
  it('follows consent, answers once, completes only after acceptance, never moves back', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 30 }), (commands) => {
        let state = personDecider.evolve(personDecider.initialState, registered);
        for (const cmd of commands) {
          const before = referralsOf(state);
          const result = attempt(state, cmd);
          if (cmd.type === 'MakeReferral' && !(result instanceof DomainError)) {
            const d = cmd.data;
            const consented = (state.status === 'none' ? [] : (state.consents ?? []))
              .filter((c) => c.purpose === 'referral_to_services' && c.recipient === d.service)
              .at(-1);
            const standing = consented && consented.decision === 'given' && !consented.withdrawnAt;
            expect(Boolean(standing) || d.exemption !== undefined).toBe(true);
          }
          if (cmd.type === 'AnswerReferral') {
            const r = before.find((x) => x.referralId === cmd.data.referralId);
            if (r && r.state !== 'made') {
              expect(result).toBeInstanceOf(DomainError);
              expect((result as DomainError).code).toBe(PersonErrors.REFERRAL_ALREADY_ANSWERED);
            }
          }
          if (cmd.type === 'CompleteReferral') {
            const r = before.find((x) => x.referralId === cmd.data.referralId);
            if (!(result instanceof DomainError)) expect(r?.state).toBe('accepted');
          }
          if (result instanceof DomainError) continue;
          for (const e of result) state = personDecider.evolve(state, e);
          for (const r of referralsOf(state)) {
            const old = before.find((x) => x.referralId === r.referralId);
            if (old) expect(ORDER[r.state]).toBeGreaterThanOrEqual(ORDER[old.state]);
            if (old && old.state !== r.state)
              expect(old.state === 'accepted' ? r.state : 'completed').toBe('completed');
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
