import { assertNever, refuse, type ZonedInstant, invalid, required, optional } from '#shared-kernel';
import type {
  CaseCommand,
  CaseLinkCommand,
  ClassifyCase,
  CloseCase,
  OpenCase,
  ReceiveReport,
  ReopenCase,
  ResolveCase,
} from './case.commands.js';
import { CaseErrors } from './case.errors.js';
import type { CaseEvent, CaseLinkEvent } from './case.events.js';
import type { CaseState, ExistingCase } from './case.state.js';
import { BORDER_PROVINCES, CASE_CHANNELS, CASE_CLASSIFICATIONS, LINKED_PERSON_ROLES, isOneOf } from './case.values.js';

function validInstant(z: ZonedInstant, what: string): ZonedInstant {
  return typeof z?.at === 'string' && !Number.isNaN(Date.parse(z.at))
    ? z
    : invalid(CaseErrors.INVALID_INSTANT, `${what} is not a valid instant`);
}

const uniqueIds = (ids: readonly string[]): string[] => [...new Set(ids)];

function existing(state: CaseState): ExistingCase {
  return state.status === 'none' ? refuse(CaseErrors.NOT_FOUND, 'case not found', 'not_found') : state;
}

/** An existing case that is not closed: the only kind that accepts work. */
function workable(state: CaseState): Exclude<ExistingCase, { status: 'closed' }> {
  const found = existing(state);
  return found.status === 'closed' ? refuse(CaseErrors.CLOSED, 'case is closed; reopen it first') : found;
}

function receiveReport(command: ReceiveReport, state: CaseState): CaseEvent[] {
  if (state.status !== 'none') return refuse(CaseErrors.ALREADY_EXISTS, 'case already exists');
  const d = command.data;
  if (!isOneOf(CASE_CHANNELS, d.channel)) return invalid(CaseErrors.INVALID_CHANNEL, 'unknown reporting channel');
  if (!isOneOf(BORDER_PROVINCES, d.province)) return invalid(CaseErrors.INVALID_PROVINCE, 'unknown border province');
  return [
    {
      type: 'ReportReceived',
      data: {
        caseId: required(d.caseId, CaseErrors.ID_REQUIRED, 'case id'),
        channel: d.channel,
        province: d.province,
        summary: required(d.summary, CaseErrors.SUMMARY_REQUIRED, 'summary'),
        occurredAt: validInstant(d.occurredAt, 'occurredAt'),
        receivingUnit: required(d.receivingUnit, CaseErrors.RECEIVING_UNIT_REQUIRED, 'receiving unit'),
      },
    },
  ];
}

/**
 * Screening happens on the signal and may be revised while work goes on, so classifying is allowed
 * while received, open or reopened. Repeating the current classification records nothing.
 */
function classify(command: ClassifyCase, state: CaseState): CaseEvent[] {
  const found = workable(state);
  const { classification } = command.data;
  if (!isOneOf(CASE_CLASSIFICATIONS, classification)) {
    return invalid(CaseErrors.INVALID_CLASSIFICATION, 'unknown classification');
  }
  if (found.status === 'resolved') return refuse(CaseErrors.INVALID_TRANSITION, 'a resolved case is not reclassified');
  if (found.classification === classification) return [];
  return [
    {
      type: 'CaseClassified',
      data: {
        caseId: found.caseId,
        classification,
        previousClassification: found.classification,
        note: optional(command.data.note),
      },
    },
  ];
}

function open(command: OpenCase, state: CaseState): CaseEvent[] {
  const found = workable(state);
  if (found.status !== 'received')
    return refuse(CaseErrors.INVALID_TRANSITION, `cannot open a case that is ${found.status}`);
  return [{ type: 'CaseOpened', data: { caseId: found.caseId, reason: optional(command.data.reason) } }];
}

function resolve(command: ResolveCase, state: CaseState): CaseEvent[] {
  const found = workable(state);
  if (found.status !== 'open' && found.status !== 'reopened') {
    return refuse(CaseErrors.INVALID_TRANSITION, `cannot resolve a case that is ${found.status}`);
  }
  const resolution = required(command.data.resolution, CaseErrors.RESOLUTION_REQUIRED, 'resolution');
  return [{ type: 'CaseResolved', data: { caseId: found.caseId, resolution } }];
}

