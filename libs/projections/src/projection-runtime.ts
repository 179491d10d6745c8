import type { AppConfig } from '#config';
import { openEventStore, type OpenedEventStore } from '#event-store';
import { KeyStore, MasterKey, PersonalDataCipher } from '#security';
import { allProjections } from './catalog.js';
import { BlindIndex } from './case-search/blind-index.js';
import { ProjectionRunner, type ProjectionRunnerOptions } from './runner/projection-runner.js';

export interface ProjectionRuntime {
  readonly runner: ProjectionRunner;
  readonly opened: OpenedEventStore;
  /** Stops the runner, then closes the store and its database. */
  close(): Promise<void>;
}

/**
 * Everything the runner needs, built from the one config object the way the api builds it:
 * for the CLI's direct rebuild on PostgreSQL and the bench (the service itself wires the runner
 * through ProjectionsModule). Not started: call `runtime.runner.start()`.
 */
export async function openProjectionRuntime(
  config: AppConfig,
  options: ProjectionRunnerOptions = {},
): Promise<ProjectionRuntime> {
  const opened = await openEventStore(config);
  try {
    const keys = new KeyStore(opened.sql, await MasterKey.fromConfig(config));
    await keys.migrate();
    const cipher = new PersonalDataCipher(keys);
    const nameIndex = await BlindIndex.open(keys);
    const runner = new ProjectionRunner(opened.store, opened.sql, allProjections({ cipher, nameIndex }), {
      ...config.projections,
      ...options,
    });
    return {
      runner,
      opened,
      close: async () => {
        await runner.stop();
        await opened.close();
      },
    };
  } catch (error) {
    await opened.close();
    throw error;
  }
}
