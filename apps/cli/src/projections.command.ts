import type { AppConfig } from '#config';
import { openProjectionRuntime, type ProjectionState } from '#projections';
import { LocalSigningKey, mintToken } from '#security';
import { type ParsedArgs, one } from './cli-args.js';

export const PROJECTIONS_USAGE =
  'npm run cli -- projections status | projections rebuild <name> [--url http://127.0.0.1:3000] [--token <admin JWT>] [--timeout <seconds>]';

type Say = (line: string) => void;
type WireState = Omit<ProjectionState, 'position' | 'lag' | 'rebuilding'> & {
  position: string;
  lag: string;
  rebuilding: { generation: number; position: string } | null;
};

/**
 * Operating the read models from the command line.
 * - Embedded PGlite: the running service owns the data directory, so the CLI asks it over HTTP
 *   (POST /api/v1/admin/projections/{name}/rebuild) with an administrator token minted from
 *   the instance's own key (or --token with OIDC), then follows the status until the swap.
 * - PostgreSQL: the CLI runs the rebuild itself against the database; a running service keeps
 *   serving the old generation and follows the swap (see ProjectionRunner).
 */
export async function projectionsCommand(args: ParsedArgs, config: AppConfig, say: Say): Promise<number> {
  const [action, name] = args.rest;
  if (action !== 'status' && !(action === 'rebuild' && name)) throw new Error(`usage: ${PROJECTIONS_USAGE}`);
  if (config.eventStore === 'postgres' && one(args, 'url') === undefined) return direct(action, name, config, say);
  const api = await client(args, config);
  if (action === 'status') {
    printStatus(await api.status(), say);
    return 0;
  }
  const before = (await api.status()).find((p) => p.name === name);
  const started = await api.rebuild(name);
  if (started.status === 404) throw new Error(`no projection named ${name}`);
  if (started.status !== 202) throw new Error(`the service refused the rebuild: ${started.status} ${started.text}`);
  say(`rebuilding ${name} (the current generation keeps serving)…`);
  const deadline = Date.now() + Number(one(args, 'timeout') ?? 3600) * 1000;
  for (;;) {
    const now = (await api.status()).find((p) => p.name === name);
    if (now && now.generation !== before?.generation && !now.rebuilding) {
      say(`${name}: generation ${now.generation} live at position ${now.position}`);
      return 0;
    }
    if (Date.now() > deadline) throw new Error(`${name} is still rebuilding; follow it with: projections status`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function direct(action: string, name: string | undefined, config: AppConfig, say: Say): Promise<number> {
  const runtime = await openProjectionRuntime(config, { warn: say });
  try {
    await runtime.runner.start();
    if (action === 'rebuild') {
      if (!runtime.runner.names.includes(name!)) throw new Error(`no projection named ${name}`);
      const r = await runtime.runner.rebuild(name!);
      say(`${name}: rebuilt from ${r.events} events in ${r.seconds.toFixed(1)} s (${Math.round(r.eventsPerSecond)}/s)`);
    }
    printStatus(
      (await runtime.runner.status()).map((s) => ({
        ...s,
        position: s.position.toString(),
        lag: s.lag.toString(),
        rebuilding: s.rebuilding && { generation: s.rebuilding.generation, position: s.rebuilding.position.toString() },
      })),
      say,
    );
    return 0;
  } finally {
    await runtime.close();
  }
}

function printStatus(states: readonly WireState[], say: Say): void {
  for (const s of states) {
    const building = s.rebuilding ? `, rebuilding g${s.rebuilding.generation} at ${s.rebuilding.position}` : '';
    const failures = s.failures > 0 ? `, ${s.failures} failed event(s), last: ${s.lastError}` : '';
    say(
      `${s.name} v${s.version} g${s.generation ?? '-'} ${s.status} position ${s.position} lag ${s.lag}${building}${failures}`,
    );
  }
}

async function client(args: ParsedArgs, config: AppConfig) {
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const base = (one(args, 'url') ?? `http://${host}:${config.port}`).replace(/\/$/, '');
  const token = one(args, 'token') ?? (await adminToken(config));
  const headers = { authorization: `Bearer ${token}` };
  const call = async (path: string, init: RequestInit = {}) => {
    try {
      return await fetch(`${base}/api/v1/admin/projections${path}`, { ...init, headers });
    } catch {
      throw new Error(`the service does not answer at ${base}; start it (npm start) or pass --url`);
    }
  };
  return {
    async status(): Promise<WireState[]> {
      const r = await call('');
      if (r.status !== 200) throw new Error(`the service refused the status: ${r.status} ${await r.text()}`);
      return ((await r.json()) as { projections: WireState[] }).projections;
    },
    async rebuild(name: string): Promise<{ status: number; text: string }> {
      const r = await call(`/${encodeURIComponent(name)}/rebuild`, { method: 'POST' });
      return { status: r.status, text: await r.text() };
    },
  };
}

async function adminToken(config: AppConfig): Promise<string> {
  if (config.auth.mode !== 'local')
    throw new Error('pass --token <admin JWT> (tokens come from the OIDC provider here)');
  const key = await LocalSigningKey.loadOrCreate(config.dataDir);
  return mintToken(
    key,
    { sub: 'cli.projections', roles: ['admin'], unit: 'VN-BLO-ADMIN', province: 'lang-son' },
    { issuer: config.auth.issuer, audience: config.auth.audience, ttlSeconds: 300 },
  );
}
