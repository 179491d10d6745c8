/**
 * A refused command. `code` is stable and client-facing (e.g. HANDOVER.NOT_CONDUCTED);
 * `kind` tells the HTTP edge which status to use. Messages never contain personal data.
 */
export type DomainErrorKind =
  | 'rule' // a state-machine or business rule forbids it → 409
  | 'not_found' // a referenced aggregate does not exist → 404
  | 'forbidden' // the actor's role may not do this particular act → 403
  | 'invalid'; // the command itself is inconsistent (dates in the wrong order, …) → 422

export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly kind: DomainErrorKind = 'rule',
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const refuse = (code: string, message: string, kind: DomainErrorKind = 'rule'): never => {
  throw new DomainError(code, message, kind);
};
