import { Controller, Get, HttpCode, Inject, Logger, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  errorClassOf,
  RegistryProgress,
  type ProjectionProgress,
  type ProjectionRunner,
  type ProjectionState,
} from '#projections';
import { Act } from '../http/auth.guard.js';
import { badRequest, ProblemError, problem } from '../http/problem.js';
import { PROJECTION_PROGRESS, PROJECTION_RUNNER } from './read-side.tokens.js';

type Wire<T> = { [K in keyof T]: T[K] extends bigint ? string : T[K] extends object | null ? unknown : T[K] };

const wire = (s: ProjectionState): Wire<ProjectionState> => ({
  ...s,
  position: s.position.toString(),
  lag: s.lag.toString(),
  rebuilding: s.rebuilding && { generation: s.rebuilding.generation, position: s.rebuilding.position.toString() },
});

/**
 * Operating the read models. With PGlite the data directory belongs to the running server, so
 * `npm run cli -- projections rebuild <name>` asks it here. Administrators only (the
 * 'reference.admin' act: operating the service, no personal data in what it shows).
 */
@ApiTags('operations')
@ApiBearerAuth()
@Controller('admin/projections')
export class AdminProjectionsController {
  private readonly logger = new Logger('projections');

  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(PROJECTION_PROGRESS) private readonly progress: ProjectionProgress,
  ) {}

  /** Set when the runner lives in the worker (ROLE=api): this process only reads its positions. */
  private get elsewhere(): RegistryProgress | null {
    return this.progress instanceof RegistryProgress ? this.progress : null;
  }

  @Get()
  @Act('ops.read')
  @ApiOkResponse({
    description:
      '{ projections: [{ name, version, generation, status, position, lag, rebuilding, failures, lastError }] }',
  })
  async status(): Promise<{ projections: Wire<ProjectionState>[] }> {
    return { projections: (await (this.elsewhere ?? this.runner).status()).map(wire) };
  }

  /** Starts a rebuild and answers at once (202); the status above shows it until the swap. */
  @Post(':name/rebuild')
  @Act('reference.admin')
  @HttpCode(202)
  async rebuild(@Param('name') name: string): Promise<{ name: string; status: 'rebuilding' }> {
    if (!/^[a-z][a-z0-9_]{0,40}$/.test(name))
      throw badRequest('REQUEST.INVALID', 'The request has invalid fields.', [
        { field: 'name', message: 'name must be a projection name such as case_list' },
      ]);
    if (!this.runner.names.includes(name))
      throw new ProblemError(problem(404, 'PROJECTION.NOT_FOUND', 'No projection with this name.'));
    if (this.elsewhere)
      throw new ProblemError(
        problem(
          409,
          'PROJECTION.RUNS_IN_WORKER',
          'The projections run in the worker process (ROLE=worker); `npm run cli -- projections rebuild <name>` rebuilds one in the database directly.',
        ),
      );
    this.runner
      .rebuild(name)
      .then((r) => this.logger.log(`rebuilt ${name}: ${r.events} events in ${r.seconds.toFixed(1)} s`))
      .catch((error: unknown) => this.logger.warn(`rebuild of ${name} failed: ${errorClassOf(error)}`));
    return { name, status: 'rebuilding' };
  }
}
