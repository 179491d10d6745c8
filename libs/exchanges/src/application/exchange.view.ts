import { findCounterpart, type Names } from '#reference-data';
import { localTimes, type ZonedInstant } from '#shared-kernel';
import {
  overdueMessages,
  transmittedAt,
  type Attachment,
  type Evaluation,
  type ExchangeMessage,
  type ExistingExchange,
  type PersonalDataBasis,
} from '../index.js';
import type { MessageText } from './message-content.js';

/** A time that crosses the border: UTC, the declared offset, and both sides' wall clocks. */
export interface TimeView {
  readonly at: string;
  readonly offset: string;
  readonly local: { readonly vn: string; readonly cn: string };
}

/**
 * A draft held for a second officer's release, and what became of it. `author` and the officers
 * are user ids; the return comment is null when masked for this reader or erased.
 */
export interface ReleaseView {
  readonly state: string;
  readonly author: string;
  readonly returned: { readonly by: string; readonly at: TimeView; readonly comment: string | null } | null;
  readonly released: { readonly by: string; readonly at: TimeView } | null;
}

export interface ExchangeMessageView {
  readonly messageId: string;
  readonly direction: string;
  readonly language: string;
  readonly handlingCode: string;
  /** null when masked for this reader or erased with the exchange's key. */
  readonly subject: string | null;
  readonly body: string | null;
  readonly masked: boolean;
  readonly erased: boolean;
  readonly state: string;
  readonly loggedAt: TimeView;
  /** When it left us or reached us; null for drafts. */
  readonly transmittedAt: TimeView | null;
  readonly responseDueAt: TimeView | null;
  readonly acknowledgement: { readonly at: TimeView; readonly by: string | null } | null;
  readonly answered: { readonly at: TimeView; readonly replyMessageId: string } | null;
  readonly overdue: boolean;
  readonly evaluation: Evaluation | null;
  readonly ourReference: string | null;
  readonly theirReference: string | null;
  readonly attachments: readonly Attachment[];
  readonly carriesPersonalData: boolean;
  readonly personalData: PersonalDataBasis | null;
  /** The persons the message names and the basis each one's data was sent on. */
  readonly persons: readonly { readonly personId: string; readonly basis: string; readonly reference: string | null }[];
  /** How many persons an incoming message names as data (0: none); their names stay sealed. */
  readonly personsNamed: number;
  readonly inReplyTo: string | null;
  /** Null for a message that was never held for release. */
  readonly release: ReleaseView | null;
}

export interface ExchangeView {
  readonly id: string;
  readonly counterpart: { readonly code: string; readonly name: Names | null };
  readonly channel: string;
  /** urgent | normal: the reply limit its waiting messages are due by. */
  readonly priority: string;
  readonly caseIds: readonly string[];
  readonly status: string;
  readonly closeReason: string | null;
  readonly openedAt: TimeView;
  readonly messages: readonly ExchangeMessageView[];
  /** Derived at read time, never stored: some message waits for a reply past its due time. */
  readonly overdue: boolean;
  readonly overdueMessages: readonly { messageId: string; direction: string; dueAt: TimeView }[];
  readonly revision: string;
}

export const timeView = (z: ZonedInstant): TimeView => ({ at: z.at, offset: z.offset, local: localTimes(z.at) });

/** What the reader gets of a message's content: the text, masked, or erased. */
export type ContentFor = { readonly kind: 'text'; readonly text: MessageText } | { readonly kind: 'masked' | 'erased' };

export function exchangeView(
  state: ExistingExchange,
  revision: bigint,
  now: Date,
  contentOf: (m: ExchangeMessage) => ContentFor,
  commentOf: (m: ExchangeMessage) => string | null = () => null,
): ExchangeView {
  const overdue = overdueMessages(state, now);
  const overdueIds = new Set(overdue.map((o) => o.messageId));
  return {
    id: state.exchangeId,
    counterpart: { code: state.counterpart, name: findCounterpart(state.counterpart)?.name ?? null },
    channel: state.channel,
    priority: state.priority,
    caseIds: state.caseIds,
    status: state.status,
    closeReason: state.status === 'closed' ? state.closeReason : null,
    openedAt: timeView(state.openedAt),
    messages: state.messages.map((m) => messageView(m, contentOf(m), overdueIds.has(m.messageId), commentOf(m))),
    overdue: overdue.length > 0,
    overdueMessages: overdue.map((o) => ({ messageId: o.messageId, direction: o.direction, dueAt: timeView(o.dueAt) })),
    revision: revision.toString(),
  };
}

function releaseView(m: ExchangeMessage, comment: string | null): ReleaseView | null {
  const release = m.direction === 'outgoing' ? m.release : undefined;
  if (!release) return null;
  const { returned, released } = release;
  return {
    state: release.state,
    author: release.author.userId,
    returned: returned ? { by: returned.by, at: timeView(returned.at), comment } : null,
    released: released ? { by: released.by, at: timeView(released.at) } : null,
  };
}

function messageView(
  m: ExchangeMessage,
  content: ContentFor,
  overdue: boolean,
  comment: string | null,
): ExchangeMessageView {
  const sent = transmittedAt(m);
  const acknowledgement = 'acknowledgement' in m ? m.acknowledgement : undefined;
  const answer = m.status === 'answered' ? m.answer : undefined;
  return {
    messageId: m.messageId,
    direction: m.direction,
    language: m.language,
    handlingCode: m.handlingCode,
    subject: content.kind === 'text' ? content.text.subject : null,
    body: content.kind === 'text' ? content.text.body : null,
    masked: content.kind === 'masked',
    erased: content.kind === 'erased',
    state: m.status,
    loggedAt: timeView(m.loggedAt),
    transmittedAt: sent ? timeView(sent) : null,
    responseDueAt: m.responseDueAt ? timeView(m.responseDueAt) : null,
    acknowledgement: acknowledgement ? { at: timeView(acknowledgement.at), by: acknowledgement.by ?? null } : null,
    answered: answer ? { at: timeView(answer.at), replyMessageId: answer.replyMessageId } : null,
    overdue,
    evaluation: m.evaluation ?? null,
    ourReference: m.ourReference ?? null,
    theirReference: m.theirReference ?? null,
    attachments: m.attachments,
    carriesPersonalData: m.carriesPersonalData,
    personalData: m.personalData ?? null,
    persons: m.persons ?? [],
    personsNamed: m.personsNamed ?? 0,
    inReplyTo: m.inReplyTo ?? null,
    release: releaseView(m, comment),
  };
}
