import { type EventStore, type WriteAnswer, type WriteContext, handle, load } from '#event-store';
import { CaseErrors, caseDecider, caseStreamId } from '#cases';
import { findCounterpart, isKnownHandoverPlace } from '#reference-data';
import { refuse } from '#shared-kernel';
import type { HandoverCommand } from '../domain/handover.commands.js';
import { HandoverErrors } from '../domain/handover.errors.js';
import type { HandoverState } from '../domain/handover.state.js';
import { handoverAggregate } from './handover-aggregate.js';

/** Codes of the application's own refusals (look-ups the pure domain cannot make). */
export const HandoverApplicationErrors = {
  UNKNOWN_GATE: 'HANDOVER.UNKNOWN_GATE',
  UNKNOWN_COUNTERPART: 'HANDOVER.UNKNOWN_COUNTERPART',
  PERSON_ERASED: 'HANDOVER.PERSON_ERASED',
} as const;

/** A well-formed code that names no gate or marker of the register: the body cannot be processed. */
export function requireHandoverPlace(code: string): void {
  if (!isKnownHandoverPlace(code)) {
    refuse(
      HandoverApplicationErrors.UNKNOWN_GATE,
      'the gate or boundary marker is not in the reference register',
      'invalid',
    );
  }
}

export function requireCounterpart(code: string): void {
  if (!findCounterpart(code)) {
    refuse(
      HandoverApplicationErrors.UNKNOWN_COUNTERPART,
      'the counterpart unit is not in the reference register',
      'invalid',
    );
  }
}

/**
 * Only persons registered in the case can be handed over under it: a handover of someone the
 * case does not know would leave a person outside every record of the case. The case is named in
 * the body, so a missing case makes the request unprocessable (422), not a missing resource.
 */
export async function requireCasePersons(
  store: EventStore,
  caseId: string,
  personIds: readonly string[],
): Promise<void> {
  const { state } = await load(store, caseDecider, caseStreamId(caseId));
  if (state.status === 'none') refuse(CaseErrors.NOT_FOUND, 'no case with this id', 'invalid');
  const known = new Set(state.status === 'none' ? [] : state.links.persons.map((p) => p.personId));
  if (personIds.some((id) => !known.has(id))) {
    refuse(HandoverErrors.UNKNOWN_PERSON, 'a listed person is not registered in this case', 'invalid');
  }
}

/**
 * One step on an existing handover; the case id stamped on the events comes from the loaded
 * handover itself, so every event of the handover is indexed under its case.
 */
export function handleHandover(
  store: EventStore,
  handoverId: string,
  command: HandoverCommand | ((state: HandoverState) => Promise<HandoverCommand> | HandoverCommand),
  ctx: WriteContext,
): Promise<WriteAnswer> {
  return handle({
    ...handoverAggregate(store, handoverId),
    command,
    ctx,
    caseId: (state) => (state.status === 'none' ? undefined : state.caseId),
  });
}
