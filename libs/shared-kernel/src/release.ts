import type { Actor } from './decider.js';
import { refuse } from './domain-error.js';

/**
 * The second officer's release (issue 10): one officer alone does not decide what leaves for the
 * other side. Exchange messages and verification requests follow the same rule, so it lives here
 * once; each context passes its own refusal codes, as with the disclosure rule.
 *
 *   awaiting_release ──release (another officer of the author's unit)──▶ released (it is sent)
 *   awaiting_release ──return with a comment (another officer)──▶ returned
 *   awaiting_release ──withdraw (the author)──▶ withdrawn
 *   returned | withdrawn ──resubmit (the author)──▶ awaiting_release
 */

/**
 * Which outgoing items a unit holds for release (configured per unit): `personal_data` (the
 * default) those that carry personal data, `all` every one, `off` none.
 */
export const RELEASE_POLICIES = ['off', 'personal_data', 'all'] as const;
export type ReleasePolicy = (typeof RELEASE_POLICIES)[number];

export type ReleaseState = 'awaiting_release' | 'returned' | 'withdrawn' | 'released';

/** An officer as the release rules see them: who, and of which unit (the province they serve). */
export interface ReleaseOfficer {
  readonly userId: string;
  readonly unit: string;
}

/**
 * The officer as the release rules know them: their user id and the unit they serve, named by its
 * province (the need-to-know scope), or by the unit code for an account without one.
 */
export const releaseOfficerOf = (actor: Actor): ReleaseOfficer => ({
  userId: actor.userId,
  unit: actor.province ?? actor.unitId,
});

export type ReleaseAct = 'release' | 'return' | 'withdraw' | 'resubmit';

/** The refusals of the rule, in the code namespace of the context applying it. */
export interface ReleaseRefusalCodes {
  readonly OWN_DRAFT_RELEASE: string;
  readonly OTHER_UNIT_RELEASE: string;
  readonly NOT_AWAITING_RELEASE: string;
  readonly NOT_DRAFT_AUTHOR: string;
  readonly INVALID_TRANSITION: string;
}

/** Whether an outgoing item is held for release under `policy`. */
export const holdsForRelease = (policy: ReleasePolicy, carriesPersonalData: boolean): boolean =>
  policy === 'all' || (policy === 'personal_data' && carriesPersonalData);

const words = (state: ReleaseState): string => state.replace('_', ' ');

/**
 * Refuses `act` by `by` on a draft written by `author` and now in `state`. Release and return are
 * the second officer's; the author is checked first, so an author who tries to release their own
 * draft is told so whatever state it is in. Withdraw and resubmit are the author's.
 */
export function checkReleaseAct(
  act: ReleaseAct,
  draft: { readonly author: ReleaseOfficer; readonly state: ReleaseState },
  by: ReleaseOfficer,
  codes: ReleaseRefusalCodes,
): void {
  const { author, state } = draft;
  if (act === 'release' || act === 'return') {
    if (by.userId === author.userId) {
      refuse(codes.OWN_DRAFT_RELEASE, `the author of a draft cannot ${act} it: a second officer of the unit does`);
    }
    if (by.unit !== author.unit) {
      refuse(codes.OTHER_UNIT_RELEASE, `only an officer of the author’s unit may ${act} the draft`, 'forbidden');
    }
    if (state !== 'awaiting_release') {
      refuse(codes.NOT_AWAITING_RELEASE, `the draft is ${words(state)}, not awaiting release`);
    }
    return;
  }
  if (by.userId !== author.userId) {
    refuse(codes.NOT_DRAFT_AUTHOR, 'only the author of the draft may withdraw or resubmit it', 'forbidden');
  }
  if (act === 'withdraw' && state !== 'awaiting_release') {
    refuse(codes.NOT_AWAITING_RELEASE, `the draft is ${words(state)}, not awaiting release`);
  }
  if (act === 'resubmit' && state !== 'returned' && state !== 'withdrawn') {
    refuse(codes.INVALID_TRANSITION, `a draft ${words(state)} cannot be resubmitted`);
  }
}
