import { CheckpointMismatchError, IndexCorruptError, IndexTamperedError, LogInconsistentError } from '#integrity';
import { DomainError } from '#shared-kernel';
import { ProblemError, problem } from '../http/problem.js';

/**
 * What a failed checkpoint or check answers. Tampering found on the way is the answer (409, the
 * event named by id only); anything else — the database unreachable, the key unreadable — is the
 * service's state (503), never an unexplained 500.
 */
export function integrityProblem(error: unknown): Error {
  if (error instanceof DomainError || error instanceof ProblemError) return error;
  if (error instanceof LogInconsistentError)
    return new ProblemError(
      problem(
        409,
        'INTEGRITY.LOG_INCONSISTENT',
        `The log does not continue the last checkpoint at event ${error.event.eventId} (${error.event.streamId}, revision ${error.event.revision}); nothing was signed.`,
      ),
    );
  if (
    error instanceof IndexTamperedError ||
    error instanceof IndexCorruptError ||
    error instanceof CheckpointMismatchError
  )
    return new ProblemError(
      problem(
        409,
        'INTEGRITY.INDEX_ALTERED',
        'The checkpoints stored beside the log were altered; nothing was signed.',
      ),
    );
  return new ProblemError(
    problem(503, 'INTEGRITY.UNAVAILABLE', 'The integrity check could not run now; nothing was recorded. Try again.'),
  );
}
