import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import type { AppConfig } from '#config';
import { AuthGuard } from './http/auth.guard.js';
import { InfrastructureModule } from './infrastructure/infrastructure.module.js';
import { HealthController } from './health/health.controller.js';
import { ReferenceController } from './reference/reference.controller.js';
import { CasesHttpModule } from './cases/cases-http.module.js';
import { PersonsHttpModule } from './persons/persons-http.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [InfrastructureModule.forRoot(config), CqrsModule.forRoot(), CasesHttpModule, PersonsHttpModule],
      controllers: [HealthController, ReferenceController],
      providers: [{ provide: APP_GUARD, useClass: AuthGuard }],
    };
  }
}
