import { newId, parseZoned } from '#shared-kernel';
import { deciderSpec } from '#testing';
import { personDecider } from './person.decider.js';
import { PersonErrors } from './person.errors.js';
import type { ConsentGiven, PersonRegistered } from './person.events.js';
import { consentStanding } from './person.selectors.js';
import { commandsBy, liaisonOfficer, personRegistered } from './person.spec-fixtures.js';

const FORM = 'a'.repeat(64);
const spec = deciderSpec(personDecider);
const cmd = commandsBy(liaisonOfficer('lang-son'));

const personId = newId();
const caseId = newId();
const consentId = newId();
const at = parseZoned('2026-03-05T09:00:00+07:00');
const later = parseZoned('2026-03-06T09:00:00+07:00');

const registered = (ageBand: 'adult' | 'under_18' = 'adult'): PersonRegistered =>
  personRegistered({ personId, caseId }, 'presumed_victim', ageBand);
const consent = {
  consentId,
  decision: 'given',
  purpose: 'identity_verification',
  recipient: 'CN-GX-PSD',
  givenBy: 'person',
  formSha256: FORM,
  occurredAt: at,
};
const given: ConsentGiven = {
  type: 'ConsentGiven',
  data: {
    personId,
    caseId,
    consentId,
    purpose: 'identity_verification',
    recipient: 'CN-GX-PSD',
    givenBy: 'person',
    formSha256: FORM,
    occurredAt: at,
  },
};
const withdrawn = { type: 'ConsentWithdrawn', data: { personId, caseId, consentId, occurredAt: later } } as const;
const erased = { type: 'PersonalDataErased', data: { personId, caseId, reason: 'yêu cầu' } } as const;
const held = { type: 'LegalHoldPlaced', data: { personId, caseId, proceedingsRef: 'VKS-LS 12/2026' } } as const;

describe('Consent', () => {
  it('records a given consent with its purpose, recipient, who gave it and the form hash', () => {
    const state = spec.given([registered()]).when(cmd('RecordConsent', consent)).then([given]);
    expect(consentStanding(state, 'identity_verification', 'CN-GX-PSD')).toBe('given');
    expect(consentStanding(state, 'family_tracing', 'CN-GX-PSD')).toBe('none');
  });

  it('records a refusal, which needs no form', () => {
    const { formSha256: _form, ...withoutForm } = consent;
    const state = spec
      .given([registered()])
      .when(cmd('RecordConsent', { ...withoutForm, decision: 'refused' }))
      .then([{ type: 'ConsentRefused', data: { ...given.data, formSha256: null } }]);
    expect(consentStanding(state, 'identity_verification', 'CN-GX-PSD')).toBe('refused');
  });

  it('needs the signed form’s hash for a given consent', () => {
    const { formSha256: _form, ...withoutForm } = consent;
    spec.given([registered()]).when(cmd('RecordConsent', withoutForm)).thenRefuses(PersonErrors.CONSENT_FORM_REQUIRED);
  });

  it('refuses a form hash that is not a SHA-256', () => {
    spec
      .given([registered()])
      .when(cmd('RecordConsent', { ...consent, formSha256: 'abc' }))
      .thenRefuses(PersonErrors.INVALID_CONSENT);
  });

  it.each([
    ['purpose', { purpose: 'marketing' }],
    ['decision', { decision: 'maybe' }],
    ['giver', { givenBy: 'neighbour' }],
    ['recipient', { recipient: '  ' }],
  ])('refuses an unknown %s', (_what, change) => {
    spec
      .given([registered()])
      .when(cmd('RecordConsent', { ...consent, ...change }))
      .thenRefuses(PersonErrors.INVALID_CONSENT);
  });

  it('lets no child decide alone: under 18 the legal representative decides', () => {
    spec
      .given([registered('under_18')])
      .when(cmd('RecordConsent', consent))
      .thenRefuses(PersonErrors.CONSENT_NEEDS_REPRESENTATIVE);
    spec
      .given([registered('under_18')])
      .when(cmd('RecordConsent', { ...consent, givenBy: 'person_and_legal_representative' }))
      .then([{ ...given, data: { ...given.data, givenBy: 'person_and_legal_representative' } }]);
  });

  it('refuses a second decision under the same id', () => {
    spec.given([registered(), given]).when(cmd('RecordConsent', consent)).thenRefuses(PersonErrors.CONSENT_EXISTS);
  });

  it('refuses consent about a person whose data was erased', () => {
    spec.given([registered(), erased]).when(cmd('RecordConsent', consent)).thenRefuses(PersonErrors.ERASED);
  });

  it('needs a registered person', () => {
    spec.given([]).when(cmd('RecordConsent', consent)).thenRefuses(PersonErrors.NOT_FOUND);
  });

  it('withdraws a standing consent, after which sharing on it stops', () => {
    const state = spec
      .given([registered(), given])
      .when(cmd('WithdrawConsent', { consentId, occurredAt: later }))
      .then([withdrawn]);
    expect(consentStanding(state, 'identity_verification', 'CN-GX-PSD')).toBe('withdrawn');
  });

  it('a later consent for the same purpose and recipient stands again after a withdrawal', () => {
    const again = { ...given, data: { ...given.data, consentId: newId(), occurredAt: later } };
    const state = spec
      .given([registered(), given, withdrawn])
      .when(cmd('RecordConsent', { ...consent, consentId: again.data.consentId, occurredAt: later }))
      .then([again]);
    expect(consentStanding(state, 'identity_verification', 'CN-GX-PSD')).toBe('given');
  });

  it('withdraws only once, and only what was given', () => {
    spec
      .given([registered(), given, withdrawn])
      .when(cmd('WithdrawConsent', { consentId, occurredAt: later }))
      .thenRefuses(PersonErrors.CONSENT_NOT_ACTIVE);
    const refused = { ...given, type: 'ConsentRefused' } as const;
    spec
      .given([registered(), refused])
      .when(cmd('WithdrawConsent', { consentId, occurredAt: later }))
      .thenRefuses(PersonErrors.CONSENT_NOT_ACTIVE);
    spec
      .given([registered()])
      .when(cmd('WithdrawConsent', { consentId, occurredAt: later }))
      .thenRefuses(PersonErrors.CONSENT_NOT_FOUND);
  });

  it('refuses a withdrawal dated before the consent', () => {
    spec
      .given([registered(), given])
      .when(cmd('WithdrawConsent', { consentId, occurredAt: parseZoned('2026-03-01T09:00:00+07:00') }))
      .thenRefuses(PersonErrors.INVALID_TIME);
  });
});

