import type { SqlClient } from '#event-store';

/**
 * Where a relay remembers the last global position the broker acknowledged.
 *
 * Deliberately not the projections' registry (projection_registry): a projection commits its
 * position in the same transaction as the rows it wrote, so it applies each event exactly once;
 * the relay's position follows a broker acknowledgement that no database transaction covers, so
 * it can only move forward after the fact and a crash resends (consumers dedupe on ce_id). The
 * two positions mean different things and are written under different guarantees.
 */
export interface CheckpointStore {
  /** 0n when the relay has never published anything. */
  load(name: string): Promise<bigint>;
  save(name: string, position: bigint): Promise<void>;
}

export class SqlCheckpointStore implements CheckpointStore {
  constructor(private readonly db: SqlClient) {}

  async migrate(): Promise<void> {
    await this.db.query(
      'create table if not exists relay_checkpoints (name text primary key, position bigint not null)',
    );
  }

  async load(name: string): Promise<bigint> {
    const r = await this.db.query<{ position: bigint | string }>(
      'select position from relay_checkpoints where name = $1',
      [name],
      'relay_checkpoint_load',
    );
    return r.rows.length === 0 ? 0n : BigInt(r.rows[0].position);
  }

  /**
   * Only ever moves forward: a stale relay instance finishing late must not pull the checkpoint
   * back (that would only cause duplicates, but needlessly).
   */
  async save(name: string, position: bigint): Promise<void> {
    await this.db.query(
      `insert into relay_checkpoints (name, position) values ($1, $2)
       on conflict (name) do update set position = excluded.position
       where relay_checkpoints.position < excluded.position`,
      [name, position.toString()],
      'relay_checkpoint_save',
    );
  }
}

/**
 * Records acknowledged positions behind the relay, so the next batch goes out while the last one's
 * checkpoint is being written. One save at a time; positions acknowledged meanwhile collapse into
 * the next save (only the latest matters). `lag` counts acknowledged batches not yet recorded: the
 * relay waits when it reaches its bound, which caps what a crash resends.
 */
export class CheckpointTrail {
  private target: bigint;
  private saved: bigint;
  private advances = 0;
  private savedAdvances = 0;
  private writing: Promise<void> | null = null;

  /**
   * @param save retries on its own until it succeeds or the relay stops (it then rejects, and the
   * trail just ends: the relay's next start reads the checkpoint back from the store).
   */
  constructor(
    start: bigint,
    private readonly save: (position: bigint) => Promise<void>,
    private readonly onSaved: (position: bigint) => void,
  ) {
    this.target = start;
    this.saved = start;
  }

  /** Acknowledged batches whose position is not recorded yet. */
  get lag(): number {
    return this.advances - this.savedAdvances;
  }

  advance(position: bigint): void {
    if (position <= this.target) return;
    this.target = position;
    this.advances += 1;
    this.writing ??= this.write();
  }

  /** Resolves once every position handed over so far is recorded (or the relay stopped). */
  async idle(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private async write(): Promise<void> {
    try {
      while (this.saved < this.target) {
        const position = this.target;
        const covers = this.advances;
        await this.save(position);
        this.saved = position;
        this.savedAdvances = covers;
        this.onSaved(position);
      }
    } catch {
      // Only a stopped relay ends a save; what it did not record is published again on restart.
    } finally {
      // Cleared in the same turn as the last check of the loop, so an advance() can never land
      // between "nothing left to save" and "not writing" and be left unrecorded.
      this.writing = null;
    }
  }
}
