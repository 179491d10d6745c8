import { assertNever, refuse, invalid, required, optional } from '#shared-kernel';
import type {
  BeginIdentification,
  ConcludeNotConfirmed,
  ConfirmVictim,
  CorrectPersonalData,
  PersonCommand,
  RecordErasure,
  RegisterPerson,
  ReopenIdentification,
} from './person.commands.js';
import { PersonErrors } from './person.errors.js';
import { decideProtection } from './person.protection.decide.js';
import { decideSupport } from './person.support.decide.js';
import type { PersonEvent } from './person.events.js';
import type { PersonState, RegisteredPerson } from './person.state.js';
import { AGE_BANDS, PERSON_ROLES, initialIdentificationStatus, isOneOf, looksSealed } from './person.values.js';

const sealed = (personal: string): string =>
  looksSealed(personal)
    ? personal
    : invalid(PersonErrors.PERSONAL_DATA_NOT_SEALED, 'personal data must arrive sealed (encrypted)');

function existing(state: PersonState): RegisteredPerson {
  return state.status === 'none' ? refuse(PersonErrors.NOT_FOUND, 'person not found', 'not_found') : state;
}

/** Relatives and suspects are never identified as victims of this case. */
function onVictimTrack(state: PersonState): Exclude<RegisteredPerson, { status: 'not_on_victim_track' }> {
  const found = existing(state);
  return found.status === 'not_on_victim_track'
    ? refuse(PersonErrors.NOT_ON_VICTIM_TRACK, `a ${found.role} is not on the victim identification track`)
    : found;
}

const wrongStep = (status: string, step: string): never =>
  refuse(PersonErrors.INVALID_TRANSITION, `cannot ${step} while identification is ${status}`);

function register(command: RegisterPerson, state: PersonState): PersonEvent[] {
  if (state.status !== 'none') return refuse(PersonErrors.ALREADY_EXISTS, 'person already exists');
  const d = command.data;
  if (!isOneOf(PERSON_ROLES, d.role)) return invalid(PersonErrors.INVALID_ROLE, 'unknown person role');
  if (!isOneOf(AGE_BANDS, d.ageBand)) return invalid(PersonErrors.INVALID_AGE_BAND, 'unknown age band');
  if (d.role === 'accompanying_minor' && d.ageBand === 'adult') {
    return invalid(PersonErrors.AGE_BAND_CONFLICT, 'an accompanying minor cannot be in the adult age band');
  }
  return [
    {
      type: 'PersonRegistered',
      data: {
        personId: required(d.personId, PersonErrors.ID_REQUIRED, 'person id'),
        caseId: required(d.caseId, PersonErrors.ID_REQUIRED, 'case id'),
        role: d.role,
        ageBand: d.ageBand,
        personal: sealed(d.personal),
        identification: initialIdentificationStatus(d.role),
      },
    },
  ];
}

/**
 * A presumed victim enters identification; so may an accompanying minor. Law 53/2024 supports a
 * child travelling with a victim as an accompanying person, but that child may have been trafficked
 * too, and only identification gives them a victim's own protections, so the track is open to them
 * (their role stays accompanying_minor for the statistics).
 */
function begin(command: BeginIdentification, state: PersonState): PersonEvent[] {
  const found = onVictimTrack(state);
  if (found.status !== 'presumed' && found.status !== 'accompanying')
    return wrongStep(found.status, 'begin identification');
  const { personId, caseId } = found;
  return [{ type: 'IdentificationBegun', data: { personId, caseId, basis: optional(command.data.basis) } }];
}

/** Identification rests on at least one evidence basis (Art. 32); the confirming document is Art. 33. */
function confirm(command: ConfirmVictim, state: PersonState): PersonEvent[] {
  const found = onVictimTrack(state);
  if (found.status !== 'under_identification') return wrongStep(found.status, 'confirm a victim');
  const bases = [...new Set((command.data.evidenceBases ?? []).map((b) => (typeof b === 'string' ? b.trim() : '')))];
  const evidenceBases = bases.filter((b) => b.length > 0);
  if (evidenceBases.length === 0)
    return invalid(PersonErrors.EVIDENCE_REQUIRED, 'at least one evidence basis is required');
  const { personId, caseId } = found;
  return [
    {
      type: 'VictimIdentified',
      data: { personId, caseId, evidenceBases, documentRef: optional(command.data.documentRef) },
    },
  ];
}

function conclude(command: ConcludeNotConfirmed, state: PersonState): PersonEvent[] {
  const found = onVictimTrack(state);
  if (found.status !== 'under_identification') return wrongStep(found.status, 'conclude identification');
  const reason = required(command.data.reason, PersonErrors.REASON_REQUIRED, 'reason');
  return [{ type: 'IdentificationNotConfirmed', data: { personId: found.personId, caseId: found.caseId, reason } }];
}

/** Only a not-confirmed conclusion reopens: new evidence may change it, an identification stands. */
function reopen(command: ReopenIdentification, state: PersonState): PersonEvent[] {
  const found = onVictimTrack(state);
  if (found.status !== 'not_confirmed') return wrongStep(found.status, 'reopen identification');
  const newEvidence = required(command.data.newEvidence, PersonErrors.EVIDENCE_REQUIRED, 'new evidence');
  return [{ type: 'IdentificationReopened', data: { personId: found.personId, caseId: found.caseId, newEvidence } }];
}

function correct(command: CorrectPersonalData, state: PersonState): PersonEvent[] {
  const found = existing(state);
  if (found.erased) refuse(PersonErrors.ERASED, 'the personal data of this person was erased', 'rule');
  const personal = sealed(command.data.personal);
  if (personal === found.personal) return [];
  return [{ type: 'PersonalDataCorrected', data: { personId: found.personId, caseId: found.caseId, personal } }];
}

/** Erasure is final and recorded once; a repeated order changes nothing. */
function erase(command: RecordErasure, state: PersonState): PersonEvent[] {
  const found = existing(state);
  if (found.erased) return [];
  if (found.legalHold) refuse(PersonErrors.LEGAL_HOLD, 'proceedings hold the personal data; release the hold first');
  const reason = required(command.data.reason, PersonErrors.REASON_REQUIRED, 'a reason');
  return [{ type: 'PersonalDataErased', data: { personId: found.personId, caseId: found.caseId, reason } }];
}

export function decidePerson(command: PersonCommand, state: PersonState): readonly PersonEvent[] {
  switch (command.type) {
    case 'RecordErasure':
      return erase(command, state);
    case 'RegisterPerson':
      return register(command, state);
    case 'BeginIdentification':
      return begin(command, state);
    case 'ConfirmVictim':
      return confirm(command, state);
    case 'ConcludeNotConfirmed':
      return conclude(command, state);
    case 'ReopenIdentification':
      return reopen(command, state);
    case 'CorrectPersonalData':
      return correct(command, state);
    case 'RecordConsent':
    case 'WithdrawConsent':
    case 'PlaceLegalHold':
    case 'ReleaseLegalHold':
      return decideProtection(command, existing(state));
    case 'RecordSupport':
    case 'MakeReferral':
    case 'AnswerReferral':
    case 'CompleteReferral':
    case 'RecordScreening':
      return decideSupport(command, existing(state));
    default:
      return assertNever(command);
  }
}
