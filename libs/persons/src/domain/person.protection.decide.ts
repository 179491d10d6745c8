import { invalid, isOneOf, refuse, required, toInstant } from '#shared-kernel';
import type {
  PersonProtectionCommand,
  PlaceLegalHold,
  RecordConsent,
  ReleaseLegalHold,
  WithdrawConsent,
} from './person.protection.commands.js';
import type { PersonProtectionEvent } from './person.protection.events.js';
import { CONSENT_DECISIONS, CONSENT_GIVERS, CONSENT_PURPOSES, SHA256_HEX } from './person.protection.values.js';
import { PersonErrors as E } from './person.errors.js';
import type { RegisteredPerson } from './person.state.js';

/** Nothing new may be said about the data of a person whose data is gone. */
function notErased(person: RegisteredPerson, what: string): void {
  if (person.erased) refuse(E.ERASED, `the personal data of this person was erased; ${what} has nothing to apply to`);
}

/**
 * A decision on consent, as the signed form records it. A given consent needs the form's hash (the
 * paper is the evidence; the record proves which paper). A person under 18 does not decide alone.
 */
function recordConsent(command: RecordConsent, person: RegisteredPerson): PersonProtectionEvent[] {
  notErased(person, 'consent');
  const d = command.data;
  if (!isOneOf(CONSENT_DECISIONS, d.decision) || !isOneOf(CONSENT_PURPOSES, d.purpose)) {
    return invalid(E.INVALID_CONSENT, 'the consent decision or purpose is outside its vocabulary');
  }
  if (!isOneOf(CONSENT_GIVERS, d.givenBy)) return invalid(E.INVALID_CONSENT, 'who decided is outside its vocabulary');
  const consentId = required(d.consentId, E.ID_REQUIRED, 'consent id');
  const recipient = required(d.recipient, E.INVALID_CONSENT, 'the recipient');
  const formSha256 = typeof d.formSha256 === 'string' ? d.formSha256.trim().toLowerCase() : null;
  if (formSha256 !== null && !SHA256_HEX.test(formSha256)) {
    return invalid(E.INVALID_CONSENT, 'the form hash must be a SHA-256 of 64 hex digits');
  }
  if (d.decision === 'given' && formSha256 === null) {
    return invalid(E.CONSENT_FORM_REQUIRED, 'a given consent needs the SHA-256 of the signed form');
  }
  if ((person.consents ?? []).some((c) => c.consentId === consentId)) {
    return refuse(E.CONSENT_EXISTS, 'a consent with this id is already recorded');
  }
  if (person.ageBand === 'under_18' && d.givenBy === 'person') {
    return refuse(E.CONSENT_NEEDS_REPRESENTATIVE, 'for a person under 18 the legal representative decides');
  }
  const { personId, caseId } = person;
  const data = { personId, caseId, consentId, purpose: d.purpose, recipient, givenBy: d.givenBy, formSha256 };
  return [
    { type: d.decision === 'given' ? 'ConsentGiven' : 'ConsentRefused', data: { ...data, occurredAt: d.occurredAt } },
  ];
}

/** Only a standing consent can be withdrawn, and not before it was given. */
function withdrawConsent(command: WithdrawConsent, person: RegisteredPerson): PersonProtectionEvent[] {
  const consent = (person.consents ?? []).find((c) => c.consentId === command.data.consentId);
  if (!consent) return refuse(E.CONSENT_NOT_FOUND, 'no consent with this id for this person', 'not_found');
  if (consent.decision !== 'given' || consent.withdrawnAt) {
    return refuse(E.CONSENT_NOT_ACTIVE, 'only a given consent that stands can be withdrawn');
  }
  if (toInstant(command.data.occurredAt) < toInstant(consent.occurredAt)) {
    return invalid(E.INVALID_TIME, 'a consent cannot be withdrawn before it was given');
  }
  const { personId, caseId } = person;
  return [
    {
      type: 'ConsentWithdrawn',
      data: { personId, caseId, consentId: consent.consentId, occurredAt: command.data.occurredAt },
    },
  ];
}

/**
 * One hold at a time, named by its proceedings. Placing the same hold again changes nothing (a
 * repeated order after a lost answer); another proceedings' hold is refused while one stands.
 */
function placeHold(command: PlaceLegalHold, person: RegisteredPerson): PersonProtectionEvent[] {
  notErased(person, 'a legal hold');
  const proceedingsRef = required(command.data.proceedingsRef, E.PROCEEDINGS_REF_REQUIRED, 'the proceedings reference');
  if (person.legalHold?.proceedingsRef === proceedingsRef) return [];
  if (person.legalHold) return refuse(E.LEGAL_HOLD_EXISTS, 'a legal hold of other proceedings already stands');
  return [{ type: 'LegalHoldPlaced', data: { personId: person.personId, caseId: person.caseId, proceedingsRef } }];
}

/** Releasing needs a reason; releasing what is not held changes nothing, like a repeated erasure. */
function releaseHold(command: ReleaseLegalHold, person: RegisteredPerson): PersonProtectionEvent[] {
  const reason = required(command.data.reason, E.REASON_REQUIRED, 'a reason');
  if (!person.legalHold) return [];
  const { personId, caseId } = person;
  return [
    { type: 'LegalHoldReleased', data: { personId, caseId, proceedingsRef: person.legalHold.proceedingsRef, reason } },
  ];
}

export function decideProtection(command: PersonProtectionCommand, person: RegisteredPerson): PersonProtectionEvent[] {
  switch (command.type) {
    case 'RecordConsent':
      return recordConsent(command, person);
    case 'WithdrawConsent':
      return withdrawConsent(command, person);
    case 'PlaceLegalHold':
      return placeHold(command, person);
    case 'ReleaseLegalHold':
      return releaseHold(command, person);
  }
}
