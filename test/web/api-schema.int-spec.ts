import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_TYPES_FILE, renderApiTypes } from '../../scripts/api-types.mjs';
import { startTestApp, type TestApp } from '../e2e/support/test-app.js';

/**
 * The web app's API client is typed from the OpenAPI document the api serves. When a route or a
 * DTO changes, the committed types must follow, or the web app compiles against an api that no
 * longer exists: this fails until `npm run gen:api` is run and its output committed.
 */
describe('the web app’s generated API types', () => {
  let app: TestApp | null;

  beforeAll(async () => {
    app = await startTestApp('pglite');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('match the OpenAPI document the api serves (else run `npm run gen:api`)', async () => {
    const docs = await app!.raw('/api/docs-json', {});
    expect(docs.status).toBe(200);
    const expected = await renderApiTypes(docs.body);
    const committed = readFileSync(join(import.meta.dirname, '../..', API_TYPES_FILE), 'utf8');
    if (committed === expected) return;
    const [was, is] = [committed.split('\n'), expected.split('\n')];
    let line = 0;
    while (was[line] === is[line]) line += 1;
    throw new Error(
      `${API_TYPES_FILE} is stale: run \`npm run gen:api\` and commit the result.\n` +
        `First difference at line ${line + 1}:\n  committed: ${was[line] ?? '(end of file)'}\n  served:    ${is[line] ?? '(end of file)'}`,
    );
  });
});
