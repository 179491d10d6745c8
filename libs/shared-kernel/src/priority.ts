import { refuse } from './domain-error.js';
import { invalid } from './guards.js';

/**
 * How soon the other side should answer (issue 11): an urgent request (a person at risk, a
 * handover tomorrow) is due by its own, shorter limit; everything else is normal. Exchanges and
 * verification requests carry one; the reply limits per priority are configuration.
 */
export const PRIORITIES = ['urgent', 'normal'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const isPriority = (value: unknown): value is Priority =>
  typeof value === 'string' && (PRIORITIES as readonly string[]).includes(value);

/** The refusals of a priority change, in the code namespace of the context applying it. */
export interface PriorityRefusalCodes {
  readonly INVALID_PRIORITY: string;
  readonly PRIORITY_UNCHANGED: string;
  readonly REASON_REQUIRED: string;
}

/**
 * Checks a change from `current` to `next` with its reason and returns the reason, trimmed: a
 * change must be to the other priority (a repeat would say nothing) and must say why, since it
 * moves the reply clock of everything still waiting.
 */
export function checkPriorityChange(
  current: Priority,
  next: unknown,
  reason: unknown,
  codes: PriorityRefusalCodes,
): string {
  if (!isPriority(next)) return invalid(codes.INVALID_PRIORITY, `priority must be one of ${PRIORITIES.join(', ')}`);
  if (next === current) return refuse(codes.PRIORITY_UNCHANGED, `the priority is already ${current}`);
  if (typeof reason !== 'string' || reason.trim() === '') {
    return invalid(codes.REASON_REQUIRED, 'changing the priority needs a reason');
  }
  return reason.trim();
}
