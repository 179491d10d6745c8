import { type Actor, invalid, isOneOf, refuse, required, toInstant } from '#shared-kernel';
import type {
  AnswerReferral,
  CompleteReferral,
  MakeReferral,
  PersonSupportCommand,
  RecordScreening,
  RecordSupport,
} from './person.support.commands.js';
import type { PersonSupportEvent, RecordedBy } from './person.support.events.js';
import {
  EXPLOITATION_TYPES,
  INDICATOR_RESULTS,
  REFERRAL_DECLINE_REASONS,
  REFERRAL_EXEMPTIONS,
  REFERRAL_SERVICES,
  SCREENING_GROUPS,
  SUPPORT_KINDS,
  SUPPORTED_ROLES,
  UNIT_NAME_MAX,
} from './person.support.values.js';
import { PersonErrors as E } from './person.errors.js';
import { consentStanding } from './person.selectors.js';
import type { ReferralRecord, RegisteredPerson } from './person.state.js';
import { looksSealed } from './person.values.js';

const by = (actor: Actor): RecordedBy => ({ userId: actor.userId, unitId: actor.unitId });

/**
 * Support is for victims, presumed or identified, and the children travelling with them; not for
 * relatives or suspects, nor once identification concluded the person is not a victim. Nothing
 * new is recorded about a person whose data was erased.
 */
function eligible(person: RegisteredPerson): void {
  if (!isOneOf(SUPPORTED_ROLES, person.role) || person.status === 'not_confirmed') {
    refuse(
      E.NOT_ELIGIBLE_FOR_SUPPORT,
      `support and referrals are for victims and accompanying minors, not a ${person.role}`,
    );
  }
  if (person.erased) refuse(E.ERASED, 'the personal data of this person was erased');
}

/** A unit's name in clear: short, one line. Longer text is a note and must be sealed. */
function unitName(value: string | undefined, code: string, what: string): string {
  const name = required(value, code, what);
  return name.length > UNIT_NAME_MAX || /[\r\n]/.test(name)
    ? invalid(code, `${what} is a unit's name, not a text`)
    : name;
}

const sealedNote = (note: string | undefined): string | null => {
  if (note === undefined || note === '') return null;
  return looksSealed(note) ? note : invalid(E.PERSONAL_DATA_NOT_SEALED, 'a note about a person must arrive sealed');
};

function recordSupport(command: RecordSupport, person: RegisteredPerson): PersonSupportEvent[] {
  eligible(person);
  const d = command.data;
  if (!isOneOf(SUPPORT_KINDS, d.kind))
    return invalid(E.INVALID_SUPPORT, 'the kind of support is outside its vocabulary');
  const supportId = required(d.supportId, E.ID_REQUIRED, 'support id');
  const provider = unitName(d.provider, E.INVALID_SUPPORT, 'the provider');
  const note = sealedNote(d.note);
  if ((person.supports ?? []).some((s) => s.supportId === supportId)) {
    return refuse(E.SUPPORT_EXISTS, 'support with this id is already recorded');
  }
  const { personId, caseId } = person;
  return [
    {
      type: 'SupportProvided',
      data: {
        personId,
        caseId,
        supportId,
        kind: d.kind,
        provider,
        note,
        occurredAt: d.occurredAt,
        recordedBy: by(command.meta.actor),
      },
    },
  ];
}

/**
 * A referral passes the person's data to a service, so it needs their consent for
 * `referral_to_services` with that service (the recipient is the service code) — or a listed
 * exemption, such as a child in danger, which is recorded instead.
 */
function makeReferral(command: MakeReferral, person: RegisteredPerson): PersonSupportEvent[] {
  eligible(person);
  const d = command.data;
  if (!isOneOf(REFERRAL_SERVICES, d.service))
    return invalid(E.INVALID_REFERRAL, 'the service is outside its vocabulary');
  const referralId = required(d.referralId, E.ID_REQUIRED, 'referral id');
  // Relatives' names are personal data: a family referral keeps them in the sealed note.
  const receivingUnit =
    d.service === 'family'
      ? d.receivingUnit
        ? invalid(E.INVALID_REFERRAL, 'a referral to the family names the relatives only in the sealed note')
        : null
      : unitName(d.receivingUnit, E.INVALID_REFERRAL, 'the receiving unit');
  const exemption = d.exemption ?? null;
  if (exemption !== null && !isOneOf(REFERRAL_EXEMPTIONS, exemption)) {
    return invalid(E.INVALID_REFERRAL, 'the exemption from consent is outside its vocabulary');
  }
  const note = sealedNote(d.note);
  if ((person.referrals ?? []).some((r) => r.referralId === referralId)) {
    return refuse(E.REFERRAL_EXISTS, 'a referral with this id is already recorded');
  }
  let consentId: string | null = null;
  if (exemption === null) {
    if (consentStanding(person, 'referral_to_services', d.service) !== 'given') {
      return refuse(
        E.REFERRAL_CONSENT_REQUIRED,
        'a referral needs consent for referral to this service, or an exemption',
      );
    }
    const consent = (person.consents ?? [])
      .filter((c) => c.purpose === 'referral_to_services' && c.recipient === d.service)
      .at(-1);
    consentId = consent?.consentId ?? null;
  }
  const { personId, caseId } = person;
  const data = { personId, caseId, referralId, service: d.service, receivingUnit, consentId, exemption, note };
  return [{ type: 'ReferralMade', data: { ...data, occurredAt: d.occurredAt, recordedBy: by(command.meta.actor) } }];
}

