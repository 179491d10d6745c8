import {
  assertNever,
  checkPriorityChange,
  decideDisclosure,
  isPriority,
  holdsForRelease,
  refuse,
  releaseOfficerOf,
  invalid,
  required,
  optional,
} from '#shared-kernel';
import type {
  AnswerVerification,
  ExtendVerification,
  RequestVerification,
  VerificationCommand,
  WithdrawVerification,
} from './verification.commands.js';
import { VerificationErrors } from './verification.errors.js';
import type { VerificationAnswered, VerificationEvent, VerificationRequestData } from './verification.events.js';
import { decideVerificationRelease } from './verification.release.decide.js';
import { instant } from './verification.instant.js';
import type { OpenVerification, VerificationState } from './verification.state.js';
import {
  VERIFICATION_DIRECTIONS,
  VERIFICATION_RESULTS,
  VERIFICATION_SUBJECTS,
  isOneOf,
  type VerificationResult,
} from './verification.values.js';

/** Answered and withdrawn requests are final: nothing more happens to them. */
function stillOpen(state: VerificationState): OpenVerification {
  switch (state.status) {
    case 'none':
      return refuse(VerificationErrors.NOT_FOUND, 'verification request not found', 'not_found');
    case 'draft':
      return refuse(VerificationErrors.NOT_SENT, 'the request is a draft awaiting release: it was not sent');
    case 'answered':
      return refuse(VerificationErrors.ALREADY_ANSWERED, 'verification request was already answered');
    case 'withdrawn':
      return refuse(VerificationErrors.WITHDRAWN, 'verification request was withdrawn');
    case 'requested':
    case 'extended':
      return state;
    default:
      return assertNever(state);
  }
}

function request(command: RequestVerification, state: VerificationState): VerificationEvent[] {
  if (state.status !== 'none') return refuse(VerificationErrors.ALREADY_EXISTS, 'verification request already exists');
  const d = command.data;
  if (!isOneOf(VERIFICATION_DIRECTIONS, d.direction))
    return invalid(VerificationErrors.INVALID_DIRECTION, 'unknown direction');
  if (!isOneOf(VERIFICATION_SUBJECTS, d.subject)) return invalid(VerificationErrors.INVALID_SUBJECT, 'unknown subject');
  if (instant(d.dueAt, 'dueAt') <= instant(d.occurredAt, 'occurredAt')) {
    return invalid(VerificationErrors.DUE_BEFORE_REQUEST, 'the due time must be after the request time');
  }
  const verificationId = required(d.verificationId, VerificationErrors.ID_REQUIRED, 'verification id');
  const caseId = required(d.caseId, VerificationErrors.ID_REQUIRED, 'case id');
  const counterpart = required(d.counterpart, VerificationErrors.COUNTERPART_REQUIRED, 'counterpart');
  const personId = optional(d.personId);
  const priority = d.priority ?? 'normal';
  if (!isPriority(priority)) invalid(VerificationErrors.INVALID_PRIORITY, 'priority must be urgent or normal');
  // Asking the other side to verify a person sends them who the person is.
  const disclosure =
    d.direction === 'outgoing' && personId !== null
      ? decideDisclosure(personId, d.disclosure, d.consent ?? 'none', command.meta.actor, DISCLOSURE_CODES)
      : null;
  const data: VerificationRequestData = {
    verificationId,
    caseId,
    personId,
    direction: d.direction,
    counterpart,
    subject: d.subject,
    questions: required(d.questions, VerificationErrors.QUESTIONS_REQUIRED, 'questions'),
    legalBasis: optional(d.legalBasis),
    priority,
    dueAt: d.dueAt,
    occurredAt: d.occurredAt,
    ...(disclosure
      ? { disclosure: { personId: disclosure.personId, basis: disclosure.basis, reference: disclosure.reference } }
      : {}),
  };
  // One officer alone does not decide what leaves: the unit's policy may hold it for a colleague.
  const author = releaseOfficerOf(command.meta.actor);
  const held = d.direction === 'outgoing' && holdsForRelease(d.releasePolicy ?? 'personal_data', personId !== null);
  const requested: VerificationEvent = held
    ? { type: 'VerificationDrafted', data: { ...data, release: { author: author.userId, unit: author.unit } } }
    : { type: 'VerificationRequested', data };
  if (!disclosure?.override) return [requested];
  const { consent, reason } = disclosure.override;
  return [
    requested,
    {
      type: 'ConsentOverridden',
      data: { verificationId, caseId, personId: disclosure.personId, counterpart, consent, reason },
    },
  ];
}

