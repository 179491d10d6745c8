import { Inject, Injectable, Logger, Module, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, runsBackground, type AppConfig } from '#config';
import { EVENT_STORE, SQL_CLIENT, type EventStore, type SqlClient } from '#event-store';
import { KEY_STORE, PERSONAL_DATA_CIPHER, type KeyStore, type PersonalDataCipher } from '#security';
import { allProjections } from './catalog.js';
import { BlindIndex } from './case-search/blind-index.js';
import { ProjectionRunner, type ProjectionProgress } from './runner/projection-runner.js';
import { RegistryProgress } from './runner/registry-progress.js';

/** The ProjectionRunner hosted by this process. */
export const PROJECTION_RUNNER = Symbol('PROJECTION_RUNNER');
/** What health and read-your-writes need: `ProjectionProgress`. */
export const PROJECTION_PROGRESS = Symbol('PROJECTION_PROGRESS');
/** The keyed blind index of person names. */
export const NAME_INDEX = Symbol('NAME_INDEX');

/**
 * Started once the application is up, stopped first on shutdown (module destroy comes before
 * the platform closes the store in its application-shutdown hook). Only in a process whose ROLE
 * runs the background work: an api (ROLE=api) reads what the worker's runner wrote.
 */
@Injectable()
export class ProjectionRunnerLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  private started = false;

  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(PROJECTION_PROGRESS) private readonly progress: ProjectionProgress,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Whether this process hosts the runner (health names it among the running components). */
  get running(): boolean {
    return this.started;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!runsBackground(this.config)) return;
    await this.runner.start();
    this.started = true;
  }

  async onModuleDestroy(): Promise<void> {
    if (this.progress instanceof RegistryProgress) this.progress.stop();
    await this.runner.stop();
  }
}

/**
 * The projections of the catalog: run in this process when its ROLE is all (the embedded
 * default) or worker; with ROLE=api only read (names, progress, the name index).
 */
@Module({
  providers: [
    {
      provide: NAME_INDEX,
      useFactory: (keys: KeyStore): Promise<BlindIndex> => BlindIndex.open(keys),
      inject: [KEY_STORE],
    },
    {
      provide: PROJECTION_RUNNER,
      useFactory: (
        store: EventStore,
        sql: SqlClient,
        cipher: PersonalDataCipher,
        nameIndex: BlindIndex,
        config: AppConfig,
      ) => {
        const logger = new Logger('projections');
        return new ProjectionRunner(store, sql, allProjections({ cipher, nameIndex }), {
          ...config.projections,
          warn: (m) => logger.warn(m),
        });
      },
      inject: [EVENT_STORE, SQL_CLIENT, PERSONAL_DATA_CIPHER, NAME_INDEX, APP_CONFIG],
    },
    {
      // The runner itself where it runs; elsewhere the positions it saved in the registry.
      provide: PROJECTION_PROGRESS,
      useFactory: (config: AppConfig, runner: ProjectionRunner, store: EventStore, sql: SqlClient) =>
        runsBackground(config) ? runner : new RegistryProgress(store, sql, runner.names),
      inject: [APP_CONFIG, PROJECTION_RUNNER, EVENT_STORE, SQL_CLIENT],
    },
    ProjectionRunnerLifecycle,
  ],
  exports: [PROJECTION_RUNNER, PROJECTION_PROGRESS, NAME_INDEX, ProjectionRunnerLifecycle],
})
export class ProjectionsModule {}