function referralOf(person: RegisteredPerson, referralId: string): ReferralRecord {
  const found = (person.referrals ?? []).find((r) => r.referralId === referralId);
  return found ?? refuse(E.REFERRAL_NOT_FOUND, 'no referral with this id for this person', 'not_found');
}

function notBefore(later: RecordSupport['data']['occurredAt'], earlier: RecordSupport['data']['occurredAt']): void {
  if (toInstant(later) < toInstant(earlier)) invalid(E.INVALID_TIME, 'an answer cannot come before the referral');
}

/** The receiving service answers once: accepted, or declined with a reason code. */
function answerReferral(command: AnswerReferral, person: RegisteredPerson): PersonSupportEvent[] {
  const d = command.data;
  const referral = referralOf(person, d.referralId);
  if (referral.state !== 'made')
    return refuse(E.REFERRAL_ALREADY_ANSWERED, 'the service already answered this referral');
  notBefore(d.occurredAt, referral.occurredAt);
  const facts = {
    personId: person.personId,
    caseId: person.caseId,
    referralId: referral.referralId,
    occurredAt: d.occurredAt,
    recordedBy: by(command.meta.actor),
  };
  if (d.answer === 'accepted') return [{ type: 'ReferralAccepted', data: facts }];
  if (d.answer !== 'declined') return invalid(E.INVALID_REFERRAL, 'the answer is accepted or declined');
  if (!isOneOf(REFERRAL_DECLINE_REASONS, d.reason)) {
    return invalid(E.INVALID_REFERRAL, 'a declined referral needs a reason from its vocabulary');
  }
  return [{ type: 'ReferralDeclined', data: { ...facts, reason: d.reason } }];
}

/** Only an accepted referral completes; a declined one never started, a completed one is done. */
function completeReferral(command: CompleteReferral, person: RegisteredPerson): PersonSupportEvent[] {
  const referral = referralOf(person, command.data.referralId);
  if (referral.state !== 'accepted') {
    return refuse(E.REFERRAL_NOT_ACCEPTED, `only an accepted referral can be completed; this one is ${referral.state}`);
  }
  notBefore(command.data.occurredAt, referral.answeredAt ?? referral.occurredAt);
  const { personId, caseId } = person;
  const data = { personId, caseId, referralId: referral.referralId, occurredAt: command.data.occurredAt };
  return [{ type: 'ReferralCompleted', data: { ...data, recordedBy: by(command.meta.actor) } }];
}

/** A screening names the group, at least one exploitation type unless none was found, and the result. */
function recordScreening(command: RecordScreening, person: RegisteredPerson): PersonSupportEvent[] {
  eligible(person);
  const d = command.data;
  if (!isOneOf(SCREENING_GROUPS, d.group) || !isOneOf(INDICATOR_RESULTS, d.result)) {
    return invalid(E.INVALID_SCREENING, 'the group or the result is outside its vocabulary');
  }
  const types = Array.isArray(d.exploitationTypes) ? [...new Set(d.exploitationTypes)] : [];
  if (!types.every((t) => isOneOf(EXPLOITATION_TYPES, t))) {
    return invalid(E.INVALID_SCREENING, 'an exploitation type is outside the CTDC vocabulary');
  }
  if (d.result === 'indicators_present' && types.length === 0) {
    return invalid(E.INVALID_SCREENING, 'indicators present needs at least one exploitation type');
  }
  if (d.result === 'no_indicators' && types.length > 0) {
    return invalid(E.INVALID_SCREENING, 'no indicators cannot name an exploitation type');
  }
  const screeningId = required(d.screeningId, E.ID_REQUIRED, 'screening id');
  if ((person.screenings ?? []).some((s) => s.screeningId === screeningId)) {
    return refuse(E.SCREENING_EXISTS, 'a screening with this id is already recorded');
  }
  const { personId, caseId } = person;
  const data = { personId, caseId, screeningId, group: d.group, exploitationTypes: types, result: d.result };
  return [
    { type: 'ScreeningRecorded', data: { ...data, occurredAt: d.occurredAt, recordedBy: by(command.meta.actor) } },
  ];
}

export function decideSupport(command: PersonSupportCommand, person: RegisteredPerson): PersonSupportEvent[] {
  switch (command.type) {
    case 'RecordSupport':
      return recordSupport(command, person);
    case 'MakeReferral':
      return makeReferral(command, person);
    case 'AnswerReferral':
      return answerReferral(command, person);
    case 'CompleteReferral':
      return completeReferral(command, person);
    case 'RecordScreening':
      return recordScreening(command, person);
  }
}
