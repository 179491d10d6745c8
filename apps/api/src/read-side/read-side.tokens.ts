/** The ProjectionRunner hosted by this process (see projection-runner.provider.ts). */
export const PROJECTION_RUNNER = Symbol('PROJECTION_RUNNER');
/** What health and read-your-writes need: `ProjectionProgress` from '#projections'. */
export const PROJECTION_PROGRESS = Symbol('PROJECTION_PROGRESS');
/** The keyed blind index of person names (BlindIndex from '#projections'). */
export const NAME_INDEX = Symbol('NAME_INDEX');

/** How long a GET may wait for the projections to reach ?minPosition= (ms). */
export const MAX_READ_WAIT_MS = 5_000;
