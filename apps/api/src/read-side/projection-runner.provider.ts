import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { EVENT_STORE, SQL_CLIENT, type EventStore, type SqlClient } from '#event-store';
import { allProjections, BlindIndex, ProjectionRunner } from '#projections';
import { KEY_STORE, PERSONAL_DATA_CIPHER, type KeyStore, type PersonalDataCipher } from '#security';
import { NAME_INDEX, PROJECTION_RUNNER } from './read-side.tokens.js';

export const nameIndexProvider = {
  provide: NAME_INDEX,
  useFactory: (keys: KeyStore): Promise<BlindIndex> => BlindIndex.open(keys),
  inject: [KEY_STORE],
};

export const projectionRunnerProvider = {
  provide: PROJECTION_RUNNER,
  useFactory: (store: EventStore, sql: SqlClient, cipher: PersonalDataCipher, nameIndex: BlindIndex) => {
    const logger = new Logger('projections');
    return new ProjectionRunner(store, sql, allProjections({ cipher, nameIndex }), { warn: (m) => logger.warn(m) });
  },
  inject: [EVENT_STORE, SQL_CLIENT, PERSONAL_DATA_CIPHER, NAME_INDEX],
};

/**
 * The embedded default runs the projections inside the api process (architecture.md, Stores):
 * started once the application is up, stopped first on shutdown (module destroy comes before
 * the infrastructure closes the store in its application-shutdown hook).
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
