import { type EventStore, load } from '#event-store';
import { consentStanding, personDecider, personStreamId } from '#persons';
import { type ConsentStanding, DomainError } from '#shared-kernel';
import { ExchangeErrors, type ExchangeCommand, type ExchangeState, type NamedPerson } from '../index.js';

/**
 * What the decider needs of each person a message names, from the persons context: the case the
 * person belongs to (the thread must concern it) and where their consent stands for sharing case
 * information with this counterpart. Done inside the write's plan, so a retry looks again.
 */
export async function lookUpNamedPersons(
  store: EventStore,
  persons: readonly NamedPerson[] | undefined,
  counterpart: string,
): Promise<NamedPerson[] | undefined> {
  if (!persons || persons.length === 0) return undefined;
  const out: NamedPerson[] = [];
  for (const person of persons) {
    const { state } = await load(store, personDecider, personStreamId(person.personId));
    if (state.status === 'none') {
      throw new DomainError(ExchangeErrors.PERSON_NOT_FOUND, 'a named person does not exist', 'invalid');
    }
    out.push({
      personId: person.personId,
      ...(person.disclosure ? { disclosure: person.disclosure } : {}),
      caseId: state.caseId,
      consent: consentStanding(state, 'information_exchange', counterpart),
    });
  }
  return out;
}

/**
 * A release carries where consent stands now for each person the draft names on consent, so the
 * decider can stop a draft whose person withdrew consent while it waited.
 */
export async function withConsentsAtRelease(
  store: EventStore,
  command: ExchangeCommand,
  state: ExchangeState,
): Promise<ExchangeCommand> {
  if (command.type !== 'ReleaseDraft' || state.status === 'none') return command;
  const draft = state.messages.find((m) => m.messageId === command.data.messageId);
  const onConsent = (draft?.persons ?? []).filter((p) => p.basis === 'consent' && !p.overridden);
  if (onConsent.length === 0) return command;
  const consents: Record<string, ConsentStanding> = {};
  for (const { personId } of onConsent) {
    const { state: person } = await load(store, personDecider, personStreamId(personId));
    consents[personId] = consentStanding(person, 'information_exchange', state.counterpart);
  }
  return { ...command, data: { ...command.data, consents } };
}
