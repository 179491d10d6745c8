import fc from 'fast-check';
import { DomainError, fold, type Decider, type DomainCommand, type DomainEvent } from '#shared-kernel';

/**
 * One step of a decider property spec: decides a generated command against the state. A refusal
 * must be a DomainError that left the state as it was and whose message repeats none of `secrets`
 * (personal data never reaches an error); the step then yields null and the run goes on.
 */
function decideOrRefuse<S, C extends DomainCommand, E extends DomainEvent>(
  decider: Decider<S, C, E>,
  command: C,
  state: S,
  secrets: readonly string[],
): readonly E[] | null {
  const before = structuredClone(state);
  try {
    return decider.decide(command, state);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    for (const secret of secrets) expect((error as DomainError).message).not.toContain(secret);
    expect(state).toEqual(before);
    return null;
  }
}

/** What a property spec checks while `runCommands` plays a generated command sequence. */
export interface RunChecks<S, C extends DomainCommand, E extends DomainEvent> {
  /** Text that a refusal's message must never repeat (marked personal data, clear text). */
  readonly secrets: readonly string[];
  /** Each decided event moves the state only along the lifecycle. */
  transition(type: E['type'], before: S, after: S): void;
  /** After each decided command, against the whole history so far. */
  invariants(state: S, history: readonly E[]): void;
  /** Anything more about what one command decided, on the state it was decided on. */
  decided?(command: C, events: readonly E[], state: S): void;
}

/**
 * Plays commands from the initial state as the write path would: each is decided on the state so
 * far, a refusal is checked (see `decideOrRefuse`) and skipped, decided events are folded in.
 */
export function runCommands<S, C extends DomainCommand, E extends DomainEvent>(
  decider: Decider<S, C, E>,
  commands: readonly C[],
  checks: RunChecks<S, C, E>,
): void {
  let state = decider.initialState;
  const history: E[] = [];
  for (const command of commands) {
    const events = decideOrRefuse(decider, command, state, checks.secrets);
    if (events === null) continue;
    checks.decided?.(command, events, state);
    for (const event of events) {
      const next = decider.evolve(state, event);
      checks.transition(event.type, state, next);
      state = next;
      history.push(event);
    }
    checks.invariants(state, history);
  }
}

/** evolve is total: any sequence of events, fitting the lifecycle or not, folds without throwing. */
export function assertEvolveIsTotal<S, C extends DomainCommand, E extends DomainEvent>(
  decider: Decider<S, C, E>,
  anyEvent: fc.Arbitrary<E>,
): void {
  fc.assert(
    fc.property(fc.array(anyEvent, { maxLength: 30 }), (events) => {
      expect(() => fold(decider, events)).not.toThrow();
    }),
    { numRuns: 300 },
  );
}
