import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AdminProjectionsController } from './admin-projections.controller.js';
import { CasesReadController } from './cases-read.controller.js';
import { MinPositionInterceptor } from './min-position.interceptor.js';
import {
  nameIndexProvider,
  projectionRunnerProvider,
  ProjectionRunnerLifecycle,
} from './projection-runner.provider.js';
import { NAME_INDEX, PROJECTION_PROGRESS, PROJECTION_RUNNER } from './read-side.tokens.js';

/**
 * The read side in the api process: the projection runner (started with the app), the case
 * list / timeline / history endpoints, the admin rebuild endpoint, and read-your-writes for
 * every GET (a global interceptor). Exports PROJECTION_PROGRESS for GET /health.
 */
@Module({
  controllers: [CasesReadController, AdminProjectionsController],
  providers: [
    nameIndexProvider,
    projectionRunnerProvider,
    { provide: PROJECTION_PROGRESS, useExisting: PROJECTION_RUNNER },
    ProjectionRunnerLifecycle,
    { provide: APP_INTERCEPTOR, useClass: MinPositionInterceptor },
  ],
  exports: [PROJECTION_PROGRESS, PROJECTION_RUNNER, NAME_INDEX],
})
export class ReadSideModule {}
