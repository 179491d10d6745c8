import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { ProjectionsModule } from '#projections';
import { AdminProjectionsController } from './admin-projections.controller.js';
import { CasesReadController } from './cases-read.controller.js';
import { MinPositionInterceptor } from './min-position.interceptor.js';

/**
 * The read side in the api process: the projections (run here in the embedded default), the
 * case list / timeline / history endpoints, the admin rebuild endpoint, and read-your-writes
 * for every GET (a global interceptor).
 */
@Module({
  imports: [ProjectionsModule],
  controllers: [CasesReadController, AdminProjectionsController],
  providers: [{ provide: APP_INTERCEPTOR, useClass: MinPositionInterceptor }],
  exports: [ProjectionsModule],
})
export class ReadSideModule {}
