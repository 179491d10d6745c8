import { holdsForRelease, refuse, type ZonedInstant } from '#shared-kernel';
import { ExchangeErrors as E } from './exchange.errors.js';
import type { MessageAnswered, MessageLogged } from './exchange.events.js';
import { transmittedAt, type ExchangeMessage } from './exchange.state.js';
import {
  CONSENT_KINDS,
  HANDLING_CODES,
  INFORMATION_EVALUATIONS,
  MESSAGE_DIRECTIONS,
  MESSAGE_LANGUAGES,
  SOURCE_EVALUATIONS,
  COUNTERPART_PERSON_LIMITS,
  type CounterpartPerson,
  type Drafting,
  type ReleasePolicy,
  type MessageInput,
} from './exchange.values.js';

const SHA256_HEX = /^[0-9a-f]{64}$/i;

/** Commands also arrive from the counterpart gateway, not only through validated HTTP bodies. */
import { isOneOf } from '#shared-kernel';

export { isOneOf };

function hasKnownVocabulary(input: MessageInput): boolean {
  const { evaluation, personalData } = input;
  return (
    isOneOf(MESSAGE_DIRECTIONS, input.direction) &&
    isOneOf(MESSAGE_LANGUAGES, input.language) &&
    isOneOf(HANDLING_CODES, input.handlingCode) &&
    (evaluation === undefined ||
      (isOneOf(SOURCE_EVALUATIONS, evaluation.source) && isOneOf(INFORMATION_EVALUATIONS, evaluation.information))) &&
    (personalData === undefined || isOneOf(CONSENT_KINDS, personalData.consent))
  );
}

export const isBlank = (value: string | undefined): boolean => value === undefined || value.trim() === '';
export const isBefore = (a: ZonedInstant, b: ZonedInstant): boolean => Date.parse(a.at) < Date.parse(b.at);

/**
 * Checks one message against the thread it joins and returns the MessageLogged event (plus
 * MessageAnswered when it is a transmitted reply). `thread` is empty for the opening message.
 */
export function logMessage(
  exchangeId: string,
  input: MessageInput,
  thread: readonly ExchangeMessage[],
  drafting: Drafting,
): [MessageLogged] | [MessageLogged, MessageAnswered] {
  const draft = input.draft === true;
  if (thread.some((m) => m.messageId === input.messageId)) {
    refuse(E.MESSAGE_ALREADY_EXISTS, 'a message with this id is already in the thread');
  }
  if (isBlank(input.subject)) refuse(E.INVALID_MESSAGE, 'a message needs a subject', 'invalid');
  if (!hasKnownVocabulary(input)) refuse(E.INVALID_MESSAGE, 'a message field is outside its vocabulary', 'invalid');
  if (draft && input.direction === 'incoming') {
    refuse(E.INCOMING_DRAFT, 'only outgoing messages can be drafts; a received message is a fact', 'invalid');
  }
  for (const attachment of input.attachments ?? []) {
    if (isBlank(attachment.name) || !SHA256_HEX.test(attachment.sha256)) {
      refuse(E.INVALID_ATTACHMENT, 'each attachment needs a name and a SHA-256 of 64 hex digits', 'invalid');
    }
  }
  // Letting a foreign body read personal data held in Vietnam is a cross-border transfer (PDPL 91/2025):
  // the record must show on what legal basis and with whose consent. Drafts are checked too, because
  // SendDraft cannot add the basis later and the rule must hold at the moment of sending.
  if (input.direction === 'outgoing' && input.carriesPersonalData && isBlank(input.personalData?.legalBasis)) {
    refuse(
      E.LEGAL_BASIS_REQUIRED,
      'an outgoing message with personal data needs its legal basis and consent',
      'invalid',
    );
  }
  checkCounterpartPersons(input);
  if (input.responseDueAt && isBefore(input.responseDueAt, input.occurredAt)) {
    refuse(E.INVALID_TIME, 'the response cannot be due before the message', 'invalid');
  }
  const target = input.inReplyTo === undefined ? undefined : replyTarget(input, thread);
  if (target && !draft) checkReplyTime(target, input.occurredAt);
  // One officer alone may not decide what leaves: such a message is a draft until a second one
  // releases it, so logging it as already sent is refused rather than turned into a draft silently.
  const gated = releaseRequired(drafting.releasePolicy, input);
  if (gated && !draft) {
    refuse(E.RELEASE_REQUIRED, 'this message needs a second officer’s release: log it as a draft');
  }

  const logged: MessageLogged = {
    type: 'MessageLogged',
    data: {
      exchangeId,
      messageId: input.messageId,
      direction: input.direction,
      subject: input.subject,
      body: input.body,
      language: input.language,
      handlingCode: input.handlingCode,
      attachments: (input.attachments ?? []).map((a) => ({ name: a.name, sha256: a.sha256.toLowerCase() })),
      occurredAt: input.occurredAt,
      draft,
      carriesPersonalData: input.carriesPersonalData,
      ...(input.evaluation !== undefined ? { evaluation: input.evaluation } : {}),
      ...(input.ourReference !== undefined ? { ourReference: input.ourReference } : {}),
      ...(input.theirReference !== undefined ? { theirReference: input.theirReference } : {}),
      ...(input.responseDueAt !== undefined ? { responseDueAt: input.responseDueAt } : {}),
      ...(input.personalData !== undefined ? { personalData: input.personalData } : {}),
      ...(input.inReplyTo !== undefined ? { inReplyTo: input.inReplyTo } : {}),
      ...(input.namedByCounterpart !== undefined && input.namedByCounterpart.length > 0
        ? { personsNamed: input.namedByCounterpart.length, namedByCounterpart: input.namedByCounterpart }
        : {}),
      ...(gated ? { release: { author: drafting.author.userId, unit: drafting.author.unit } } : {}),
    },
  };
  const answered = target && !draft ? answerEvent(exchangeId, target, input.messageId, input.occurredAt) : undefined;
  return answered ? [logged, answered] : [logged];
}

