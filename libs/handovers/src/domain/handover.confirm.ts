import { refuse } from '#shared-kernel';
import type { ConfirmHandover } from './handover.commands.js';
import { HandoverErrors as E } from './handover.errors.js';
import type { HandoverEvent, PersonNotReceived, PersonReceived } from './handover.events.js';
import { isBefore, isBlank, isOneOf, SHA256_HEX } from './handover.rules.js';
import type { HandoverState } from './handover.state.js';
import { MINUTES_LANGUAGES } from './handover.values.js';

type Scheduled = Extract<HandoverState, { status: 'scheduled' }>;

/**
 * The border guard's single submission becomes HandoverConducted, one PersonReceived or
 * PersonNotReceived per person, then MinutesSigned — in that order, all or nothing, because the
 * link from the gate is poor and a half-recorded handover would be worse than none.
 */
export function confirmHandover(command: ConfirmHandover, state: Scheduled): readonly HandoverEvent[] {
  const { conductedAt, vnOfficers, cnOfficers, received, minutes } = command.data;
  const notReceived = command.data.notReceived ?? [];
  const { handoverId } = state;

  // The minutes are signed by officers of both sides; without them there is no valid handover.
  if (vnOfficers.length === 0 || cnOfficers.length === 0 || [...vnOfficers, ...cnOfficers].some((o) => isBlank(o))) {
    refuse(E.OFFICERS_REQUIRED, 'the officers of both sides must be named', 'invalid');
  }
  checkPersons(state, [...received.map((p) => p.personId), ...notReceived.map((p) => p.personId)]);
  if (notReceived.some((p) => isBlank(p.reason))) {
    refuse(E.REASON_REQUIRED, 'each person not received needs a reason', 'invalid');
  }
  if (isBefore(conductedAt, state.proposedAt)) {
    refuse(E.INVALID_TIME, 'a handover cannot take place before it was proposed', 'invalid');
  }
  const languages = minutes.languages;
  if (
    isBlank(minutes.number) ||
    languages.length === 0 ||
    new Set(languages).size !== languages.length ||
    !languages.every((l) => isOneOf(MINUTES_LANGUAGES, l)) ||
    (minutes.scanSha256 !== undefined && !SHA256_HEX.test(minutes.scanSha256))
  ) {
    refuse(E.INVALID_MINUTES, 'the minutes need a number, their languages and a valid scan hash if any', 'invalid');
  }
  if (isBefore(minutes.signedAt, conductedAt)) {
    refuse(E.MINUTES_BEFORE_CONDUCT, 'the minutes cannot be signed before the handover', 'invalid');
  }

  const receivedEvents: PersonReceived[] = received.map((p) => ({
    type: 'PersonReceived',
    data: {
      handoverId,
      personId: p.personId,
      occurredAt: conductedAt,
      ...(p.healthCheck !== undefined ? { healthCheck: p.healthCheck } : {}),
      ...(p.notes !== undefined ? { notes: p.notes } : {}),
      ...(p.belongings !== undefined ? { belongings: p.belongings } : {}),
      ...(p.statementRef !== undefined ? { statementRef: p.statementRef } : {}),
      ...(p.wantedCheck !== undefined ? { wantedCheck: p.wantedCheck } : {}),
    },
  }));
  const notReceivedEvents: PersonNotReceived[] = notReceived.map((p) => ({
    type: 'PersonNotReceived',
    data: { handoverId, personId: p.personId, reason: p.reason },
  }));
  return [
    {
      type: 'HandoverConducted',
      data: { handoverId, gate: state.gate, occurredAt: conductedAt, vnOfficers, cnOfficers },
    },
    ...receivedEvents,
    ...notReceivedEvents,
    {
      type: 'MinutesSigned',
      data: {
        handoverId,
        number: minutes.number,
        occurredAt: minutes.signedAt,
        languages,
        ...(minutes.scanSha256 !== undefined ? { scanSha256: minutes.scanSha256.toLowerCase() } : {}),
      },
    },
  ];
}

/**
 * Every person of the proposal is accounted for, once: the minutes list each one as taken over or
 * not, and a person silently missing would hide a victim still on the other side. Nobody received
 * at all is allowed: the sides met and signed minutes saying why no one crossed (e.g. the person
 * refused or was found not to be Vietnamese); the case keeps that fact.
 */
function checkPersons(state: Scheduled, listed: readonly string[]): void {
  if (listed.some((id) => !state.personIds.includes(id))) {
    refuse(E.UNKNOWN_PERSON, 'a listed person is not part of this handover', 'invalid');
  }
  if (new Set(listed).size !== listed.length) refuse(E.DUPLICATE_PERSON, 'a person is listed twice', 'invalid');
  if (listed.length !== state.personIds.length) {
    refuse(E.PERSON_UNACCOUNTED, 'every person of the handover must be listed as received or not received', 'invalid');
  }
}
