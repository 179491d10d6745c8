import { isDeepStrictEqual } from 'node:util';
import { DomainError, fold, type Decider, type DomainCommand, type DomainEvent } from '#shared-kernel';

/**
 * Given/when/then for deciders: given past events (written out literally in the spec, never
 * produced by running decide), when a command is decided, then these events (compared
 * structurally), nothing (an idempotent repeat), or a refusal with this code. `then` also folds
 * the decided events and checks that each one changes the state: evolve ignores what it does not
 * recognise, so an event it would silently drop fails here instead of passing unnoticed (an event
 * that is recorded without changing the state, such as a password change, is named as such).
 */
export function deciderSpec<S, C extends DomainCommand, E extends DomainEvent>(decider: Decider<S, C, E>) {
  return {
    given(history: readonly E[]) {
      const state = fold(decider, history);
      return {
        when(command: C) {
          const attempt = (): readonly E[] => decider.decide(command, state);
          return {
            /** `stateNeutral`: event types that are recorded but deliberately leave the state as it was. */
            then(expected: readonly E[], { stateNeutral = [] }: { stateNeutral?: readonly E['type'][] } = {}): S {
              const events = attempt();
              expect(events).toEqual(expected);
              let after = state;
              for (const event of events) {
                const next = decider.evolve(after, event);
                expect({ event: event.type, changesState: !isDeepStrictEqual(next, after) }).toEqual({
                  event: event.type,
                  changesState: !stateNeutral.includes(event.type),
                });
                after = next;
              }
              return after;
            },
            thenNothingHappened(): void {
              expect(attempt()).toEqual([]);
            },
            thenRefuses(code: string): void {
              let caught: unknown;
              try {
                attempt();
              } catch (error) {
                caught = error;
              }
              expect(caught).toBeInstanceOf(DomainError);
              expect((caught as DomainError).code).toBe(code);
            },
          };
        },
      };
    },
  };
}

/** Runs `act` and returns the DomainError it threw, so a spec can check the code and the kind. */
export function refusalOf(act: () => unknown): DomainError {
  try {
    act();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal, got events');
}

/** The refusal of `command` on the literal history `given`, to check its kind as well as its code. */
export const refusalOn = <S, C extends DomainCommand, E extends DomainEvent>(
  decider: Decider<S, C, E>,
  given: readonly E[],
  command: C,
): DomainError => refusalOf(() => decider.decide(command, fold(decider, given)));

/** What `command` decides on `state`: its events, or the DomainError it is refused with. */
export function decisionOf<S, C extends DomainCommand, E extends DomainEvent>(
  decider: Decider<S, C, E>,
  state: S,
  command: C,
): readonly E[] | DomainError {
  try {
    return decider.decide(command, state);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
}
