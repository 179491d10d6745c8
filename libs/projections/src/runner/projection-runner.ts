import type { EventStore, SqlClient } from '#event-store';
import type { Projection } from '../projection.js';
import { errorClassOf } from './batch-applier.js';
import { runBuild, type BuildHost, type RebuildResult, type Slot } from './generation-builder.js';
import {
  createGeneration,
  dropGeneration,
  dropViews,
  migrateRegistry,
  pointViewsAt,
  registryRows,
  tablesExist,
} from './projection-registry.js';
import { Pauses } from '#platform';
import { Mutex, PositionWaiters } from './runner-support.js';
import { DEFAULT_LINGER_MS, DEFAULT_MIN_BATCH, LiveLoop } from './live-loop.js';

export interface ProjectionRunnerOptions {
  /** Events per transaction (default 1,000). */
  readonly batchSize?: number;
  /** Events per transaction while building a generation from the log (default 5,000). */
  readonly buildBatchSize?: number;
  /**
   * The live loop waits up to this long for more events before it applies a batch smaller than
   * `minBatch` (default 10 ms; 0 applies at once). A reader waiting for a position cuts the wait
   * short, so read-your-writes never pays it.
   */
  readonly lingerMs?: number;
  /** A batch of at least this many events is applied without lingering (default 100). */
  readonly minBatch?: number;
  /** Pause before retrying after the database failed (default 1,000 ms). */
  readonly retryMs?: number;
  /** Operational warnings; never carries event data. */
  readonly warn?: (message: string) => void;
}

/** What GET /health shows per projection. */
export interface ProjectionLag {
  readonly name: string;
  readonly position: bigint;
  readonly lag: bigint;
}

/** Read-your-writes and health: what the HTTP side needs from whoever runs the projections. */
export interface ProjectionProgress {
  /** True once every projection's served generation reached `position`; false after the timeout. */
  waitFor(position: bigint, timeoutMs: number): Promise<boolean>;
  projectionStatus(): Promise<ProjectionLag[]>;
}

export interface ProjectionState extends ProjectionLag {
  readonly version: number;
  /** The generation the views show. */
  readonly generation: number | null;
  /** live: applied as events arrive; building: its first generation is still catching up; stale: an older version is shown while the new one builds. */
  readonly status: 'live' | 'building' | 'stale';
  readonly rebuilding: { readonly generation: number; readonly position: bigint } | null;
  readonly failures: number;
  readonly lastError: string | null;
}

const IDENTIFIER = /^[a-z][a-z0-9_]{0,40}$/;

/**
 * Hosts the projections (docs/architecture.md, A read): one live loop on `subscribeAll` applies
 * batches to every live generation; builders fill new generations from position 0 next to it
 * (first start, version change, rebuild) and are promoted under the live loop's lock once they
 * reached it, so the swap loses nothing that was appended meanwhile.
 */
export class ProjectionRunner implements ProjectionProgress {
  private readonly slots: Slot[];
  private readonly warn: (message: string) => void;
  private readonly mutex = new Mutex();
  private readonly waiters: PositionWaiters;
  private readonly sleeper = { stopped: false, pauses: new Pauses() };
  private readonly live: LiveLoop;
  private started = false;
  private readonly host: BuildHost;

