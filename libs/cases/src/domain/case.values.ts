/**
 * Closed vocabularies of the Case aggregate. Kept as const arrays so the HTTP layer can build
 * validators and OpenAPI enums from the same source the domain checks against.
 */

/** How a report reached the service (docs/domain.md: hotline 111, self-report, rescue, …). */
export const CASE_CHANNELS = [
  'hotline',
  'self_report',
  'rescue',
  'counterpart_notification',
  'blo_meeting',
  'counterpart_handover',
  'mission_abroad',
  'other',
] as const;
export type CaseChannel = (typeof CASE_CHANNELS)[number];

export { BORDER_PROVINCES, type BorderProvince } from '#shared-kernel';

/**
 * The outcome of screening a signal. Provincial plans require 100 % of reports to be classified,
 * so the statistics count reports that carry any of these.
 */
export const CASE_CLASSIFICATIONS = ['trafficking_suspected', 'not_trafficking', 'insufficient_information'] as const;
export type CaseClassification = (typeof CASE_CLASSIFICATIONS)[number];

/**
 * A person's role as the case sees it. The Person aggregate owns the full meaning; the case keeps
 * the role so its read side can count victims and accompanying minors without joining streams.
 */
export const LINKED_PERSON_ROLES = ['presumed_victim', 'victim', 'accompanying_minor', 'relative', 'suspect'] as const;
export type LinkedPersonRole = (typeof LINKED_PERSON_ROLES)[number];

import { isOneOf } from '#shared-kernel';

export { isOneOf };
