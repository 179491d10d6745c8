import { ConfigError, loadConfig, type AppConfig } from '#config';
import { errorClassOf, openProjectionRuntime } from '#projections';

/**
 * The projections on their own, for production: `node dist/apps/worker/src/main.js` with the
 * same environment as the api (EVENT_STORE=postgres, DATABASE_URL, MASTER_KEY, …). The api
 * keeps its own in-process runner; two runners on one database are safe (each batch re-reads
 * its checkpoint under a row lock) but do the work twice, so turn the api's off once a switch
 * exists. Not for the embedded PGlite store: its data directory belongs to one process.
 */
async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  if (config.eventStore === 'pglite') {
    console.error(
      'The embedded PGlite store runs its projections inside the api process (npm start); the worker needs EVENT_STORE=postgres.',
    );
    process.exit(1);
  }
  const runtime = await openProjectionRuntime(config, { warn: (m) => console.warn(m) });
  await runtime.runner.start();
  console.warn(
    `BLO Ledger worker: projections ${runtime.runner.names.join(', ')} running (events: ${config.eventStore})`,
  );
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    runtime.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`worker stopped with ${errorClassOf(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`BLO Ledger worker failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
