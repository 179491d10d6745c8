import { readFile } from 'node:fs/promises';
import type { AppConfig } from '#config';
import { openEventStore } from '#event-store';
import {
  CHECKPOINT_ACTOR,
  CheckpointRecorder,
  checkpointOfFile,
  checkpointView,
  IntegrityIndex,
  verifyLog,
  type CheckpointView,
  type LogVerdict,
} from '#integrity';
import { CheckpointSigningKey, CheckpointVerifyKey, LocalSigningKey, mintToken } from '#security';
import { type ParsedArgs, one } from './cli-args.js';

export const VERIFY_USAGE = 'npm run cli -- verify [--checkpoint <file.json>] [--public-key <key.pem>]';
export const CHECKPOINT_USAGE =
  'npm run cli -- checkpoint export | checkpoint create   [--url http://127.0.0.1:3000] [--token <JWT>]   (JSON on standard output)';

export interface IntegrityIo {
  readonly say: (line: string) => void;
  readonly out: (line: string) => void;
}

/**
 * `verify`: the whole store against a signed checkpoint, offline (ADR 0009). It opens the events
 * itself — the PGlite data directory or DATABASE_URL — and names the first bad event. The
 * checkpoint comes from a file someone kept (`checkpoint export`, a Kafka copy, the counterpart's)
 * or, without one, from the store's own index, which a rollback of the whole database would
 * also roll back: keep files. The key is `--public-key`, else this instance's own.
 * Exit code 0: intact; 1: something was changed (or the check could not be made).
 */
export async function verifyCommand(args: ParsedArgs, config: AppConfig, io: IntegrityIo): Promise<number> {
  await refuseWhileServing(config);
  const key = await trustedKey(one(args, 'public-key'), config);
  const file = one(args, 'checkpoint');
  const opened = await openEventStore(config);
  try {
    const index = new IntegrityIndex(opened.sql);
    await index.migrate();
    const checkpoint = file
      ? checkpointOfFile(JSON.parse(await readFile(file, 'utf8')))
      : (await index.latest())?.checkpoint;
    if (!checkpoint)
      throw new Error(
        file ? `${file} holds no signed checkpoint` : 'no checkpoint in this store; pass --checkpoint <file>',
      );
    io.say(
      `verifying the log against checkpoint ${checkpoint.seq} (${checkpoint.treeSize} events, signed ${checkpoint.at})…`,
    );
    const started = Date.now();
    const eventsSql = config.eventStore === 'kurrentdb' ? null : opened.sql;
    const verdict = await verifyLog(opened.store, index, checkpoint, key, eventsSql);
    io.say(summary(verdict, (Date.now() - started) / 1000));
    io.out(JSON.stringify(verdict, null, 2));
    return verdict.valid ? 0 : 1;
  } finally {
    await opened.close();
  }
}

/** `checkpoint export` prints the latest signed checkpoint; `checkpoint create` records one first. */
export async function checkpointCommand(args: ParsedArgs, config: AppConfig, io: IntegrityIo): Promise<number> {
  const [action] = args.rest;
  if (action !== 'export' && action !== 'create') throw new Error(`usage: ${CHECKPOINT_USAGE}`);
  const url = one(args, 'url');
  // PGlite belongs to the running service when there is one: ask it; otherwise open the store.
  const viaService = url !== undefined || (config.eventStore === 'pglite' && (await serving(config)));
  const view = viaService
    ? await overHttp(action, url ?? serviceUrl(config), config, one(args, 'token'))
    : await direct(action, config);
  io.say(
    `checkpoint ${view.checkpoint.seq}: ${view.checkpoint.treeSize} events up to position ${view.checkpoint.headPosition}`,
  );
  io.out(JSON.stringify(view, null, 2));
  return 0;
}

