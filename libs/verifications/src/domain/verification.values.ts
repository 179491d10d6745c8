/** outgoing: we ask the counterpart (they owe the answer); incoming: they ask us (we owe it). */
export const VERIFICATION_DIRECTIONS = ['outgoing', 'incoming'] as const;
export type VerificationDirection = (typeof VERIFICATION_DIRECTIONS)[number];

export const VERIFICATION_SUBJECTS = ['identity', 'nationality', 'residence', 'victim_status'] as const;
export type VerificationSubject = (typeof VERIFICATION_SUBJECTS)[number];

/** Each result is an ordinary business outcome and becomes its own event type. */
export const VERIFICATION_RESULTS = ['confirmed', 'not_confirmed', 'inconclusive'] as const;
export type VerificationResult = (typeof VERIFICATION_RESULTS)[number];

import { isOneOf } from '#shared-kernel';

export { isOneOf };
