import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfigOrExit } from '#config';
import { WorkerModule } from './worker.module.js';

/**
 * The worker for production: `node dist/apps/worker/src/main.js` with the same environment as
 * the api (EVENT_STORE=postgres|kurrentdb, DATABASE_URL, MASTER_KEY, KAFKA_BROKERS, …). It runs
 * the projections, the Kafka relay and the counterpart gateway, and serves /health on PORT.
 * The api keeps its own projection runner; two runners on one database are safe (each batch
 * re-reads its checkpoint under a row lock) but do the work twice. Not for the embedded PGlite
 * store: its data directory belongs to the one api process (`npm start` runs everything).
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  if (config.eventStore === 'pglite') {
    console.error(
      'The embedded PGlite store runs everything inside the api process (npm start); the worker needs EVENT_STORE=postgres or kurrentdb.',
    );
    process.exit(1);
  }
  const app = await NestFactory.create<NestFastifyApplication>(WorkerModule.forRoot(config), new FastifyAdapter(), {
    logger: ['fatal', 'error', 'warn', 'log'],
  });
  app.enableShutdownHooks();
  await app.listen({ host: config.host, port: config.port });
  const bound = app.getHttpServer().address();
  const port = typeof bound === 'object' && bound ? bound.port : config.port;
  const parts = config.kafkaBrokers.length > 0 ? 'projections, Kafka relay and counterpart gateway' : 'projections';
  console.warn(`BLO Ledger worker: ${parts} running; health on port ${port} (events: ${config.eventStore})`);
}

main().catch((error: unknown) => {
  console.error(`BLO Ledger worker failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
