import { type EventStore, load } from '#event-store';
import { consentStanding, personDecider, personStreamId } from '#persons';
import { DataErasedError, isPersonalDataEnvelope, type PersonalDataCipher } from '#security';
import type { VerificationCommand, VerificationEvent, VerificationState } from '../index.js';

/**
 * A release carries where the person's consent stands now, so the decider can stop a draft sent
 * on consent that was withdrawn while it waited. Looked up inside the write's plan: a retry after
 * a conflict looks again.
 */
export async function withConsentAtRelease(
  store: EventStore,
  command: VerificationCommand,
  state: VerificationState,
): Promise<VerificationCommand> {
  if (command.type !== 'ReleaseVerification' || state.status !== 'draft' || state.personId === null) return command;
  if (state.disclosure?.basis !== 'consent' || state.disclosure.overridden) return command;
  const { state: person } = await load(store, personDecider, personStreamId(state.personId));
  const consent = consentStanding(person, 'identity_verification', state.counterpart);
  return { ...command, data: { ...command.data, consent } };
}

interface ReturnComment {
  readonly comment: string;
}

/**
 * The comment of a return says what to change and may name the person: it is sealed with the
 * request's own data key before it becomes an event, like an exchange's return comment.
 */
export function sealReturnComments(
  cipher: PersonalDataCipher,
  verificationId: string,
  events: readonly VerificationEvent[],
): Promise<VerificationEvent[]> {
  return Promise.all(
    events.map(async (event): Promise<VerificationEvent> => {
      if (event.type !== 'VerificationDraftReturned') return event;
      const comment = await cipher.encrypt(verificationId, { comment: event.data.comment } satisfies ReturnComment);
      return { type: 'VerificationDraftReturned', data: { ...event.data, comment } };
    }),
  );
}

/** Opens the comment of a return; null when the request's key was destroyed. */
export async function openReturnComment(
  cipher: PersonalDataCipher,
  verificationId: string,
  recorded: string,
): Promise<string | null> {
  if (!isPersonalDataEnvelope(recorded)) return recorded;
  try {
    return (await cipher.decrypt<ReturnComment>(verificationId, recorded)).comment;
  } catch (error) {
    if (error instanceof DataErasedError) return null;
    throw error;
  }
}