describe('Legal hold', () => {
  it('is placed with the proceedings reference', () => {
    const state = spec
      .given([registered()])
      .when(cmd('PlaceLegalHold', { proceedingsRef: ' VKS-LS 12/2026 ' }))
      .then([held]);
    expect(state).toMatchObject({ legalHold: { proceedingsRef: 'VKS-LS 12/2026' } });
  });

  it('needs the proceedings reference', () => {
    spec
      .given([registered()])
      .when(cmd('PlaceLegalHold', { proceedingsRef: ' ' }))
      .thenRefuses(PersonErrors.PROCEEDINGS_REF_REQUIRED);
  });

  it('placing the same hold again changes nothing; another proceedings’ hold is refused', () => {
    spec
      .given([registered(), held])
      .when(cmd('PlaceLegalHold', { proceedingsRef: 'VKS-LS 12/2026' }))
      .thenNothingHappened();
    spec
      .given([registered(), held])
      .when(cmd('PlaceLegalHold', { proceedingsRef: 'TA-LS 3/2026' }))
      .thenRefuses(PersonErrors.LEGAL_HOLD_EXISTS);
  });

  it('refuses erasure while the hold stands, and allows it once released', () => {
    spec
      .given([registered(), held])
      .when(cmd('RecordErasure', { reason: 'yêu cầu' }))
      .thenRefuses(PersonErrors.LEGAL_HOLD);
    const released = {
      type: 'LegalHoldReleased',
      data: { personId, caseId, proceedingsRef: 'VKS-LS 12/2026', reason: 'bản án có hiệu lực' },
    } as const;
    const state = spec
      .given([registered(), held])
      .when(cmd('ReleaseLegalHold', { reason: 'bản án có hiệu lực' }))
      .then([released]);
    expect(state).not.toHaveProperty('legalHold');
    spec
      .given([registered(), held, released])
      .when(cmd('RecordErasure', { reason: 'yêu cầu' }))
      .then([erased]);
  });

  it('a release needs a reason, and releasing what is not held changes nothing', () => {
    spec
      .given([registered(), held])
      .when(cmd('ReleaseLegalHold', { reason: '' }))
      .thenRefuses(PersonErrors.REASON_REQUIRED);
    spec
      .given([registered()])
      .when(cmd('ReleaseLegalHold', { reason: 'x' }))
      .thenNothingHappened();
  });

  it('cannot hold data that is already erased', () => {
    spec
      .given([registered(), erased])
      .when(cmd('PlaceLegalHold', { proceedingsRef: 'VKS-LS 12/2026' }))
      .thenRefuses(PersonErrors.ERASED);
  });

  it('survives identification steps', () => {
    const state = spec
      .given([registered(), held, given])
      .when(cmd('BeginIdentification', {}))
      .then([{ type: 'IdentificationBegun', data: { personId, caseId, basis: null } }]);
    expect(state).toMatchObject({ legalHold: { proceedingsRef: 'VKS-LS 12/2026' }, consents: [{ consentId }] });
  });
});
