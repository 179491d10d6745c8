import 'reflect-metadata';
import { loadConfigOrExit } from '#config';
import { createApp } from './app.factory.js';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await createApp(config);
  await app.listen({ host: config.host, port: config.port });
  const bound = app.getHttpServer().address();
  const port = typeof bound === 'object' && bound ? bound.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  const store = config.eventStore === 'pglite' ? `embedded PGlite in ${config.dataDir}` : config.eventStore;
  process.stdout.write(
    [
      '',
      `BLO Ledger is serving ${url}/api/v1 (events: ${store})`,
      `  Web app:     ${url}/   (border guards at the gate: ${url}/gate)`,
      `  API docs:    ${url}/api/docs`,
      `  Health:      ${url}/health`,
      `  Mint a token: npm run cli -- token --sub an.nguyen --role liaison_officer --unit VN-LS-BLO --province lang-son`,
      `  Demo data:    npm run cli -- demo   (also creates a sign-in per role and prints its password)`,
      `  Add a user:   npm run cli -- user add --username hoa.nguyen --name "Nguyễn Thị Hoa" --role liaison_officer --unit VN-LS-BLO --province lang-son`,
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  console.error(`BLO Ledger failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