const DISCLOSURE_CODES = {
  BASIS_REQUIRED: VerificationErrors.DISCLOSURE_BASIS_REQUIRED,
  REFERENCE_REQUIRED: VerificationErrors.DISCLOSURE_REFERENCE_REQUIRED,
  CONSENT_MISSING: VerificationErrors.CONSENT_MISSING,
  CONSENT_WITHDRAWN: VerificationErrors.CONSENT_WITHDRAWN,
  OVERRIDE_NOT_ALLOWED: VerificationErrors.CONSENT_OVERRIDE_NOT_ALLOWED,
} as const;

/** An extension only ever moves the deadline later; shortening it would hide an overdue request. */
function extend(command: ExtendVerification, state: VerificationState): VerificationEvent[] {
  const open = stillOpen(state);
  const { newDueAt } = command.data;
  if (instant(newDueAt, 'newDueAt') <= instant(open.dueAt, 'dueAt')) {
    return invalid(VerificationErrors.EXTENSION_NOT_LATER, 'the new due time must be later than the current one');
  }
  const reason = required(command.data.reason, VerificationErrors.REASON_REQUIRED, 'reason');
  return [
    {
      type: 'VerificationExtended',
      data: { verificationId: open.verificationId, caseId: open.caseId, previousDueAt: open.dueAt, newDueAt, reason },
    },
  ];
}

const ANSWER_TYPE = {
  confirmed: 'VerificationAnsweredConfirmed',
  not_confirmed: 'VerificationAnsweredNotConfirmed',
  inconclusive: 'VerificationAnsweredInconclusive',
} as const satisfies Record<VerificationResult, VerificationAnswered['type']>;

/** Any of the three results is a normal outcome (an event); a late answer is still an answer. */
function answer(command: AnswerVerification, state: VerificationState): VerificationEvent[] {
  const open = stillOpen(state);
  const { result, answeredAt } = command.data;
  if (!isOneOf(VERIFICATION_RESULTS, result)) return invalid(VerificationErrors.INVALID_RESULT, 'unknown result');
  const answeredMs = instant(answeredAt, 'answeredAt');
  if (answeredMs < instant(open.requestedAt, 'requestedAt')) {
    return invalid(VerificationErrors.ANSWER_BEFORE_REQUEST, 'the answer cannot predate the request');
  }
  const details = required(command.data.details, VerificationErrors.DETAILS_REQUIRED, 'details');
  const data = {
    verificationId: open.verificationId,
    caseId: open.caseId,
    details,
    occurredAt: answeredAt,
    late: answeredMs > instant(open.dueAt, 'dueAt'),
  };
  return [{ type: ANSWER_TYPE[result], data }];
}

/** A draft may be abandoned too: withdrawn for good, it never leaves. */
function withdraw(command: WithdrawVerification, state: VerificationState): VerificationEvent[] {
  const open = state.status === 'draft' ? state : stillOpen(state);
  const reason = required(command.data.reason, VerificationErrors.REASON_REQUIRED, 'reason');
  return [
    { type: 'VerificationWithdrawn', data: { verificationId: open.verificationId, caseId: open.caseId, reason } },
  ];
}

export function decideVerification(
  command: VerificationCommand,
  state: VerificationState,
): readonly VerificationEvent[] {
  switch (command.type) {
    case 'RequestVerification':
      return request(command, state);
    case 'ExtendVerification':
      return extend(command, state);
    case 'AnswerVerification':
      return answer(command, state);
    case 'WithdrawVerification':
      return withdraw(command, state);
    case 'ChangeVerificationPriority': {
      // A draft too: it goes out under the priority it has when released.
      const open = state.status === 'draft' ? state : stillOpen(state);
      const { priority } = command.data;
      const reason = checkPriorityChange(open.priority, priority, command.data.reason, VerificationErrors);
      const { verificationId, caseId } = open;
      return [
        {
          type: 'VerificationPriorityChanged',
          data: { verificationId, caseId, previous: open.priority, priority, reason },
        },
      ];
    }
    case 'ReleaseVerification':
    case 'ReturnVerification':
    case 'RecallVerification':
    case 'ResubmitVerification':
      return decideVerificationRelease(command, state);
    default:
      return assertNever(command);
  }
}
