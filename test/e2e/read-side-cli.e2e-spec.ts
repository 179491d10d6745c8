import { parseArgs } from '../../apps/cli/src/cli-args.js';
import { projectionsCommand } from '../../apps/cli/src/projections.command.js';
import { describeEachStore, startTestApp, type Caller, type TestApp } from './support/test-app.js';
import { head as headOf, openCase } from './support/journey.js';

/**
 * `npm run cli -- projections …`: over HTTP to the running service (PGlite, whose data
 * directory the service owns) or directly against the database (PostgreSQL), while the
 * service keeps serving and then follows the new generation.
 */
describeEachStore('npm run cli -- projections', (kind) => {
  let app: TestApp;
  let officer: Caller;
  beforeAll(async () => {
    app = await startTestApp(kind);
    officer = await app.as('liaison_officer');
  }, 60_000);
  afterAll(async () => app?.close());

  const run = async (...argv: string[]) => {
    const said: string[] = [];
    const args = kind === 'pglite' ? [...argv, '--url', app.url] : argv;
    const code = await projectionsCommand(parseArgs(['projections', ...args]), app.config, (l) => said.push(l));
    return { code, said };
  };

  it('rebuilds a read model and the service goes on answering from the new generation', async () => {
    const caseId = await openCase(officer);
    // Read-your-writes: the first build has caught up with the case before we ask for status.
    expect((await officer.get(`/cases/${caseId}/timeline?minPosition=${await headOf(app)}`)).status).toBe(200);
    const status = await run('status');
    expect(status.code).toBe(0);
    expect(status.said.find((l) => l.startsWith('case_list '))).toMatch(/^case_list v1 g1 live position \d+ lag \d+$/);

    const rebuilt = await run('rebuild', 'case_list');
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.said.join('\n')).toMatch(
      kind === 'pglite' ? /case_list: generation 2 live/ : /case_list: rebuilt from \d+ events/,
    );

    const next = await officer.post(`/cases/${caseId}/open`, {});
    const list = await officer.get(`/cases?status=open&minPosition=${next.body.position}`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(caseId);
    const after = await run('status');
    expect(after.said.find((l) => l.startsWith('case_list '))).toMatch(/^case_list v1 g2 live/);
  }, 60_000);

  it('refuses an unknown projection and a missing name', async () => {
    await expect(run('rebuild', 'nope')).rejects.toThrow(/no projection named nope/);
    await expect(run('rebuild')).rejects.toThrow(/usage/);
  }, 60_000);
});