/**
 * Closing is allowed from received too: a signal screened as not trafficking (or a duplicate) is
 * dismissed without ever becoming a case, and `closedFrom: 'received'` keeps that visible to the
 * statistics. Open verifications or unconfirmed handovers block closing unless a supervisor
 * overrides with a reason; the override and the ids it covered are recorded for the auditor.
 */
function close(command: CloseCase, state: CaseState): CaseEvent[] {
  const found = workable(state);
  const reason = required(command.data.reason, CaseErrors.REASON_REQUIRED, 'reason');
  const openVerificationIds = uniqueIds(command.data.openVerificationIds ?? []);
  const unconfirmedHandoverIds = uniqueIds(command.data.unconfirmedHandoverIds ?? []);
  const hasOpenItems = openVerificationIds.length + unconfirmedHandoverIds.length > 0;
  // Any override request by someone else is refused, even if nothing is open: the request itself
  // claims a power the actor does not have, and the edge must not learn it silently succeeded.
  if (command.data.override === true && command.meta.actor.role !== 'supervisor') {
    return refuse(CaseErrors.OVERRIDE_NOT_ALLOWED, 'only a supervisor may override open items', 'forbidden');
  }
  if (hasOpenItems && command.data.override !== true) {
    return refuse(CaseErrors.HAS_OPEN_ITEMS, 'case has open verifications or unconfirmed handovers');
  }
  return [
    {
      type: 'CaseClosed',
      data: {
        caseId: found.caseId,
        reason,
        closedFrom: found.status,
        override: hasOpenItems,
        openVerificationIds,
        unconfirmedHandoverIds,
      },
    },
  ];
}

function reopen(command: ReopenCase, state: CaseState): CaseEvent[] {
  const found = existing(state);
  if (found.status !== 'closed')
    return refuse(CaseErrors.INVALID_TRANSITION, `cannot reopen a case that is ${found.status}`);
  const reason = required(command.data.reason, CaseErrors.REASON_REQUIRED, 'reason');
  return [{ type: 'CaseReopened', data: { caseId: found.caseId, reason } }];
}

/** Linking the same record twice is idempotent, so a retried multi-stream append writes nothing new. */
function link(command: CaseLinkCommand, state: CaseState): CaseLinkEvent[] {
  const found = workable(state);
  const { caseId, links } = found;
  switch (command.type) {
    case 'LinkPerson': {
      const { personId, role } = command.data;
      if (!isOneOf(LINKED_PERSON_ROLES, role)) return invalid(CaseErrors.INVALID_PERSON_ROLE, 'unknown person role');
      required(personId, CaseErrors.ID_REQUIRED, 'person id');
      return links.persons.some((p) => p.personId === personId)
        ? []
        : [{ type: 'PersonLinked', data: { caseId, personId, role } }];
    }
    case 'LinkExchange': {
      const exchangeId = required(command.data.exchangeId, CaseErrors.ID_REQUIRED, 'exchange id');
      return links.exchangeIds.includes(exchangeId) ? [] : [{ type: 'ExchangeLinked', data: { caseId, exchangeId } }];
    }
    case 'LinkVerification': {
      const verificationId = required(command.data.verificationId, CaseErrors.ID_REQUIRED, 'verification id');
      return links.verificationIds.includes(verificationId)
        ? []
        : [{ type: 'VerificationLinked', data: { caseId, verificationId } }];
    }
    case 'LinkHandover': {
      const handoverId = required(command.data.handoverId, CaseErrors.ID_REQUIRED, 'handover id');
      return links.handoverIds.includes(handoverId) ? [] : [{ type: 'HandoverLinked', data: { caseId, handoverId } }];
    }
    default:
      return assertNever(command);
  }
}

export function decideCase(command: CaseCommand, state: CaseState): readonly CaseEvent[] {
  switch (command.type) {
    case 'ReceiveReport':
      return receiveReport(command, state);
    case 'ClassifyCase':
      return classify(command, state);
    case 'OpenCase':
      return open(command, state);
    case 'ResolveCase':
      return resolve(command, state);
    case 'CloseCase':
      return close(command, state);
    case 'ReopenCase':
      return reopen(command, state);
    case 'LinkPerson':
    case 'LinkExchange':
    case 'LinkVerification':
    case 'LinkHandover':
      return link(command, state);
    default:
      return assertNever(command);
  }
}
