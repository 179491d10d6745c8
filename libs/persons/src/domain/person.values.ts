import { assertNever } from '#shared-kernel';

/** Roles a person can have in a case (docs/api.md, Persons). */
export const PERSON_ROLES = ['presumed_victim', 'victim', 'accompanying_minor', 'relative', 'suspect'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

/**
 * Age is kept as a band, not a date: the statistics need "under 18" and the date of birth is
 * personal data that lives only inside the encrypted envelope.
 */
export const AGE_BANDS = ['under_18', 'adult', 'unknown'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/**
 * Where a person stands on the victim-identification track (Law 53/2024, Art. 32–33):
 * - presumed: người đang trong quá trình xác định là nạn nhân, entitled to support meanwhile;
 * - accompanying: a person under 18 travelling with a victim, supported as such and not
 *   presumed a victim, but identification may be opened for them (see person.decide.ts);
 * - under_identification → identified_victim | not_confirmed (which may reopen on new evidence);
 * - not_on_victim_track: relatives and suspects.
 */
export const IDENTIFICATION_STATUSES = [
  'presumed',
  'accompanying',
  'under_identification',
  'identified_victim',
  'not_confirmed',
  'not_on_victim_track',
] as const;
export type IdentificationStatus = (typeof IDENTIFICATION_STATUSES)[number];

/** The status a newly registered person starts in, from the role the case gives them. */
export function initialIdentificationStatus(role: PersonRole): IdentificationStatus {
  switch (role) {
    case 'presumed_victim':
      return 'presumed';
    case 'victim':
      return 'identified_victim';
    case 'accompanying_minor':
      return 'accompanying';
    case 'relative':
    case 'suspect':
      return 'not_on_victim_track';
    default:
      return assertNever(role);
  }
}

/**
 * Shape of the sealed envelope the application produces (`v<format>.<keyVersion>.<iv>.<tag>.<ct>`,
 * base64url parts). Checking the shape cannot prove encryption, but it stops the obvious mistake of
 * a name or a JSON document reaching an immutable event in clear.
 */
const SEALED = /^v[1-9]\d*(\.[A-Za-z0-9_-]*){3,}$/;
export const looksSealed = (value: unknown): value is string => typeof value === 'string' && SEALED.test(value);

import { isOneOf } from '#shared-kernel';

export { isOneOf };
