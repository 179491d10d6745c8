import { DomainError, fold, type Decider, type DomainCommand, type DomainEvent } from '#shared-kernel';

/**
 * Given/when/then for deciders: given past events, when a command is decided, then these
 * events (compared structurally) or a refusal with this code. Also checks that evolve accepts
 * what decide produced, so a spec cannot pass with events the state machine would choke on.
 */
export function deciderSpec<S, C extends DomainCommand, E extends DomainEvent>(decider: Decider<S, C, E>) {
  return {
    given(history: readonly E[]) {
      const state = fold(decider, history);
      return {
        when(command: C) {
          const attempt = (): readonly E[] => decider.decide(command, state);
          return {
            then(expected: readonly E[]): S {
              const events = attempt();
              expect(events).toEqual(expected);
              return fold({ initialState: state, evolve: decider.evolve }, events);
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
