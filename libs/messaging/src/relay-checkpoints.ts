import type { SqlClient } from '#event-store';

/** Where a relay remembers the last global position the broker acknowledged. */
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
