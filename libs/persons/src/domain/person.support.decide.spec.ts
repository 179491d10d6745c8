import { newId, parseZoned } from '#shared-kernel';
import { deciderSpec } from '#testing';
import { personDecider } from './person.decider.js';
import { PersonErrors as E } from './person.errors.js';
import type { ConsentGiven, PersonEvent, PersonRegistered, ReferralMade } from './person.events.js';
import type { PersonRole } from './person.values.js';
import { RECORDED_BY, SEALED, commandsBy, liaisonOfficer, personRegistered } from './person.spec-fixtures.js';

const recordedBy = RECORDED_BY;
const spec = deciderSpec(personDecider);
const cmd = commandsBy(liaisonOfficer('lang-son'));

const personId = newId();
const caseId = newId();
const supportId = newId();
const referralId = newId();
const consentId = newId();
const at = parseZoned('2026-03-05T09:00:00+07:00');
const later = parseZoned('2026-03-06T09:00:00+07:00');
const before = parseZoned('2026-03-04T09:00:00+07:00');

const registered = (role: PersonRole = 'presumed_victim'): PersonRegistered =>
  personRegistered({ personId, caseId }, role);
const consentFor = (recipient: string): ConsentGiven => ({
  type: 'ConsentGiven',
  data: {
    personId,
    caseId,
    consentId,
    purpose: 'referral_to_services',
    recipient,
    givenBy: 'person',
    formSha256: 'a'.repeat(64),
    occurredAt: at,
  },
});
const withdrawn = { type: 'ConsentWithdrawn', data: { personId, caseId, consentId, occurredAt: at } } as const;
const erased = { type: 'PersonalDataErased', data: { personId, caseId, reason: 'yêu cầu' } } as const;

const support = {
  supportId,
  kind: 'medical_care',
  provider: 'Trung tâm Y tế huyện Văn Lãng',
  note: SEALED,
  occurredAt: at,
};
const referral = {
  referralId,
  service: 'social_protection_centre',
  receivingUnit: 'Cơ sở BTXH Lạng Sơn',
  occurredAt: at,
};
const made: ReferralMade = {
  type: 'ReferralMade',
  data: {
    personId,
    caseId,
    referralId,
    service: 'social_protection_centre',
    receivingUnit: 'Cơ sở BTXH Lạng Sơn',
    consentId,
    exemption: null,
    note: null,
    occurredAt: at,
    recordedBy,
  },
};
const answerFacts = { personId, caseId, referralId, occurredAt: later, recordedBy };
const accepted = { type: 'ReferralAccepted', data: answerFacts } as const;
const declined = { type: 'ReferralDeclined', data: { ...answerFacts, reason: 'no_capacity' } } as const;
const withConsent: PersonEvent[] = [registered(), consentFor('social_protection_centre')];

describe('Essential support', () => {
  it.each(['presumed_victim', 'victim', 'accompanying_minor'] as const)('is recorded for a %s', (role) => {
    const state = spec
      .given([registered(role)])
      .when(cmd('RecordSupport', support))
      .then([
        {
          type: 'SupportProvided',
          data: { personId, caseId, ...support, kind: 'medical_care', recordedBy },
        },
      ]);
    expect(state.status !== 'none' && state.supports?.map((s) => s.kind)).toEqual(['medical_care']);
  });

  it.each(['relative', 'suspect'] as const)('is refused for a %s', (role) => {
    spec
      .given([registered(role)])
      .when(cmd('RecordSupport', support))
      .thenRefuses(E.NOT_ELIGIBLE_FOR_SUPPORT);
  });

  it('is refused once identification concluded the person is not a victim', () => {
    spec
      .given([
        registered(),
        { type: 'IdentificationBegun', data: { personId, caseId, basis: null } },
        { type: 'IdentificationNotConfirmed', data: { personId, caseId, reason: 'không đủ căn cứ' } },
      ])
      .when(cmd('RecordSupport', support))
      .thenRefuses(E.NOT_ELIGIBLE_FOR_SUPPORT);
  });

  it('needs the note sealed: free text in clear is refused', () => {
    spec
      .given([registered()])
      .when(cmd('RecordSupport', { ...support, note: 'Chị Hoa bị sốt' }))
      .thenRefuses(E.PERSONAL_DATA_NOT_SEALED);
  });

  it.each([
    ['an unknown kind', { kind: 'cash' }],
    ['a blank provider', { provider: '  ' }],
    ['a provider that is a text, not a name', { provider: 'x'.repeat(121) }],
  ])('refuses %s', (_what, change) => {
    spec
      .given([registered()])
      .when(cmd('RecordSupport', { ...support, ...change }))
      .thenRefuses(E.INVALID_SUPPORT);
  });

  it('refuses the same support twice and anything about an erased person or nobody', () => {
    const first = { type: 'SupportProvided', data: { personId, caseId, ...support, kind: 'medical_care', recordedBy } };
    spec
      .given([registered(), first as PersonEvent])
      .when(cmd('RecordSupport', support))
      .thenRefuses(E.SUPPORT_EXISTS);
    spec.given([registered(), erased]).when(cmd('RecordSupport', support)).thenRefuses(E.ERASED);
    spec.given([]).when(cmd('RecordSupport', support)).thenRefuses(E.NOT_FOUND);
  });
});

