import type { EventStore, SqlClient } from '#event-store';
import { Pauses } from '#platform';
import type { ProjectionLag, ProjectionProgress, ProjectionState } from './projection-runner.js';
import { registryRows, type RegistryRow } from './projection-registry.js';
import { PositionWaiters } from './runner-support.js';

/**
 * The projections' progress as an api process without a runner sees it (ROLE=api): the
 * positions the worker's runner saved in projection_registry, re-read while someone waits.
 * One poll loop serves every waiting request, and only runs while there is one, so an idle api
 * sends no query; the registry is a handful of rows.
 */
export class RegistryProgress implements ProjectionProgress {
  private served = new Map<string, bigint>();
  private rows: RegistryRow[] = [];
  private readonly waiters = new PositionWaiters((p) => this.reached(p));
  private readonly pauses = new Pauses();
  private waiting = 0;
  private polling = false;
  private stopped = false;

  constructor(
    private readonly store: EventStore,
    private readonly sql: SqlClient,
    private readonly names: readonly string[],
    private readonly pollMs = 20,
  ) {}

  async waitFor(position: bigint, timeoutMs: number): Promise<boolean> {
    await this.refresh();
    if (this.stopped) return this.reached(position);
    this.waiting += 1;
    try {
      const reached = this.waiters.wait(position, timeoutMs);
      this.startPolling();
      return await reached;
    } finally {
      this.waiting -= 1;
    }
  }

  async projectionStatus(): Promise<ProjectionLag[]> {
    const head = await this.store.headPosition();
    await this.refresh();
    return this.names.map((name) => {
      const position = this.served.get(name) ?? 0n;
      return { name, position, lag: head - position };
    });
  }

  /** What the admin endpoint shows; `rebuilding` is unknown here (the worker's runner holds it). */
  async status(): Promise<ProjectionState[]> {
    const head = await this.store.headPosition();
    await this.refresh();
    return this.names.map((name) => {
      const rows = this.rows.filter((r) => r.name === name);
      const shown = rows.find((r) => r.status === 'live') ?? rows.find((r) => r.status === 'building');
      const position = shown?.position ?? 0n;
      return {
        name,
        version: shown?.version ?? 0,
        generation: shown?.generation ?? null,
        position,
        lag: head - position,
        status: shown?.status === 'live' ? 'live' : 'building',
        rebuilding: null,
        failures: shown?.failures ?? 0,
        lastError: shown?.lastError ?? null,
      };
    });
  }

  /** On shutdown: nobody is left waiting on a loop that stopped. */
  stop(): void {
    this.stopped = true;
    this.pauses.stop();
    this.waiters.releaseAll();
  }

  private reached(position: bigint): boolean {
    return this.names.every((name) => (this.served.get(name) ?? 0n) >= position);
  }

  private startPolling(): void {
    if (this.polling) return;
    this.polling = true;
    void (async () => {
      for (;;) {
        // Checked and cleared in one turn of the event loop: a waiter that arrives later starts a new loop.
        if (this.waiting === 0 || this.stopped) {
          this.polling = false;
          return;
        }
        await this.pauses.pause(this.pollMs);
        await this.refresh();
        this.waiters.check();
      }
    })();
  }

  /**
   * The position each projection's views show: its live generation's, else the first build's
   * (the views point at it until it is promoted). Before the worker created the registry there
   * is nothing to show yet, and a database that does not answer leaves the last positions read.
   */
  private async refresh(): Promise<void> {
    try {
      this.rows = await registryRows(this.sql);
    } catch {
      return;
    }
    const served = new Map<string, bigint>();
    for (const name of this.names) {
      const rows = this.rows.filter((r) => r.name === name);
      const shown = rows.find((r) => r.status === 'live') ?? rows.find((r) => r.status === 'building');
      if (shown) served.set(name, shown.position);
    }
    this.served = served;
  }
}
