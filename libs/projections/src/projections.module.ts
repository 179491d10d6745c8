import { Inject, Injectable, Logger, Module, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { EVENT_STORE, SQL_CLIENT, type EventStore, type SqlClient } from '#event-store';
import { KEY_STORE, PERSONAL_DATA_CIPHER, type KeyStore, type PersonalDataCipher } from '#security';
import { allProjections } from './catalog.js';
import { BlindIndex } from './case-search/blind-index.js';
import { ProjectionRunner } from './runner/projection-runner.js';

/** The ProjectionRunner hosted by this process. */
export const PROJECTION_RUNNER = Symbol('PROJECTION_RUNNER');
/** What health and read-your-writes need: `ProjectionProgress`. */
export const PROJECTION_PROGRESS = Symbol('PROJECTION_PROGRESS');
/** The keyed blind index of person names. */
export const NAME_INDEX = Symbol('NAME_INDEX');

/**
 * Started once the application is up, stopped first on shutdown (module destroy comes before
 * the platform closes the store in its application-shutdown hook).
 */
@Injectable()
export class ProjectionRunnerLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(@Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.runner.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.runner.stop();
  }
}

/** The projections of the catalog, run in this process (the api in the embedded default, the worker in production). */
@Module({
  providers: [
    {
      provide: NAME_INDEX,
      useFactory: (keys: KeyStore): Promise<BlindIndex> => BlindIndex.open(keys),
      inject: [KEY_STORE],
    },
    {
      provide: PROJECTION_RUNNER,
      useFactory: (store: EventStore, sql: SqlClient, cipher: PersonalDataCipher, nameIndex: BlindIndex) => {
        const logger = new Logger('projections');
        return new ProjectionRunner(store, sql, allProjections({ cipher, nameIndex }), { warn: (m) => logger.warn(m) });
      },
      inject: [EVENT_STORE, SQL_CLIENT, PERSONAL_DATA_CIPHER, NAME_INDEX],
    },
    { provide: PROJECTION_PROGRESS, useExisting: PROJECTION_RUNNER },
    ProjectionRunnerLifecycle,
  ],
  exports: [PROJECTION_RUNNER, PROJECTION_PROGRESS, NAME_INDEX],
})
export class ProjectionsModule {}
