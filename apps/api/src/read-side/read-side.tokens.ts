export { NAME_INDEX, PROJECTION_PROGRESS, PROJECTION_RUNNER } from '#projections';

/** How long a GET may wait for the projections to reach ?minPosition= (ms). */
export const MAX_READ_WAIT_MS = 5_000;
