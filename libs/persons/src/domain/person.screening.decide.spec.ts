import { newId, parseZoned } from '#shared-kernel';
import { deciderSpec } from '#testing';
import { personDecider } from './person.decider.js';
import { PersonErrors as E } from './person.errors.js';
import type { PersonEvent, PersonRegistered } from './person.events.js';
import { RECORDED_BY, commandsBy, liaisonOfficer, personRegistered } from './person.spec-fixtures.js';

/** The screening of returnees (issue 10): group, CTDC exploitation types and the indicators result. */
const recordedBy = RECORDED_BY;
const spec = deciderSpec(personDecider);
const cmd = commandsBy(liaisonOfficer('lao-cai'));
const personId = newId();
const caseId = newId();
const screeningId = newId();
const at = parseZoned('2026-03-05T09:00:00+07:00');
const registered = (role: 'presumed_victim' | 'suspect' = 'presumed_victim'): PersonRegistered =>
  personRegistered({ personId, caseId }, role);

describe('Screening of returnees', () => {
  const screening = {
    screeningId,
    group: 'online_scam_compound_returnee',
    exploitationTypes: ['forced_criminality', 'forced_labour', 'forced_criminality'],
    result: 'indicators_present',
    occurredAt: at,
  };

  it('records the group, the CTDC exploitation types (each once) and the result', () => {
    spec
      .given([registered()])
      .when(cmd('RecordScreening', screening))
      .then([
        {
          type: 'ScreeningRecorded',
          data: {
            personId,
            caseId,
            screeningId,
            group: 'online_scam_compound_returnee',
            exploitationTypes: ['forced_criminality', 'forced_labour'],
            result: 'indicators_present',
            occurredAt: at,
            recordedBy,
          },
        },
      ]);
  });

  it.each([
    ['an unknown group', { group: 'tourist' }],
    ['an unknown result', { result: 'maybe' }],
    ['an unknown exploitation type', { exploitationTypes: ['begging_for_fun'] }],
    ['indicators present without a type', { exploitationTypes: [] }],
    ['no indicators with a type', { result: 'no_indicators' }],
  ])('refuses %s', (_what, change) => {
    spec
      .given([registered()])
      .when(cmd('RecordScreening', { ...screening, ...change }))
      .thenRefuses(E.INVALID_SCREENING);
  });

  it('refuses a suspect and a repeated id', () => {
    spec
      .given([registered('suspect')])
      .when(cmd('RecordScreening', screening))
      .thenRefuses(E.NOT_ELIGIBLE_FOR_SUPPORT);
    const recorded = {
      type: 'ScreeningRecorded',
      data: { personId, caseId, ...screening, exploitationTypes: ['forced_labour'], recordedBy },
    } as PersonEvent;
    spec.given([registered(), recorded]).when(cmd('RecordScreening', screening)).thenRefuses(E.SCREENING_EXISTS);
  });
});
