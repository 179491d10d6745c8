// `npm run gen:api`: starts the api from its TypeScript sources in this process, on a throwaway
// embedded store and without opening a port, asks it for its OpenAPI document and writes the web
// app's client types from it. Run after changing a route or a DTO. Sources rather than dist/, so
// the result never depends on whether a build is current; the npm script runs it with
// libs/testing's loader (`--conditions=source --import …/ts-child-register.mjs`).
import 'reflect-metadata';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API_TYPES_FILE, renderApiTypes } from './api-types.mjs';

const { loadConfig } = await import('#config');
const { createApp } = await import('../apps/api/src/app.factory.ts');

const dataDir = await mkdtemp(join(tmpdir(), 'blo-gen-api-'));
try {
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'error', PGLITE_SYNC: 'off' }, dataDir);
  const app = await createApp(config, { quiet: true });
  try {
    const answer = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/api/docs-json' });
    if (answer.statusCode !== 200) throw new Error(`/api/docs-json answered ${answer.statusCode}`);
    await writeFile(API_TYPES_FILE, await renderApiTypes(JSON.parse(answer.body)));
    process.stdout.write(`wrote ${API_TYPES_FILE}\n`);
  } finally {
    await app.close();
  }
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
