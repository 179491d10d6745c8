import { type DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '#config';
import { IntegrityModule } from '#integrity';
import { CounterpartGatewayModule, KafkaRelayModule } from '#messaging';
import { PlatformModule } from '#platform';
import { ProjectionsModule } from '#projections';
import { WorkerHealthController } from './worker-health.controller.js';

/**
 * The background half of the service (docs/architecture.md, Layout): projections, the Kafka relay
 * out and the counterpart gateway in (both only when KAFKA_BROKERS is set), and /health.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        PlatformModule.forRoot(config),
        ProjectionsModule,
        // The periodic signed checkpoint (CHECKPOINT_INTERVAL_SECONDS; deploy/ sets the api's to 0).
        IntegrityModule,
        KafkaRelayModule.forRoot(config),
        CounterpartGatewayModule.forRoot(config),
      ],
      controllers: [WorkerHealthController],
    };
  }
}
