import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import type { Logger as Pino } from 'pino';
import { servesApi, type AppConfig } from '#config';
import { CounterpartGatewayModule, KafkaRelayModule } from '#messaging';
import { ProjectionsModule } from '#projections';
import { AuthGuard } from './http/auth.guard.js';
import { InfrastructureModule } from './infrastructure/infrastructure.module.js';
import { HealthController } from './health/health.controller.js';
import { HTTP_METRICS, HttpMetrics } from './metrics/http-metrics.js';
import { MetricsController } from './metrics/metrics.controller.js';
import { ReferenceController } from './reference/reference.controller.js';
import { CasesHttpModule } from './cases/cases-http.module.js';
import { PersonsHttpModule } from './persons/persons-http.module.js';
import { HandoversHttpModule } from './handovers/handovers-http.module.js';
import { ExchangesHttpModule } from './exchanges/exchanges-http.module.js';
import { VerificationsHttpModule } from './verifications/verifications-http.module.js';
import { BoardsModule } from './boards/boards-http.module.js';
import { MeetingsHttpModule } from './meetings/meetings-http.module.js';
import { ReadSideModule } from './read-side/read-side.module.js';
import { AccountsHttpModule } from './accounts/accounts-http.module.js';
import { OidcLoginModule } from './auth/oidc-login.module.js';
import { IntegrityHttpModule } from './integrity/integrity-http.module.js';
import { ReportsHttpModule } from './reports/reports-http.module.js';
import { appLoggerModule } from './logging/app-logger.js';
import { BackupSocket } from './operations/backup-socket.js';

/**
 * The one composition of the service; config.role picks its parts. The background modules
 * (projections, relay, gateway, checkpoint timer) are always imported and decide from the role
 * themselves whether they run, so every role wires them the same way. A worker (ROLE=worker)
 * serves only /health and /metrics over HTTP.
 */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, logger: Pino): DynamicModule {
    const background = [ProjectionsModule, KafkaRelayModule.forRoot(config), CounterpartGatewayModule.forRoot(config)];
    const providers = [
      { provide: APP_GUARD, useClass: AuthGuard },
      { provide: HTTP_METRICS, useValue: new HttpMetrics() },
      // The embedded store's online backup (ADR 0017): a socket in DATA_DIR, not an API route.
      ...(config.eventStore === 'pglite' ? [BackupSocket] : []),
    ];
    if (!servesApi(config))
      return {
        module: AppModule,
        // The command bus too: the gateway writes what it receives through the exchange handlers.
        imports: [appLoggerModule(logger), InfrastructureModule.forRoot(config), CqrsModule.forRoot(), ...background],
        controllers: [HealthController, MetricsController],
        providers,
      };
    return {
      module: AppModule,
      imports: [
        appLoggerModule(logger),
        InfrastructureModule.forRoot(config),
        CqrsModule.forRoot(),
        CasesHttpModule,
        PersonsHttpModule,
        HandoversHttpModule,
        ExchangesHttpModule,
        VerificationsHttpModule,
        BoardsModule,
        MeetingsHttpModule,
        ReadSideModule,
        AccountsHttpModule,
        IntegrityHttpModule,
        ReportsHttpModule,
        OidcLoginModule.forRoot(config),
        ...background,
      ],
      controllers: [HealthController, ReferenceController, MetricsController],
      providers,
    };
  }
}