describe('Referral', () => {
  it('goes ahead on the person’s consent for that service and names it', () => {
    spec.given(withConsent).when(cmd('MakeReferral', referral)).then([made]);
  });

  it('needs consent for the same service: consent for another one does not count', () => {
    spec
      .given([registered(), consentFor('health_facility')])
      .when(cmd('MakeReferral', referral))
      .thenRefuses(E.REFERRAL_CONSENT_REQUIRED);
  });

  it('is refused once the consent was withdrawn', () => {
    spec
      .given([...withConsent, withdrawn])
      .when(cmd('MakeReferral', referral))
      .thenRefuses(E.REFERRAL_CONSENT_REQUIRED);
  });

  it('goes ahead without consent on a listed exemption, which is recorded', () => {
    spec
      .given([registered('accompanying_minor')])
      .when(cmd('MakeReferral', { ...referral, exemption: 'urgent_child_protection' }))
      .then([{ ...made, data: { ...made.data, consentId: null, exemption: 'urgent_child_protection' } }]);
  });

  it('to the family names the relatives only in the sealed note', () => {
    const family = {
      referralId,
      service: 'family',
      exemption: 'urgent_child_protection',
      note: SEALED,
      occurredAt: at,
    };
    spec
      .given([registered()])
      .when(cmd('MakeReferral', family))
      .then([
        {
          ...made,
          data: {
            ...made.data,
            service: 'family',
            receivingUnit: null,
            consentId: null,
            exemption: 'urgent_child_protection',
            note: SEALED,
          },
        },
      ]);
    spec
      .given([registered()])
      .when(cmd('MakeReferral', { ...family, receivingUnit: 'Nguyễn Văn Bố' }))
      .thenRefuses(E.INVALID_REFERRAL);
  });

  it.each([
    ['an unknown service', { service: 'church' }],
    ['an unknown exemption', { exemption: 'convenience' }],
    ['a missing receiving unit', { receivingUnit: '' }],
  ])('refuses %s', (_what, change) => {
    spec
      .given(withConsent)
      .when(cmd('MakeReferral', { ...referral, ...change }))
      .thenRefuses(E.INVALID_REFERRAL);
  });

  it('refuses a note in clear, a repeated id, and a relative', () => {
    spec
      .given(withConsent)
      .when(cmd('MakeReferral', { ...referral, note: 'bố tên Nguyễn Văn A' }))
      .thenRefuses(E.PERSONAL_DATA_NOT_SEALED);
    spec
      .given([...withConsent, made])
      .when(cmd('MakeReferral', referral))
      .thenRefuses(E.REFERRAL_EXISTS);
    spec
      .given([registered('relative'), consentFor('social_protection_centre')])
      .when(cmd('MakeReferral', referral))
      .thenRefuses(E.NOT_ELIGIBLE_FOR_SUPPORT);
  });

  it('is accepted, then completed', () => {
    spec
      .given([...withConsent, made])
      .when(cmd('AnswerReferral', { referralId, answer: 'accepted', occurredAt: later }))
      .then([accepted]);
    const state = spec
      .given([...withConsent, made, accepted])
      .when(cmd('CompleteReferral', { referralId, occurredAt: later }))
      .then([{ type: 'ReferralCompleted', data: answerFacts }]);
    expect(state.status !== 'none' && state.referrals?.[0].state).toBe('completed');
  });

  it('is declined with a reason code, and only with one', () => {
    spec
      .given([...withConsent, made])
      .when(cmd('AnswerReferral', { referralId, answer: 'declined', reason: 'no_capacity', occurredAt: later }))
      .then([declined]);
    spec
      .given([...withConsent, made])
      .when(cmd('AnswerReferral', { referralId, answer: 'declined', occurredAt: later }))
      .thenRefuses(E.INVALID_REFERRAL);
    spec
      .given([...withConsent, made])
      .when(cmd('AnswerReferral', { referralId, answer: 'maybe', occurredAt: later }))
      .thenRefuses(E.INVALID_REFERRAL);
  });

  it('is answered once', () => {
    for (const answer of [accepted, declined])
      spec
        .given([...withConsent, made, answer])
        .when(cmd('AnswerReferral', { referralId, answer: 'accepted', occurredAt: later }))
        .thenRefuses(E.REFERRAL_ALREADY_ANSWERED);
  });

  it('completes only when accepted', () => {
    for (const history of [[made], [made, declined]])
      spec
        .given([...withConsent, ...history])
        .when(cmd('CompleteReferral', { referralId, occurredAt: later }))
        .thenRefuses(E.REFERRAL_NOT_ACCEPTED);
    spec
      .given([...withConsent, made, accepted, { type: 'ReferralCompleted', data: answerFacts }])
      .when(cmd('CompleteReferral', { referralId, occurredAt: later }))
      .thenRefuses(E.REFERRAL_NOT_ACCEPTED);
  });

  it('refuses an answer before the referral and an answer to no referral', () => {
    spec
      .given([...withConsent, made])
      .when(cmd('AnswerReferral', { referralId, answer: 'accepted', occurredAt: before }))
      .thenRefuses(E.INVALID_TIME);
    spec
      .given(withConsent)
      .when(cmd('AnswerReferral', { referralId, answer: 'accepted', occurredAt: later }))
      .thenRefuses(E.REFERRAL_NOT_FOUND);
    spec
      .given(withConsent)
      .when(cmd('CompleteReferral', { referralId, occurredAt: later }))
      .thenRefuses(E.REFERRAL_NOT_FOUND);
  });
});