function summary(v: LogVerdict, seconds: number): string {
  const head = `${v.events} events read, ${v.covered} covered by checkpoint ${v.checkpoint.seq}, ${seconds.toFixed(1)} s`;
  if (v.valid) return `${head}: intact`;
  const what = v.checkpointProblem ? `the checkpoint's ${v.checkpointProblem} does not hold` : 'a break was found';
  const bad = v.firstBad
    ? `; first bad event: ${v.firstBad.eventId ?? '(gone)'} in ${v.firstBad.streamId} at revision ${v.firstBad.revision}, position ${v.firstBad.position} (${v.firstBad.problem})`
    : '';
  return `${head}: NOT INTACT, ${what}${bad}`;
}

async function trustedKey(path: string | undefined, config: AppConfig): Promise<CheckpointVerifyKey> {
  if (path) return CheckpointVerifyKey.fromPem(await readFile(path, 'utf8'));
  const own = await CheckpointSigningKey.existing(config);
  if (!own) throw new Error('no checkpoint key for this instance; pass --public-key <key.pem>');
  return own;
}

const serviceUrl = (config: AppConfig): string =>
  `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`;

const serving = (config: AppConfig): Promise<boolean> =>
  fetch(`${serviceUrl(config)}/health`, { signal: AbortSignal.timeout(1000) }).then(
    () => true,
    () => false,
  );

/** PGlite belongs to one process: verifying under a running service would read a directory it is writing. */
async function refuseWhileServing(config: AppConfig): Promise<void> {
  if (config.eventStore !== 'pglite') return;
  if (await serving(config))
    throw new Error(
      `the service answers at ${serviceUrl(config)} and owns ${config.dataDir}; stop it first (or export a checkpoint with: checkpoint export)`,
    );
}

async function direct(action: 'export' | 'create', config: AppConfig): Promise<CheckpointView> {
  const opened = await openEventStore(config);
  try {
    const index = new IntegrityIndex(opened.sql);
    await index.migrate();
    const recorder = new CheckpointRecorder(opened.store, index, await CheckpointSigningKey.fromConfig(config), {
      eventsSql: config.eventStore === 'kurrentdb' ? null : opened.sql,
    });
    const stored =
      action === 'create'
        ? await recorder.record({ trigger: 'on_demand', actor: { ...CHECKPOINT_ACTOR, userId: 'cli:checkpoint' } })
        : await recorder.latest();
    if (!stored) throw new Error('no checkpoint yet: record one with: checkpoint create');
    return checkpointView(stored, recorder.signingKey);
  } finally {
    await opened.close();
  }
}

/** The running service: a national auditor's token (export) or an administrator's (create), minted from the instance key. */
async function overHttp(
  action: 'export' | 'create',
  base: string,
  config: AppConfig,
  token: string | undefined,
): Promise<CheckpointView> {
  const bearer = token ?? (await localToken(config, action === 'create' ? 'admin' : 'auditor'));
  let res: Response;
  try {
    res = await fetch(
      `${base.replace(/\/$/, '')}/api/v1/integrity/checkpoints${action === 'create' ? '' : '/latest'}`,
      {
        method: action === 'create' ? 'POST' : 'GET',
        headers: { authorization: `Bearer ${bearer}` },
      },
    );
  } catch {
    throw new Error(`the service does not answer at ${base}; start it (npm start) or pass --url`);
  }
  const body = (await res.json().catch(() => null)) as (CheckpointView & { code?: string; detail?: string }) | null;
  if (!res.ok || !body) throw new Error(`the service refused: ${body?.code ?? res.status} ${body?.detail ?? ''}`);
  return body;
}

async function localToken(config: AppConfig, role: 'admin' | 'auditor'): Promise<string> {
  if (config.auth.mode !== 'local') throw new Error('pass --token <JWT> (tokens come from the OIDC provider here)');
  const key = await LocalSigningKey.loadOrCreate(config.dataDir);
  return mintToken(
    key,
    { sub: 'cli.checkpoint', roles: [role], unit: 'VN-BLO-ADMIN', province: '*' },
    { issuer: config.auth.issuer, audience: config.auth.audience, ttlSeconds: 300 },
  );
}