/**
 * Names given as data belong to what the counterpart sent: an outgoing message names our persons
 * by id (`persons`). Bounded and non-blank like every other field, whoever calls.
 */
function checkCounterpartPersons(input: MessageInput): void {
  const named = input.namedByCounterpart;
  if (named === undefined) return;
  if (input.direction !== 'incoming') {
    refuse(E.INVALID_MESSAGE, 'only an incoming message carries the names the counterpart gave', 'invalid');
  }
  const L = COUNTERPART_PERSON_LIMITS;
  const fits = (p: CounterpartPerson) =>
    p.names.length >= 1 &&
    p.names.length <= L.names &&
    p.names.every((n) => typeof n === 'string' && !isBlank(n) && n.length <= L.nameLength);
  if (named.length > L.persons || !named.every(fits)) {
    refuse(
      E.INVALID_MESSAGE,
      'each named person needs 1 to 21 names of 1 to 200 characters, at most 20 persons',
      'invalid',
    );
  }
}

/** Whether the unit's policy holds this outgoing message for a second officer's release. */
export function releaseRequired(policy: ReleasePolicy, input: Pick<MessageInput, 'direction' | 'carriesPersonalData'>) {
  return input.direction === 'outgoing' && holdsForRelease(policy, input.carriesPersonalData);
}

/** A reply answers a transmitted message of the other direction in the same thread. */
function replyTarget(input: MessageInput, thread: readonly ExchangeMessage[]): ExchangeMessage {
  const target = thread.find((m) => m.messageId === input.inReplyTo);
  if (!target || target.direction === input.direction || transmittedAt(target) === undefined) {
    return refuse(
      E.INVALID_REPLY,
      'a reply must answer a sent or received message of the other direction in this thread',
      'invalid',
    );
  }
  return target;
}

export function checkReplyTime(target: ExchangeMessage, replyAt: ZonedInstant): void {
  const original = transmittedAt(target);
  if (original && isBefore(replyAt, original)) {
    refuse(E.INVALID_TIME, 'a reply cannot happen before the message it answers', 'invalid');
  }
}

/** Only the first reply answers a message; later ones are still logged but change nothing. */
export function answerEvent(
  exchangeId: string,
  target: ExchangeMessage,
  replyMessageId: string,
  occurredAt: ZonedInstant,
): MessageAnswered | undefined {
  if (target.status === 'answered') return undefined;
  return { type: 'MessageAnswered', data: { exchangeId, messageId: target.messageId, replyMessageId, occurredAt } };
}
