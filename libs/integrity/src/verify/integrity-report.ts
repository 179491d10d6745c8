/**
 * What an integrity check answers. It names events by stream, revision and id only — never their
 * data — so a report can be shown to whoever may see that the record exists.
 */
export type IntegrityProblem =
  /** The event's content no longer hashes to its recorded hash. */
  | 'hash_mismatch'
  /** Its prevHash does not name the event before it: something before it was changed or swapped. */
  | 'broken_link'
  /** An event that was recorded (and, for a tail, checkpointed) is no longer in the log. */
  | 'missing_event'
  /** A stream the case links to, or that the checkpoint knew, has no event left at all. */
  | 'missing_stream'
  /** The event is in the log at another place (position, stream or revision) than checkpointed. */
  | 'reordered'
  /** The event claims a place the checkpoint covers, but the checkpoint does not contain it. */
  | 'not_in_checkpoint'
  /** A copy the database keeps beside the hashed record (recorded time, case) was changed. */
  | 'column_mismatch'
  /** The checkpointed head of the stream cannot be confirmed: the heads in the index were changed. */
  | 'heads_mismatch'
  /** The event could not even be read back as an event. */
  | 'unreadable';

export interface BrokenEvent {
  readonly streamId: string;
  readonly revision: string;
  /** Absent only for an event that is gone and that no checkpoint named. */
  readonly eventId?: string;
  readonly position?: string;
  readonly problem: IntegrityProblem;
}

/**
 * - verified: the latest checkpoint's signature holds and it matches its event in the log;
 * - none: no checkpoint yet (only the hash chains were checked);
 * - invalid: the latest checkpoint or the index beside it was altered (the reason says which);
 * - rolled_back: this process has seen a newer checkpoint than the newest one left.
 */
export interface CheckpointStatus {
  readonly status: 'verified' | 'none' | 'invalid' | 'rolled_back';
  readonly seq?: number;
  readonly headPosition?: string;
  readonly hash?: string;
  readonly at?: string;
  readonly reason?: string;
}

export interface StreamsVerdict {
  readonly valid: boolean;
  /** Events read across all the streams. */
  readonly events: number;
  readonly streams: number;
  readonly checkpoint: CheckpointStatus;
  /** The first broken event, in the order the streams were given and by revision within a stream. */
  readonly brokenAt?: BrokenEvent;
}

interface Candidate {
  readonly order: number;
  readonly revision: bigint;
  readonly found: BrokenEvent;
}

/** Collects findings from every check and keeps the first by (stream order, revision). */
export class Findings {
  private best: Candidate | null = null;

  add(order: number, revision: bigint, found: Omit<BrokenEvent, 'revision'>): void {
    const candidate = { order, revision, found: { ...found, revision: revision.toString() } };
    const b = this.best;
    if (!b || order < b.order || (order === b.order && revision < b.revision)) this.best = candidate;
  }

  get first(): BrokenEvent | undefined {
    return this.best?.found;
  }

  /** Lets a late look-up complete the winner (an event id read from the index only when needed). */
  complete(update: (found: BrokenEvent) => Promise<BrokenEvent>): Promise<void> {
    const b = this.best;
    if (!b) return Promise.resolve();
    return update(b.found).then((found) => void (this.best = { ...b, found }));
  }
}
