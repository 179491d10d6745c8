import { type Actor, type ConsentStanding, decideDisclosure, refuse } from '#shared-kernel';
import { ExchangeErrors as E } from './exchange.errors.js';
import type { ExchangeEvent, MessageLogged, NamedPersonRecord } from './exchange.events.js';
import type { NamedPerson } from './exchange.values.js';

interface Thread {
  readonly exchangeId: string;
  readonly counterpart: string;
  readonly caseIds: readonly string[];
}

const CODES = {
  BASIS_REQUIRED: E.DISCLOSURE_BASIS_REQUIRED,
  REFERENCE_REQUIRED: E.DISCLOSURE_REFERENCE_REQUIRED,
  CONSENT_MISSING: E.CONSENT_MISSING,
  CONSENT_WITHDRAWN: E.CONSENT_WITHDRAWN,
  OVERRIDE_NOT_ALLOWED: E.CONSENT_OVERRIDE_NOT_ALLOWED,
} as const;

/**
 * Adds to a decided message what its named persons need: the basis of each on MessageLogged, and a
 * ConsentOverridden event for each person a supervisor sends without standing consent. An incoming
 * message names nobody here (the counterpart sent it; nothing of ours leaves).
 */
export function withNamedPersons(
  events: readonly ExchangeEvent[],
  persons: readonly NamedPerson[] | undefined,
  thread: Thread,
  actor: Actor,
): ExchangeEvent[] {
  const [logged, ...rest] = events as [MessageLogged, ...ExchangeEvent[]];
  if (!persons || persons.length === 0 || logged.data.direction !== 'outgoing') return [...events];
  if (new Set(persons.map((p) => p.personId)).size !== persons.length) {
    refuse(E.DUPLICATE_PERSON, 'a person is named twice', 'invalid');
  }
  const named: NamedPersonRecord[] = [];
  const overrides: ExchangeEvent[] = [];
  for (const person of persons) {
    if (person.caseId === undefined || !thread.caseIds.includes(person.caseId)) {
      refuse(E.PERSON_NOT_IN_CASES, 'a named person is not in a case of this exchange', 'invalid');
    }
    const d = decideDisclosure(person.personId, person.disclosure, person.consent ?? 'none', actor, CODES);
    named.push({
      personId: d.personId,
      basis: d.basis,
      reference: d.reference,
      ...(d.override ? { overridden: true } : {}),
    });
    if (d.override) {
      overrides.push({
        type: 'ConsentOverridden',
        data: {
          exchangeId: thread.exchangeId,
          messageId: logged.data.messageId,
          caseId: person.caseId!,
          personId: d.personId,
          counterpart: thread.counterpart,
          consent: d.override.consent,
          reason: d.override.reason,
        },
      });
    }
  }
  return [{ ...logged, data: { ...logged.data, persons: named } }, ...rest, ...overrides];
}

/**
 * At release, consent is looked at again: a person named on consent who withdrew it (or whose
 * consent no longer stands) while the draft waited stops the release, unless a supervisor had
 * already overridden it when the message was written.
 */
export function checkConsentAtRelease(
  named: readonly NamedPersonRecord[] | undefined,
  consents: Readonly<Record<string, ConsentStanding>> | undefined,
): void {
  for (const person of named ?? []) {
    if (person.basis !== 'consent' || person.overridden) continue;
    const now = consents?.[person.personId] ?? 'none';
    if (now === 'withdrawn') refuse(E.CONSENT_WITHDRAWN, 'a person named withdrew consent while the draft waited');
    if (now !== 'given') refuse(E.CONSENT_MISSING, 'consent no longer stands for a person named');
  }
}
