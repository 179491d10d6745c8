import type { PersonalDataCipher } from '#security';
import { CaseListProjection } from './case-list/case-list.projection.js';
import type { BlindIndex } from './case-search/blind-index.js';
import { CaseNameIndexProjection } from './case-search/case-name-index.projection.js';
import { CaseTimelineProjection } from './case-timeline/case-timeline.projection.js';
import type { Projection } from './projection.js';
import { auditLogProjection } from './audit-log/index.js';
import { deadlinesProjection, releaseQueueProjection } from './deadlines/index.js';
import { gateHandoversProjection } from './gate-handovers/index.js';
import { meetingsProjection } from './meetings/index.js';
import { sexOpener, statisticsProjection } from './statistics/index.js';
import { reportStatusProjection } from './reports/index.js';

/** What the projections need from the outside; both the api and the worker build it the same way. */
export interface ProjectionDependencies {
  readonly cipher: Pick<PersonalDataCipher, 'decrypt'>;
  readonly nameIndex: BlindIndex;
}

/**
 * Every projection the runner hosts, whichever process runs it (ROLE=all or worker) and in the
 * CLI. A new read model is added here (and only here), so they can never host different sets.
 */
export function allProjections(deps: ProjectionDependencies): Projection[] {
  return [
    new CaseListProjection(),
    new CaseNameIndexProjection(deps.cipher, deps.nameIndex),
    new CaseTimelineProjection(),
    deadlinesProjection,
    releaseQueueProjection,
    statisticsProjection(sexOpener(deps.cipher)),
    auditLogProjection,
    gateHandoversProjection,
    meetingsProjection,
    reportStatusProjection,
  ];
}