  constructor(
    private readonly store: EventStore,
    private readonly sql: SqlClient,
    projections: readonly Projection[],
    options: ProjectionRunnerOptions = {},
  ) {
    const names = new Set<string>();
    for (const p of projections) {
      if (!IDENTIFIER.test(p.name) || names.has(p.name)) throw new Error(`projection name "${p.name}" is invalid`);
      if (p.tables.some((t) => !IDENTIFIER.test(t))) throw new Error(`projection ${p.name} has an invalid table name`);
      if (!p.apply && !p.applyBatch) throw new Error(`projection ${p.name} implements neither apply nor applyBatch`);
      if (p.prepare && !p.applyBatch) throw new Error(`projection ${p.name} has prepare but no applyBatch`);
      names.add(p.name);
    }
    this.slots = projections.map((projection) => ({
      projection,
      live: null,
      build: null,
      buildServes: false,
      frozen: null,
      buildDone: null,
    }));
    const retryMs = options.retryMs ?? 1000;
    this.warn = options.warn ?? ((m) => console.warn(m));
    this.waiters = new PositionWaiters((p) => this.reached(p));
    this.live = new LiveLoop({
      store,
      sql,
      mutex: this.mutex,
      batchSize: options.batchSize ?? 1000,
      lingerMs: options.lingerMs ?? DEFAULT_LINGER_MS,
      minBatch: options.minBatch ?? DEFAULT_MIN_BATCH,
      retryMs,
      sleeper: this.sleeper,
      warn: (m) => this.warn(m),
      targets: () => this.slots.flatMap((s) => (s.live ? [s.live] : [])),
      waiting: () => this.waiters.pending,
      flushed: () => this.waiters.check(),
    });
    this.host = {
      store,
      sql,
      mutex: this.mutex,
      buildBatchSize: options.buildBatchSize ?? options.batchSize ?? 5000,
      retryMs,
      sleeper: this.sleeper,
      warn: (m) => this.warn(m),
      liveFloor: () => this.live.floor,
      promoted: () => this.waiters.check(),
    };
  }

  get names(): readonly string[] {
    return this.slots.map((s) => s.projection.name);
  }

  /** Creates what is missing, starts the live loop and any builds; returns without waiting for catch-up. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    await migrateRegistry(this.sql);
    const toBuild: Slot[] = [];
    for (const slot of this.slots) if (await this.adopt(slot)) toBuild.push(slot);
    const lives = this.slots.flatMap((s) => (s.live ? [s.live.position] : []));
    const from = lives.length > 0 ? lives.reduce((a, b) => (a < b ? a : b)) : await this.store.headPosition();
    this.live.start(from);
    // Not awaited: a first build of a large log must not hold up the process start.
    if (toBuild.length > 0) void this.launchBuild(toBuild);
  }

  /**
   * Finds the slot's live generation; returns true when a generation must be built. A build of
   * the same version found in the registry is resumed from its checkpoint, not restarted: it
   * may be a crashed process's, or another process's that is still running (the per-batch
   * checkpoint under a row lock lets both work on it safely; whoever promotes first wins).
   */
  private async adopt(slot: Slot): Promise<boolean> {
    const p = slot.projection;
    const rows = await registryRows(this.sql, p.name);
    const live = rows.find((r) => r.status === 'live');
    const liveUsable = live !== undefined && (await tablesExist(this.sql, p, live.generation));
    let resumable = rows.find((r) => r.status === 'building' && r.version === p.version);
    if (resumable && !(await tablesExist(this.sql, p, resumable.generation))) resumable = undefined;
    await this.sql.transaction(async (tx) => {
      if (!liveUsable && !resumable) await dropViews(tx, p);
      for (const r of rows) {
        if (r.status === 'building' && r !== resumable) await dropGeneration(tx, p, r.generation);
      }
      if (!liveUsable && resumable) await pointViewsAt(tx, p, resumable.generation);
    });
    if (live && liveUsable && live.version === p.version) {
      slot.live = { projection: p, generation: live.generation, position: live.position };
      if (!resumable) return false;
    } else {
      slot.frozen = live && liveUsable ? live.position : null;
    }
    slot.buildServes = !liveUsable;
    slot.build = resumable
      ? { projection: p, generation: resumable.generation, position: resumable.position }
      : { projection: p, generation: await createGeneration(this.sql, p, !liveUsable), position: 0n };
    return true;
  }

  async stop(): Promise<void> {
    this.sleeper.stopped = true;
    this.sleeper.pauses.stop();
    await this.live.stop();
    await Promise.all(this.slots.flatMap((s) => (s.buildDone ? [s.buildDone.catch(() => undefined)] : [])));
    this.waiters.releaseAll();
  }

  /** Resolves once no generation is being built (first start, version change, rebuild). */
  async whenBuilt(): Promise<void> {
    await Promise.all(this.slots.flatMap((s) => (s.build && s.buildDone ? [s.buildDone] : [])));
  }

