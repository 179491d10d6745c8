import { DataErasedError, isPersonalDataEnvelope, type PersonalDataCipher } from '#security';
import type { CounterpartPerson, ExchangeEvent, MessageLogged } from '../index.js';

/**
 * A message's subject and body may name victims, so both are sealed together with the exchange's
 * own data key before they become an event; destroying that key erases the thread's content and
 * leaves every other fact (times, directions, handling codes) verifiable. The event's `subject`
 * then holds this marker and its `body` the envelope of `{ subject, body }`.
 */
export const SEALED_SUBJECT = 'sealed';

interface ReturnComment {
  readonly comment: string;
}

/** Opens the comment of a return; null when the exchange's key was destroyed (erased). */
export async function openReturnComment(
  cipher: PersonalDataCipher,
  exchangeId: string,
  recorded: string,
): Promise<string | null> {
  if (!isPersonalDataEnvelope(recorded)) return recorded;
  try {
    return (await cipher.decrypt<ReturnComment>(exchangeId, recorded)).comment;
  } catch (error) {
    if (error instanceof DataErasedError) return null;
    throw error;
  }
}

export interface MessageText {
  readonly subject: string;
  readonly body: string;
  /** The persons an incoming message names as data (gateway contract `persons`), sealed with the text. */
  readonly namedByCounterpart?: readonly CounterpartPerson[];
}

/**
 * Seals the content of every MessageLogged and the comment of every DraftReturned (free text that
 * may name the person the draft is about); other events carry no free text and pass through.
 */
export async function sealEvents(
  cipher: PersonalDataCipher,
  exchangeId: string,
  events: readonly ExchangeEvent[],
): Promise<ExchangeEvent[]> {
  return Promise.all(
    events.map(async (event): Promise<ExchangeEvent> => {
      if (event.type === 'DraftReturned') {
        const sealed = await cipher.encrypt(exchangeId, { comment: event.data.comment } satisfies ReturnComment);
        return { type: 'DraftReturned', data: { ...event.data, comment: sealed } };
      }
      if (event.type !== 'MessageLogged') return event;
      // The names a counterpart gave travel in the same envelope: only their count stays in clear.
      const { subject, body, namedByCounterpart, ...rest } = event.data;
      const text: MessageText = { subject, body, ...(namedByCounterpart ? { namedByCounterpart } : {}) };
      const sealed = await cipher.encrypt(exchangeId, text);
      const data: MessageLogged['data'] = { ...rest, subject: SEALED_SUBJECT, body: sealed };
      return { type: 'MessageLogged', data };
    }),
  );
}

/**
 * Opens a message's content; null when the exchange's key was destroyed (erased). A body that is
 * not an envelope was never sealed (written before sealing existed) and is shown as recorded.
 */
export async function openMessageText(
  cipher: PersonalDataCipher,
  exchangeId: string,
  recorded: MessageText,
): Promise<MessageText | null> {
  if (!isPersonalDataEnvelope(recorded.body)) return recorded;
  try {
    return await cipher.decrypt<MessageText>(exchangeId, recorded.body);
  } catch (error) {
    if (error instanceof DataErasedError) return null;
    throw error;
  }
}
