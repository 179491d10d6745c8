import { assertNever } from '#shared-kernel';
import type { CaseEvent, CaseLinkEvent } from './case.events.js';
import { NO_LINKS, type CaseFacts, type CaseLinks, type CaseState, type ExistingCase } from './case.state.js';

/** Facts of an existing case without its status-specific fields. */
function factsOf(state: ExistingCase): CaseFacts {
  const { caseId, channel, province, summary, receivedAt, receivingUnit, classification, links, reopenCount } = state;
  return { caseId, channel, province, summary, receivedAt, receivingUnit, classification, links, reopenCount };
}

const withId = (ids: readonly string[], id: string): readonly string[] => (ids.includes(id) ? ids : [...ids, id]);

function linkInto(links: CaseLinks, event: CaseLinkEvent): CaseLinks {
  switch (event.type) {
    case 'PersonLinked':
      return links.persons.some((p) => p.personId === event.data.personId)
        ? links
        : { ...links, persons: [...links.persons, { personId: event.data.personId, role: event.data.role }] };
    case 'ExchangeLinked':
      return { ...links, exchangeIds: withId(links.exchangeIds, event.data.exchangeId) };
    case 'VerificationLinked':
      return { ...links, verificationIds: withId(links.verificationIds, event.data.verificationId) };
    case 'HandoverLinked':
      return { ...links, handoverIds: withId(links.handoverIds, event.data.handoverId) };
    default:
      return assertNever(event);
  }
}

/**
 * Total and pure: an event that does not fit the current status leaves the state as it is.
 * Links are applied in every existing status, closed included: a recorded link is a fact, and
 * the read side must see it even if it raced a closure.
 */
export function evolveCase(state: CaseState, event: CaseEvent): CaseState {
  if (state.status === 'none') {
    if (event.type !== 'ReportReceived') return state;
    const d = event.data;
    return {
      status: 'received',
      caseId: d.caseId,
      channel: d.channel,
      province: d.province,
      summary: d.summary,
      receivedAt: d.occurredAt,
      receivingUnit: d.receivingUnit,
      classification: null,
      links: NO_LINKS,
      reopenCount: 0,
    };
  }
  switch (event.type) {
    case 'ReportReceived':
      return state;
    case 'CaseClassified':
      return state.status === 'received' || state.status === 'open' || state.status === 'reopened'
        ? { ...state, classification: event.data.classification }
        : state;
    case 'CaseOpened':
      return state.status === 'received' ? { ...factsOf(state), status: 'open' } : state;
    case 'CaseResolved':
      return state.status === 'open' || state.status === 'reopened'
        ? { ...factsOf(state), status: 'resolved', resolution: event.data.resolution }
        : state;
    case 'CaseClosed': {
      if (state.status === 'closed') return state;
      const d = event.data;
      return {
        ...factsOf(state),
        status: 'closed',
        closure: {
          reason: d.reason,
          closedFrom: state.status,
          resolution: state.status === 'resolved' ? state.resolution : null,
          override: d.override,
          openVerificationIds: d.openVerificationIds,
          unconfirmedHandoverIds: d.unconfirmedHandoverIds,
        },
      };
    }
    case 'CaseReopened':
      return state.status === 'closed'
        ? { ...factsOf(state), status: 'reopened', reopenCount: state.reopenCount + 1 }
        : state;
    case 'PersonLinked':
    case 'ExchangeLinked':
    case 'VerificationLinked':
    case 'HandoverLinked':
      return { ...state, links: linkInto(state.links, event) };
    default:
      return assertNever(event);
  }
}
