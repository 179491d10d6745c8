import {
  type DynamicModule,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { APP_CONFIG, runsBackground, type AppConfig } from '#config';
import { EVENT_STORE, SQL_CLIENT, type EventStore, type SqlClient } from '#event-store';
import { KafkaRelay } from './kafka-relay.js';
import { KafkajsPublisher } from './kafkajs-publisher.js';
import { SqlCheckpointStore } from './relay-checkpoints.js';

/**
 * Checkpoint name of the relay. One per topic: pointing the relay at a new topic starts that
 * topic from the beginning of the log instead of silently skipping what the old topic got.
 */
export const relayName = (topic: string): string => `kafka-out:${topic}`;

/**
 * Runs the Kafka relay (libs/messaging) for the life of the application: started once the app
 * has booted, stopped before the store and the database close. Needs APP_CONFIG, EVENT_STORE and
 * SQL_CLIENT from the application's infrastructure module. The relay publishes from the log, never
 * from a request, so an unreachable broker only delays publication (it retries with backoff).
 */
@Injectable()
export class KafkaRelayService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('KafkaRelay');
  private relay: KafkaRelay | null = null;
  private publisher: KafkajsPublisher | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const checkpoints = new SqlCheckpointStore(this.sql);
    await checkpoints.migrate();
    this.publisher = new KafkajsPublisher({ brokers: this.config.kafkaBrokers, clientId: this.config.kafka.clientId });
    const topic = this.config.kafka.eventsTopic;
    this.relay = new KafkaRelay({
      store: this.store,
      publisher: this.publisher,
      checkpoints,
      name: relayName(topic),
      topic,
      source: this.config.kafka.source,
      // Positions, ids and error messages only: the relay never logs event data.
      log: { warn: (message, context) => this.logger.warn(`${message} ${JSON.stringify(context ?? {})}`) },
    });
    await this.relay.start();
    this.logger.log(`publishing integration events to ${topic} from position ${this.relay.checkpoint}`);
  }

  /** Whether the relay runs in this process (health names it among the running components). */
  get running(): boolean {
    return this.relay !== null;
  }

  /** Last position the broker acknowledged (for health and tests). */
  get checkpoint(): bigint {
    return this.relay?.checkpoint ?? 0n;
  }

  /** Resolves once every event up to `position` is acknowledged by the broker. */
  waitFor(position: bigint, timeoutMs: number): Promise<void> {
    if (!this.relay) return Promise.reject(new Error('the Kafka relay is not running'));
    return this.relay.waitFor(position, timeoutMs);
  }

  /** Before the store closes (its closer runs on application shutdown, after module destroy). */
  async onModuleDestroy(): Promise<void> {
    await this.relay?.stop();
    await this.publisher?.close();
    this.relay = null;
    this.publisher = null;
  }
}

/**
 * The relay when KAFKA_BROKERS is set and the process's ROLE runs background work (all, worker),
 * nothing otherwise: an api (ROLE=api) never publishes, so one worker is the one relay.
 */
@Module({})
export class KafkaRelayModule {
  static forRoot(config: AppConfig): DynamicModule {
    if (config.kafkaBrokers.length === 0 || !runsBackground(config)) return { module: KafkaRelayModule };
    return { module: KafkaRelayModule, providers: [KafkaRelayService], exports: [KafkaRelayService] };
  }
}
