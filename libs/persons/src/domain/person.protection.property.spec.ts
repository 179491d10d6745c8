import fc from 'fast-check';
import { DomainError, newId, parseZoned, type CommandMeta } from '#shared-kernel';
import { decisionOf } from '#testing';
import type { PersonCommand } from './person.commands.js';
import { personDecider } from './person.decider.js';
import { PersonErrors } from './person.errors.js';
import type { PersonEvent } from './person.events.js';
import { consentStanding } from './person.selectors.js';
import type { PersonState } from './person.state.js';
import { personRegistered } from './person.spec-fixtures.js';

/**
 * Holds, erasure and consent interact: a hold blocks erasure, erasure blocks new holds and new
 * consent, and the standing of consent for a purpose and recipient follows its latest decision.
 * Random sequences of these commands are checked against a small model of those three rules.
 */
const meta: CommandMeta = {
  actor: { userId: 'u-1', role: 'supervisor', unitId: 'VN-LS-BLO' },
  now: new Date('2026-03-05T02:00:00Z'),
};
const personId = newId();
const caseId = newId();
const IDS = [newId(), newId(), newId()] as const;
const PURPOSES = ['identity_verification', 'family_tracing'] as const;
const at = (day: number) => parseZoned(`2026-03-${String(day).padStart(2, '0')}T09:00:00+07:00`);

const of = <T extends PersonCommand['type']>(type: T, data: fc.Arbitrary<object>) =>
  data.map((d) => ({ type, data: d, meta }) as PersonCommand);

const command: fc.Arbitrary<PersonCommand> = fc.oneof(
  of('PlaceLegalHold', fc.record({ proceedingsRef: fc.constantFrom('VKS-LS 1/2026', 'TA-LS 2/2026') })),
  of('ReleaseLegalHold', fc.record({ reason: fc.constantFrom('đã xét xử', '') })),
  of('RecordErasure', fc.record({ reason: fc.constant('yêu cầu') })),
  of(
    'RecordConsent',
    fc.record({
      consentId: fc.constantFrom(...IDS),
      decision: fc.constantFrom('given', 'refused'),
      purpose: fc.constantFrom(...PURPOSES),
      recipient: fc.constant('CN-GX-PSD'),
      givenBy: fc.constantFrom('person', 'legal_representative'),
      formSha256: fc.constant('b'.repeat(64)),
      occurredAt: fc.integer({ min: 1, max: 28 }).map(at),
    }),
  ),
  of('WithdrawConsent', fc.record({ consentId: fc.constantFrom(...IDS), occurredAt: fc.constant(at(28)) })),
);

const registered: PersonEvent = personRegistered({ personId, caseId });

const attempt = (state: PersonState, cmd: PersonCommand) => decisionOf(personDecider, state, cmd);

describe('Person protection rules (properties)', () => {
  it('a hold blocks erasure, erasure blocks holds and consent, and consent follows its latest decision', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 25 }), (commands) => {
        let state = personDecider.evolve(personDecider.initialState, registered);
        const latest = new Map<string, 'given' | 'refused' | 'withdrawn'>();
        const decisionOf = new Map<string, string>();
        for (const cmd of commands) {
          const held = state.status !== 'none' && state.legalHold !== undefined;
          const erased = state.status !== 'none' && state.erased === true;
          const outcome = attempt(state, cmd);
          if (cmd.type === 'RecordErasure' && held && !erased) {
            expect(outcome).toMatchObject({ code: PersonErrors.LEGAL_HOLD });
          }
          if (outcome instanceof DomainError) continue;
          const types = outcome.map((e) => e.type);
          if (erased) expect(types).not.toEqual(expect.arrayContaining(['LegalHoldPlaced', 'ConsentGiven']));
          if (types.includes('PersonalDataErased')) expect(held).toBe(false);
          for (const event of outcome) {
            if (event.type === 'ConsentGiven' || event.type === 'ConsentRefused') {
              latest.set(event.data.purpose, event.type === 'ConsentGiven' ? 'given' : 'refused');
              decisionOf.set(event.data.consentId, event.data.purpose);
            }
            if (event.type === 'ConsentWithdrawn') {
              const purpose = decisionOf.get(event.data.consentId)!;
              // Only the latest decision for the purpose decides where it stands.
              const record =
                state.status === 'none' ? undefined : state.consents?.filter((c) => c.purpose === purpose).at(-1);
              if (record?.consentId === event.data.consentId) latest.set(purpose, 'withdrawn');
            }
            state = personDecider.evolve(state, event);
          }
          for (const purpose of PURPOSES) {
            expect(consentStanding(state, purpose, 'CN-GX-PSD')).toBe(latest.get(purpose) ?? 'none');
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
