import { newId, zonedNow, type Actor } from '#shared-kernel';
import type { NewEvent, RecordedEvent } from '../event-envelope.js';
import type { EventStore } from '../event-store.port.js';

/** What an adapter hands the contract suite. */
export interface ContractSubject {
  readonly store: EventStore;
  dispose(): Promise<void>;
  /**
   * Overwrites an event's data behind the store's back, as an intruder with database access
   * would. Adapters that cannot do this skip the tamper test.
   */
  tamper?(eventId: string, data: unknown): Promise<void>;
  /**
   * 'dense' (default): global positions are 1, 2, 3, ... without holes (the SQL stores).
   * 'monotonic': unique and increasing in commit order but with holes (KurrentDB commit positions,
   * ADR 0006); the suite then checks order and agreement with what append reported, not arithmetic.
   */
  readonly positions?: 'dense' | 'monotonic';
}

export const densePositions = (subject: ContractSubject): boolean => subject.positions !== 'monotonic';

/** Strictly increasing, as every store's global positions must be. */
export const increasing = (positions: readonly bigint[]): boolean =>
  positions.every((p, i) => i === 0 || p > positions[i - 1]);

export type OpenSubject = () => Promise<ContractSubject>;

const actor: Actor = { userId: newId(), role: 'liaison_officer', unitId: 'unit-lao-cai' };

export function newEvent(type: string, data: unknown, caseId?: string): NewEvent {
  const now = new Date();
  return {
    id: newId(),
    type,
    schemaVersion: 1,
    data,
    metadata: {
      actor,
      correlationId: newId(),
      causationId: null,
      occurredAt: zonedNow(now),
      recordedAt: now.toISOString(),
      ...(caseId ? { caseId } : {}),
    },
  };
}

export const events = (n: number, type = 'ThingHappened'): NewEvent[] =>
  Array.from({ length: n }, (_, i) => newEvent(type, { n: i }));

/** A fresh stream id per test, so tests sharing one store never see each other's streams. */
export const aStream = (category = 'contract'): string => `${category}-${newId()}`;

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** Bounded wait for a condition (no fixed sleeps): polls every few ms until it holds or time runs out. */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export async function readStreamAll(store: EventStore, streamId: string): Promise<RecordedEvent[]> {
  return collect(store.readStream(streamId));
}

/** A promise with its resolve handle, to hold a handler open while the test acts. */
export function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}
