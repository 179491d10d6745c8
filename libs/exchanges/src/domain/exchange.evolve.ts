import { assertNever } from '#shared-kernel';
import type { ExchangeEvent, MessageLogged } from './exchange.events.js';
import type { ExchangeMessage, ExchangeState, MessageContent, Release, ReleaseState } from './exchange.state.js';

type OpenExchange = Extract<ExchangeState, { status: 'open' }>;

/** Total and pure: an event that does not fit the current state leaves it unchanged. */
export function evolveExchange(state: ExchangeState, event: ExchangeEvent): ExchangeState {
  switch (event.type) {
    case 'ExchangeOpened': {
      if (state.status !== 'none') return state;
      const { exchangeId, caseIds, counterpart, channel, occurredAt, priority = 'normal' } = event.data;
      return {
        status: 'open',
        exchangeId,
        caseIds,
        counterpart,
        channel,
        priority,
        openedAt: occurredAt,
        messages: [],
      };
    }
    case 'ExchangePriorityChanged':
      return state.status === 'open' ? { ...state, priority: event.data.priority } : state;
    case 'ConsentOverridden':
      // A fact for the auditors; the thread and its messages are as they were.
      return state;
    case 'MessageLogged': {
      if (state.status !== 'open' || state.messages.some((m) => m.messageId === event.data.messageId)) return state;
      return { ...state, messages: [...state.messages, messageFrom(event)] };
    }
    case 'DraftSent':
      return updateMessage(state, event.data.messageId, (m) =>
        m.direction === 'outgoing' && m.status === 'draft'
          ? { ...m, status: 'sent', sentAt: event.data.occurredAt }
          : m,
      );
    case 'DraftReleased': {
      const released = { by: event.data.releasedBy, at: event.data.occurredAt };
      return updateRelease(state, event.data.messageId, ['awaiting_release'], (r) => ({
        ...r,
        state: 'released',
        released,
      }));
    }
    case 'DraftReturned': {
      const { returnedBy, occurredAt, comment } = event.data;
      return updateRelease(state, event.data.messageId, ['awaiting_release'], (r) => ({
        ...r,
        state: 'returned',
        returned: { by: returnedBy, at: occurredAt, comment },
      }));
    }
    case 'ReleaseWithdrawn':
      return updateRelease(state, event.data.messageId, ['awaiting_release'], (r) => ({ ...r, state: 'withdrawn' }));
    case 'DraftResubmitted':
      return updateRelease(state, event.data.messageId, ['returned', 'withdrawn'], (r) => ({
        ...r,
        state: 'awaiting_release',
      }));
    case 'DraftDiscarded':
      return updateMessage(state, event.data.messageId, (m) =>
        m.direction === 'outgoing' && m.status === 'draft' ? { ...m, status: 'discarded' } : m,
      );
    case 'MessageAcknowledged': {
      const { occurredAt, by } = event.data;
      return updateMessage(state, event.data.messageId, (m) =>
        m.direction === 'outgoing' && m.status === 'sent'
          ? { ...m, status: 'acknowledged', acknowledgement: { at: occurredAt, ...(by !== undefined ? { by } : {}) } }
          : m,
      );
    }
    case 'MessageAnswered': {
      const answer = { at: event.data.occurredAt, replyMessageId: event.data.replyMessageId };
      return updateMessage(state, event.data.messageId, (m): ExchangeMessage => {
        if (m.direction === 'incoming') return m.status === 'received' ? { ...m, status: 'answered', answer } : m;
        if (m.status === 'sent' || m.status === 'acknowledged') return { ...m, status: 'answered', answer };
        return m;
      });
    }
    case 'ExchangeClosed': {
      if (state.status !== 'open') return state;
      return { ...state, status: 'closed', closeReason: event.data.reason };
    }
    default:
      return assertNever(event);
  }
}

function messageFrom(event: MessageLogged): ExchangeMessage {
  const d = event.data;
  const content: MessageContent = {
    messageId: d.messageId,
    subject: d.subject,
    body: d.body,
    language: d.language,
    handlingCode: d.handlingCode,
    attachments: d.attachments,
    loggedAt: d.occurredAt,
    carriesPersonalData: d.carriesPersonalData,
    ...(d.evaluation !== undefined ? { evaluation: d.evaluation } : {}),
    ...(d.ourReference !== undefined ? { ourReference: d.ourReference } : {}),
    ...(d.theirReference !== undefined ? { theirReference: d.theirReference } : {}),
    ...(d.responseDueAt !== undefined ? { responseDueAt: d.responseDueAt } : {}),
    ...(d.personalData !== undefined ? { personalData: d.personalData } : {}),
    ...(d.inReplyTo !== undefined ? { inReplyTo: d.inReplyTo } : {}),
    ...(d.persons !== undefined ? { persons: d.persons } : {}),
    ...(d.personsNamed !== undefined ? { personsNamed: d.personsNamed } : {}),
  };
  if (d.direction === 'incoming')
    return { ...content, direction: 'incoming', status: 'received', receivedAt: d.occurredAt };
  const release: Release | undefined = d.release && {
    author: { userId: d.release.author, unit: d.release.unit },
    state: 'awaiting_release',
  };
  return d.draft
    ? { ...content, direction: 'outgoing', status: 'draft', ...(release ? { release } : {}) }
    : { ...content, direction: 'outgoing', status: 'sent', sentAt: d.occurredAt };
}

/** Changes the release of a draft whose release is in one of `from`. */
function updateRelease(
  state: ExchangeState,
  messageId: string,
  from: readonly ReleaseState[],
  change: (release: Release) => Release,
): ExchangeState {
  return updateMessage(state, messageId, (m) =>
    m.direction === 'outgoing' && m.status === 'draft' && m.release && from.includes(m.release.state)
      ? { ...m, release: change(m.release) }
      : m,
  );
}

function updateMessage(
  state: ExchangeState,
  messageId: string,
  change: (message: ExchangeMessage) => ExchangeMessage,
): ExchangeState {
  if (state.status !== 'open') return state;
  const open: OpenExchange = state;
  let changed = false;
  const messages = open.messages.map((m) => {
    if (m.messageId !== messageId) return m;
    const next = change(m);
    changed = next !== m;
    return next;
  });
  return changed ? { ...open, messages } : state;
}
