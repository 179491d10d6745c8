import {
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { APP_CONFIG, runsBackground, type AppConfig } from '#config';
import { EVENT_STORE, SQL_CLIENT, type EventStore, type SqlClient } from '#event-store';
import { CheckpointSigningKey } from '#security';
import { CheckpointRecorder } from './checkpoint/checkpoint-recorder.js';
import { CheckpointTimer, realScheduler } from './checkpoint/checkpoint-timer.js';
import { IntegrityIndex } from './index/integrity-index.js';
import { EventProofs } from './verify/event-proofs.js';
import { StreamVerifier } from './verify/stream-verifier.js';

/** The events' own SQL database when they are in one (pglite, postgres), for checks of its columns. */
const eventsSqlOf = (config: AppConfig, sql: SqlClient): SqlClient | null =>
  config.eventStore === 'kurrentdb' ? null : sql;

/**
 * The periodic checkpoint of this process (CHECKPOINT_INTERVAL_SECONDS; 0 turns it off here, and
 * so does ROLE=api: the worker's timer is the one that signs).
 * Started once the application is up and stopped before the store closes, like the projections.
 */
@Injectable()
export class CheckpointTimerLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: CheckpointTimer | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly recorder: CheckpointRecorder,
  ) {}

  onApplicationBootstrap(): void {
    const logger = new Logger('checkpoints');
    const seconds = runsBackground(this.config) ? this.config.integrity.intervalSeconds : 0;
    this.timer = new CheckpointTimer(this.recorder, seconds * 1000, realScheduler, {
      warn: (m) => logger.warn(m),
    });
    this.timer.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.timer?.stop();
  }
}

/**
 * Signed checkpoints and the checks against them (ADR 0009), for the api and the worker: the
 * index tables, the signing key (CHECKPOINT_SIGNING_KEY or DATA_DIR/keys), the recorder, the
 * case verifier, proofs, and the timer. Needs APP_CONFIG, EVENT_STORE and SQL_CLIENT from the
 * platform module.
 */
@Global()
@Module({
  providers: [
    {
      provide: IntegrityIndex,
      inject: [SQL_CLIENT],
      useFactory: async (sql: SqlClient) => {
        const index = new IntegrityIndex(sql);
        await index.migrate();
        return index;
      },
    },
    {
      provide: CheckpointRecorder,
      inject: [APP_CONFIG, EVENT_STORE, SQL_CLIENT, IntegrityIndex],
      useFactory: async (config: AppConfig, store: EventStore, sql: SqlClient, index: IntegrityIndex) =>
        new CheckpointRecorder(store, index, await CheckpointSigningKey.fromConfig(config), {
          eventsSql: eventsSqlOf(config, sql),
        }),
    },
    {
      provide: StreamVerifier,
      inject: [APP_CONFIG, EVENT_STORE, SQL_CLIENT, IntegrityIndex, CheckpointRecorder],
      useFactory: (
        config: AppConfig,
        store: EventStore,
        sql: SqlClient,
        index: IntegrityIndex,
        r: CheckpointRecorder,
      ) => new StreamVerifier(store, index, r, eventsSqlOf(config, sql)),
    },
    {
      provide: EventProofs,
      inject: [APP_CONFIG, EVENT_STORE, SQL_CLIENT, IntegrityIndex, CheckpointRecorder],
      useFactory: (
        config: AppConfig,
        store: EventStore,
        sql: SqlClient,
        index: IntegrityIndex,
        r: CheckpointRecorder,
      ) => new EventProofs(store, index, r, eventsSqlOf(config, sql)),
    },
    CheckpointTimerLifecycle,
  ],
  exports: [IntegrityIndex, CheckpointRecorder, StreamVerifier, EventProofs],
})
export class IntegrityModule {}
