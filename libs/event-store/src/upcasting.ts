import type { RecordedEvent } from './event-envelope.js';
import type { EventStore, ReadStreamOptions } from './event-store.port.js';

/**
 * One change of an event's shape: turns the data of `type` at `fromVersion` into the data of
 * version `fromVersion + 1`. Events are immutable and hashed as stored, so a change of shape is
 * never a migration of the log: readers that fold or project events see them upcast to the
 * current version, while the integrity checks read the stored bytes.
 */
export interface Upcaster {
  readonly type: string;
  readonly fromVersion: number;
  up(data: unknown): unknown;
}

/** Upcasters keyed on (type, version), applied in a chain up to the current version. */
export class UpcasterChain {
  private readonly byKey = new Map<string, Upcaster>();
  private readonly latest = new Map<string, number>();

  constructor(upcasters: readonly Upcaster[]) {
    for (const u of upcasters) {
      const key = `${u.type}@${u.fromVersion}`;
      if (this.byKey.has(key)) throw new Error(`two upcasters for ${key}`);
      this.byKey.set(key, u);
      this.latest.set(u.type, Math.max(this.latest.get(u.type) ?? 1, u.fromVersion + 1));
    }
    for (const [type, current] of this.latest)
      for (let v = 1; v < current; v++)
        if (!this.byKey.has(`${type}@${v}`)) throw new Error(`no upcaster for ${type}@${v}: the chain has a gap`);
  }

  /** The version new events of this type are written at. */
  currentVersion(type: string): number {
    return this.latest.get(type) ?? 1;
  }

  /** The event as its current version; the same object when nothing applies. */
  upcast<E extends Pick<RecordedEvent, 'type' | 'schemaVersion' | 'data'>>(event: E): E {
    let { data, schemaVersion } = event;
    for (
      let u = this.byKey.get(`${event.type}@${schemaVersion}`);
      u;
      u = this.byKey.get(`${event.type}@${schemaVersion}`)
    ) {
      data = u.up(data);
      schemaVersion++;
    }
    return schemaVersion === event.schemaVersion ? event : { ...event, data, schemaVersion };
  }
}

/**
 * This codebase's event shape changes, oldest first. Empty while every event type is at version
 * 1; add an upcaster here (with a test that reads a stored old event) when a shape changes.
 */
export const UPCASTERS: readonly Upcaster[] = [];

export const upcasters = new UpcasterChain(UPCASTERS);

/**
 * A stream's events at their current shape: what every fold and reader of business data uses.
 * (The integrity checks read `store.readStream` itself: they verify the bytes as stored.)
 */
export async function* readCurrent(
  store: Pick<EventStore, 'readStream'>,
  streamId: string,
  options?: ReadStreamOptions,
  chain: UpcasterChain = upcasters,
): AsyncIterable<RecordedEvent> {
  for await (const stored of store.readStream(streamId, options)) yield chain.upcast(stored);
}
