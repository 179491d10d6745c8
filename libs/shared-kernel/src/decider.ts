/**
 * The shape every aggregate follows: a pure decide/evolve pair.
 * decide never reads the clock or any I/O; everything it needs arrives in the command.
 */
export type DomainEvent<T extends string = string, D = unknown> = Readonly<{ type: T; data: Readonly<D> }>;

export type DomainCommand<T extends string = string, D = unknown> = Readonly<{
  type: T;
  data: Readonly<D>;
  meta: CommandMeta;
}>;

/** Who acts, for which unit, and the server's "now" — all decided outside the domain. */
export interface Actor {
  readonly userId: string;
  readonly role: Role;
  readonly unitId: string;
  readonly province?: string;
  readonly name?: string;
}

export const ROLES = ['liaison_officer', 'border_guard', 'supervisor', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface CommandMeta {
  readonly actor: Actor;
  /** Server clock at the moment the command was accepted (becomes recordedAt). */
  readonly now: Date;
}

export interface Decider<S, C extends DomainCommand, E extends DomainEvent> {
  readonly initialState: S;
  decide(command: C, state: S): readonly E[];
  evolve(state: S, event: E): S;
}

/** Fold a list of events from the initial state; evolve is total so this never throws. */
export function fold<S, E extends DomainEvent>(
  decider: Pick<Decider<S, never, E>, 'initialState' | 'evolve'>,
  events: Iterable<E>,
): S {
  let state = decider.initialState;
  for (const event of events) state = decider.evolve(state, event);
  return state;
}

/** Compile-time exhaustiveness check for switches over unions. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled variant: ${JSON.stringify(value)}`);
}