  waitFor(position: bigint, timeoutMs: number): Promise<boolean> {
    const reached = this.waiters.wait(position, timeoutMs);
    // A reader waits for its own write: the batch the loop is holding back goes now.
    if (!this.reached(position)) this.live.cutLingerShort();
    return reached;
  }

  /** Position of the generation each projection's views show. */
  private served(slot: Slot): bigint {
    if (slot.live) return slot.live.position;
    if (slot.build && slot.buildServes) return slot.build.position;
    return slot.frozen ?? 0n;
  }

  private reached(position: bigint): boolean {
    return this.slots.every((s) => this.served(s) >= position);
  }

  async projectionStatus(): Promise<ProjectionLag[]> {
    const head = await this.store.headPosition();
    return this.slots.map((s) => ({ name: s.projection.name, position: this.served(s), lag: head - this.served(s) }));
  }

  async status(): Promise<ProjectionState[]> {
    const head = await this.store.headPosition();
    const rows = await registryRows(this.sql);
    return this.slots.map((s) => {
      const position = this.served(s);
      const shown = s.live ?? (s.buildServes ? s.build : null);
      const row = rows.find((r) => r.name === s.projection.name && r.generation === shown?.generation);
      const stale = rows.find((r) => r.name === s.projection.name && r.status === 'live');
      return {
        name: s.projection.name,
        version: s.projection.version,
        generation: shown?.generation ?? stale?.generation ?? null,
        position,
        lag: head - position,
        status: s.live ? 'live' : s.buildServes ? 'building' : 'stale',
        rebuilding: s.build && !s.buildServes ? { generation: s.build.generation, position: s.build.position } : null,
        failures: row?.failures ?? 0,
        lastError: row?.lastError ?? null,
      };
    });
  }

  /**
   * Builds generation n+1 of one projection from position 0 while n keeps serving (and keeps
   * receiving live events), then swaps the views and drops n. A second call while one runs
   * joins it.
   */
  async rebuild(name: string): Promise<RebuildResult> {
    const slot = this.slots.find((s) => s.projection.name === name);
    if (!slot) throw new UnknownProjectionError(name);
    return this.rebuildSlots([slot]);
  }

  /** Rebuilds every projection in one pass over the log (the benchmark's figure). */
  async rebuildAll(): Promise<RebuildResult> {
    return this.rebuildSlots(this.slots);
  }

  private async rebuildSlots(slots: readonly Slot[]): Promise<RebuildResult> {
    if (!this.started || this.sleeper.stopped) throw new Error('the projection runner is not running');
    // A slot whose build is still going (not yet promoted) is joined, not started twice.
    const running = [...new Set(slots.flatMap((s) => (s.build && s.buildDone ? [s.buildDone] : [])))];
    const fresh = slots.filter((s) => !(s.build && s.buildDone));
    for (const s of fresh) {
      s.build = {
        projection: s.projection,
        generation: await createGeneration(this.sql, s.projection, false),
        position: 0n,
      };
      s.buildServes = false;
    }
    const results = await Promise.all([...running, ...(fresh.length > 0 ? [this.launchBuild(fresh)] : [])]);
    return results.length === 1 ? results[0] : combine(results);
  }

  private launchBuild(slots: readonly Slot[]): Promise<RebuildResult> {
    const done = runBuild(this.host, slots).finally(() => {
      for (const s of slots) if (s.buildDone === done) s.buildDone = null;
    });
    for (const s of slots) s.buildDone = done;
    done.catch((error: unknown) => this.warn(`projection build stopped: ${errorClassOf(error)}`));
    return done;
  }
}

export class UnknownProjectionError extends Error {
  constructor(readonly projection: string) {
    super('no projection with this name');
    this.name = 'UnknownProjectionError';
  }
}

function combine(results: readonly RebuildResult[]): RebuildResult {
  const seconds = Math.max(...results.map((r) => r.seconds));
  const events = Math.max(...results.map((r) => r.events));
  return { names: results.flatMap((r) => r.names), events, seconds, eventsPerSecond: events / seconds };
}
