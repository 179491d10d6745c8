import { DomainError, newId, type CommandMeta } from '#shared-kernel';
import { deciderSpec } from '#testing';
import type { PersonCommand } from './person.commands.js';
import { personDecider } from './person.decider.js';
import { PersonErrors } from './person.errors.js';
import type { PersonEvent, PersonRegistered } from './person.events.js';
import type { PersonRole } from './person.values.js';
import { RESEALED, SEALED, personRegistered } from './person.spec-fixtures.js';

const meta: CommandMeta = {
  actor: { userId: 'an.nguyen', role: 'liaison_officer', unitId: 'VN-LC-BLO', province: 'lao-cai' },
  now: new Date('2026-03-05T02:00:00Z'),
};

const spec = deciderSpec(personDecider);
const cmd = <T extends PersonCommand['type']>(
  type: T,
  data: Extract<PersonCommand, { type: T }>['data'],
): PersonCommand => ({ type, data, meta }) as PersonCommand;

describe('Person decider', () => {
  let personId: string;
  let caseId: string;
  const registeredAs = (role: PersonRole): PersonRegistered =>
    personRegistered({ personId, caseId }, role, role === 'accompanying_minor' ? 'under_18' : 'adult');
  const begun = (basis: string | null = 'found at a massage parlour in Hekou'): PersonEvent => ({
    type: 'IdentificationBegun',
    data: { personId, caseId, basis },
  });
  const notConfirmed = (): PersonEvent => ({
    type: 'IdentificationNotConfirmed',
    data: { personId, caseId, reason: 'voluntary labour migration' },
  });

  beforeEach(() => {
    personId = newId();
    caseId = newId();
  });

  describe('RegisterPerson', () => {
    const register = (role: PersonRole, over: Partial<PersonRegistered['data']> = {}) =>
      cmd('RegisterPerson', {
        personId,
        caseId,
        role,
        ageBand: role === 'accompanying_minor' ? 'under_18' : 'adult',
        personal: SEALED,
        ...over,
      });

    it.each([
      ['presumed_victim', 'presumed'],
      ['victim', 'identified_victim'],
      ['accompanying_minor', 'accompanying'],
      ['relative', 'not_on_victim_track'],
      ['suspect', 'not_on_victim_track'],
    ] as const)('registers a %s, starting in %s', (role, status) => {
      const state = spec
        .given([])
        .when(register(role))
        .then([registeredAs(role)]);
      expect(state.status).toBe(status);
    });

    it('refuses a second registration of the same person', () => {
      spec
        .given([registeredAs('victim')])
        .when(register('victim'))
        .thenRefuses(PersonErrors.ALREADY_EXISTS);
    });

    it('refuses personal data that is not sealed, without echoing it', () => {
      const clear = JSON.stringify({ fullName: 'Nguyễn Thị Hoa', dateOfBirth: '2004-02-01' });
      spec
        .given([])
        .when(register('presumed_victim', { personal: clear }))
        .thenRefuses(PersonErrors.PERSONAL_DATA_NOT_SEALED);
      spec
        .given([])
        .when(register('presumed_victim', { personal: 'Nguyen Thi Hoa' }))
        .thenRefuses(PersonErrors.PERSONAL_DATA_NOT_SEALED);
      const attempt = () =>
        personDecider.decide(register('presumed_victim', { personal: clear }), personDecider.initialState);
      expect(attempt).toThrow(DomainError);
      expect(attempt).not.toThrow(/Hoa|2004/);
    });

    it.each([
      [{ role: 'witness' as never }, PersonErrors.INVALID_ROLE],
      [{ ageBand: 'teen' as never }, PersonErrors.INVALID_AGE_BAND],
      [{ personId: '' }, PersonErrors.ID_REQUIRED],
    ])('refuses inconsistent data %j', (over, code) => {
      spec.given([]).when(register('presumed_victim', over)).thenRefuses(code);
    });

    it('refuses an accompanying minor in the adult age band', () => {
      spec
        .given([])
        .when(register('accompanying_minor', { ageBand: 'adult' }))
        .thenRefuses(PersonErrors.AGE_BAND_CONFLICT);
    });

    it('accepts an accompanying minor of unknown age', () => {
      spec
        .given([])
        .when(register('accompanying_minor', { ageBand: 'unknown' }))
        .then([
          {
            ...registeredAs('accompanying_minor'),
            data: { ...registeredAs('accompanying_minor').data, ageBand: 'unknown' },
          },
        ]);
    });
  });

  describe('BeginIdentification', () => {
    it('starts identification of a presumed victim', () => {
      const state = spec
        .given([registeredAs('presumed_victim')])
        .when(cmd('BeginIdentification', { basis: 'found at a massage parlour in Hekou' }))
        .then([begun()]);
      expect(state.status).toBe('under_identification');
    });

    it('lets an accompanying minor enter identification, keeping the role', () => {
      const state = spec
        .given([registeredAs('accompanying_minor')])
        .when(cmd('BeginIdentification', {}))
        .then([begun(null)]);
      expect(state.status === 'under_identification' && state.role).toBe('accompanying_minor');
    });

    it.each(['relative', 'suspect'] as const)('refuses a %s: not on the victim track', (role) => {
      spec
        .given([registeredAs(role)])
        .when(cmd('BeginIdentification', {}))
        .thenRefuses(PersonErrors.NOT_ON_VICTIM_TRACK);
    });

    it.each<[string, () => PersonEvent[], string]>([
      [
        'already under identification',
        () => [registeredAs('presumed_victim'), begun()],
        PersonErrors.INVALID_TRANSITION,
      ],
      ['identified', () => [registeredAs('victim')], PersonErrors.INVALID_TRANSITION],
      [
        'not confirmed',
        () => [registeredAs('presumed_victim'), begun(), notConfirmed()],
        PersonErrors.INVALID_TRANSITION,
      ],
      ['missing', () => [], PersonErrors.NOT_FOUND],
    ])('refuses when %s', (_label, given, code) => {
      spec.given(given()).when(cmd('BeginIdentification', {})).thenRefuses(code);
    });
  });

  describe('ConfirmVictim', () => {
    it('identifies the victim on its evidence bases and confirming document', () => {
      const state = spec
        .given([registeredAs('presumed_victim'), begun()])
        .when(
          cmd('ConfirmVictim', { evidenceBases: [' art32.1.a ', 'art32.1.b', 'art32.1.a'], documentRef: '12/XN-CAT' }),
        )
        .then([
          {
            type: 'VictimIdentified',
            data: { personId, caseId, evidenceBases: ['art32.1.a', 'art32.1.b'], documentRef: '12/XN-CAT' },
          },
        ]);
      expect(state.status === 'identified_victim' && state.evidenceBases).toEqual(['art32.1.a', 'art32.1.b']);
    });

    it('refuses without any evidence basis', () => {
      spec
        .given([registeredAs('presumed_victim'), begun()])
        .when(cmd('ConfirmVictim', { evidenceBases: ['  '] }))
        .thenRefuses(PersonErrors.EVIDENCE_REQUIRED);
    });

    it.each<[string, () => PersonEvent[], string]>([
      ['outside identification', () => [registeredAs('presumed_victim')], PersonErrors.INVALID_TRANSITION],
      ['off the track', () => [registeredAs('suspect')], PersonErrors.NOT_ON_VICTIM_TRACK],
      ['for a missing person', () => [], PersonErrors.NOT_FOUND],
    ])('refuses %s', (_label, given, code) => {
      spec
        .given(given())
        .when(cmd('ConfirmVictim', { evidenceBases: ['art32.1.a'] }))
        .thenRefuses(code);
    });
  });

  describe('ConcludeNotConfirmed', () => {
    it('concludes identification as not confirmed', () => {
      const state = spec
        .given([registeredAs('presumed_victim'), begun()])
        .when(cmd('ConcludeNotConfirmed', { reason: 'voluntary labour migration' }))
        .then([notConfirmed()]);
      expect(state.status).toBe('not_confirmed');
    });

    it('refuses without a reason', () => {
      spec
        .given([registeredAs('presumed_victim'), begun()])
        .when(cmd('ConcludeNotConfirmed', { reason: ' ' }))
        .thenRefuses(PersonErrors.REASON_REQUIRED);
    });

    it.each<[string, () => PersonEvent[], string]>([
      ['outside identification', () => [registeredAs('victim')], PersonErrors.INVALID_TRANSITION],
      ['off the track', () => [registeredAs('relative')], PersonErrors.NOT_ON_VICTIM_TRACK],
      ['for a missing person', () => [], PersonErrors.NOT_FOUND],
    ])('refuses %s', (_label, given, code) => {
      spec
        .given(given())
        .when(cmd('ConcludeNotConfirmed', { reason: 'no indicators' }))
        .thenRefuses(code);
    });
  });

  describe('ReopenIdentification', () => {
    const reopen = (newEvidence = 'statement from Guangxi police') => cmd('ReopenIdentification', { newEvidence });

    it('reopens a not-confirmed conclusion on new evidence, back under identification', () => {
      const state = spec
        .given([registeredAs('presumed_victim'), begun(), notConfirmed()])
        .when(reopen())
        .then([
          { type: 'IdentificationReopened', data: { personId, caseId, newEvidence: 'statement from Guangxi police' } },
        ]);
      expect(state.status === 'under_identification' && state.basis).toBe('statement from Guangxi police');
    });

    it('refuses without evidence', () => {
      spec
        .given([registeredAs('presumed_victim'), begun(), notConfirmed()])
        .when(reopen(''))
        .thenRefuses(PersonErrors.EVIDENCE_REQUIRED);
    });

    it.each<[string, () => PersonEvent[], string]>([
      ['an identified victim', () => [registeredAs('victim')], PersonErrors.INVALID_TRANSITION],
      [
        'an identification still under way',
        () => [registeredAs('presumed_victim'), begun()],
        PersonErrors.INVALID_TRANSITION,
      ],
      ['a person off the track', () => [registeredAs('suspect')], PersonErrors.NOT_ON_VICTIM_TRACK],
      ['a missing person', () => [], PersonErrors.NOT_FOUND],
    ])('refuses for %s', (_label, given, code) => {
      spec.given(given()).when(reopen()).thenRefuses(code);
    });
  });

  describe('CorrectPersonalData', () => {
    it.each<[string, () => PersonEvent[]]>([
      ['a presumed victim', () => [registeredAs('presumed_victim')]],
      ['a suspect', () => [registeredAs('suspect')]],
      ['a person under identification', () => [registeredAs('presumed_victim'), begun()]],
    ])('replaces the sealed envelope of %s', (_label, given) => {
      const state = spec
        .given(given())
        .when(cmd('CorrectPersonalData', { personal: RESEALED }))
        .then([{ type: 'PersonalDataCorrected', data: { personId, caseId, personal: RESEALED } }]);
      expect(state.status !== 'none' && state.personal).toBe(RESEALED);
    });

    it('records nothing when the envelope is the same', () => {
      spec
        .given([registeredAs('victim')])
        .when(cmd('CorrectPersonalData', { personal: SEALED }))
        .thenNothingHappened();
    });

    it('refuses clear text', () => {
      spec
        .given([registeredAs('victim')])
        .when(cmd('CorrectPersonalData', { personal: 'Trần Văn Nam' }))
        .thenRefuses(PersonErrors.PERSONAL_DATA_NOT_SEALED);
    });

    it('refuses a missing person', () => {
      spec
        .given([])
        .when(cmd('CorrectPersonalData', { personal: RESEALED }))
        .thenRefuses(PersonErrors.NOT_FOUND);
    });
  });
});
