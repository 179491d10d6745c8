import 'reflect-metadata';
import { loadConfigOrExit, type AppConfig } from '#config';
import { superviseApiProcesses, supervisesApiProcesses } from './api-processes.js';
import { createApp } from './app.factory.js';
import { createAppLogger } from './logging/app-logger.js';
import { logProcessWarnings } from './logging/process-warnings.js';

/**
 * What the process says once it listens. Printed whatever LOG_LEVEL says (it is how an operator
 * and the tests find the port): as text on a terminal, else as one JSON line like every other.
 */
function announce(config: AppConfig, headline: string, hints: readonly string[]): void {
  if (process.stdout.isTTY && !config.production) {
    process.stdout.write(['', headline, ...hints, ''].join('\n'));
    return;
  }
  const line = { level: 30, time: new Date().toISOString(), context: 'main', role: config.role, msg: headline };
  process.stdout.write(`${JSON.stringify(hints.length > 0 ? { ...line, hints } : line)}\n`);
}

/**
 * Every process of the service starts here; ROLE (libs/config) decides what it runs: all (the
 * default, and the only role of the embedded store), api (HTTP only; API_PROCESSES of them on one
 * port, api-processes.ts) or worker (projections, Kafka relay, counterpart gateway, checkpoint
 * timer, and /health and /metrics).
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createAppLogger(config);
  logProcessWarnings(logger);
  if (supervisesApiProcesses(config)) {
    superviseApiProcesses(config, (headline) => announce(config, headline, []));
    return;
  }
  const app = await createApp(config, { logger });
  await app.listen({ host: config.host, port: config.port });
  const bound = app.getHttpServer().address();
  const port = typeof bound === 'object' && bound ? bound.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  const store = config.eventStore === 'pglite' ? `embedded PGlite in ${config.dataDir}` : config.eventStore;
  if (config.role === 'worker') {
    const parts = config.kafkaBrokers.length > 0 ? 'projections, Kafka relay and counterpart gateway' : 'projections';
    announce(config, `BLO Ledger worker: ${parts} running; health on port ${port} (events: ${store})`, []);
    return;
  }
  const role = config.role === 'api' ? ' (ROLE=api: projections, relay and gateway run in the worker)' : '';
  announce(config, `BLO Ledger is serving ${url}/api/v1 (events: ${store})${role}`, [
    `  Web app:     ${url}/   (border guards at the gate: ${url}/gate)`,
    `  API docs:    ${url}/api/docs`,
    `  Health:      ${url}/health`,
    `  Mint a token: npm run cli -- token --sub an.nguyen --role liaison_officer --unit VN-LS-BLO --province lang-son`,
    `  Demo data:    npm run cli -- demo   (also creates a sign-in per role and prints its password)`,
    `  Add a user:   npm run cli -- user add --username hoa.nguyen --name "Nguyễn Thị Hoa" --role liaison_officer --unit VN-LS-BLO --province lang-son`,
  ]);
}

main().catch((error: unknown) => {
  console.error(`BLO Ledger failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
