import {
  type DynamicModule,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { APP_CONFIG, runsBackground, type AppConfig } from '#config';
import { EVENT_STORE, type EventStore } from '#event-store';
import { ExchangeWritesModule } from '#exchanges/application';
import { CounterpartGateway, type GatewayOutcome } from './counterpart-gateway.js';
import { InboundRecorder, gatewayActor } from './inbound-recorder.js';

/**
 * Runs the counterpart gateway for the life of the application. Needs APP_CONFIG and EVENT_STORE
 * from the application's infrastructure module and the CqrsModule's command bus: what arrives is
 * written by the same exchange handlers as a message logged over HTTP, sealing included.
 */
@Injectable()
export class CounterpartGatewayService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('CounterpartGateway');
  private readonly listeners = new Set<(outcome: GatewayOutcome) => void>();
  private gateway: CounterpartGateway | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly commands: CommandBus,
  ) {}

  onApplicationBootstrap(): void {
    const { kafka } = this.config;
    this.gateway = new CounterpartGateway({
      brokers: this.config.kafkaBrokers,
      clientId: `${kafka.clientId}-gateway`,
      topic: kafka.counterpartTopic,
      deadLetterTopic: kafka.deadLetterTopic,
      groupId: kafka.consumerGroup,
      recorder: new InboundRecorder(this.commands, this.store, gatewayActor()),
      // Coordinates, reason codes and error messages only: never the message itself.
      log: { warn: (message, context) => this.logger.warn(`${message} ${JSON.stringify(context ?? {})}`) },
      onOutcome: (outcome) => {
        for (const listener of this.listeners) listener(outcome);
      },
    });
    this.gateway.start();
    this.logger.log(`consuming counterpart messages from ${kafka.counterpartTopic}`);
  }

  /** Whether the gateway runs in this process (health names it among the running components). */
  get running(): boolean {
    return this.gateway !== null;
  }

  /** Resolves once the consumer runs. */
  async started(): Promise<void> {
    await this.gateway?.started();
  }

  /** Told of every record handled (recorded, duplicate, dead-lettered); returns the unsubscribe. */
  onOutcome(listener: (outcome: GatewayOutcome) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Before the store closes (its closer runs on application shutdown, after module destroy). */
  async onModuleDestroy(): Promise<void> {
    await this.gateway?.stop();
    this.gateway = null;
  }
}

/** The gateway when KAFKA_BROKERS is set and the process's ROLE runs background work, nothing otherwise. */
@Module({})
export class CounterpartGatewayModule {
  static forRoot(config: AppConfig): DynamicModule {
    if (config.kafkaBrokers.length === 0 || !runsBackground(config)) return { module: CounterpartGatewayModule };
    return {
      module: CounterpartGatewayModule,
      imports: [ExchangeWritesModule],
      providers: [CounterpartGatewayService],
      exports: [CounterpartGatewayService],
    };
  }
}
