import { caseStreamId } from '#cases';
import { exchangeStreamId } from '#exchanges';
import { handoverStreamId } from '#handovers';
import { meetingStreamId } from '#meetings';
import { personStreamId } from '#persons';
import { verificationStreamId } from '#verifications';
import { readCurrent, type EventStore, type RecordedEvent } from '#event-store';
import type { RecordScope } from '#security';
import { LruCache, parseStreamId } from '#shared-kernel';

export type RecordKind = 'case' | 'person' | 'exchange' | 'verification' | 'handover' | 'meeting' | 'event';

/** Finds the stream an event is in (the integrity index, or the events table); null when there is no such event. */
export type EventLocator = (eventId: string) => Promise<{ readonly streamId: string } | null>;

/** The record kind whose scope an event of this stream category has; other categories belong to no province. */
const KIND_OF_CATEGORY: Readonly<Record<string, Exclude<RecordKind, 'event'>>> = {
  case: 'case',
  person: 'person',
  exchange: 'exchange',
  verification: 'verification',
  handover: 'handover',
  meeting: 'meeting',
};

const CACHE_SIZE = 50_000;
// Only facts that never change are cached (a case's province, the case a person, exchange or
// verification belongs to), so the time-to-live only bounds memory, never correctness.
const CACHE_MS = 60 * 60_000;

/**
 * Where a record lives, read from the log itself rather than a read model: a write that follows
 * its create at once (register a person in the case just opened) must be judged on what was
 * acknowledged, not on what a projection has caught up with. Null when the record does not exist.
 */
export class RecordScopeResolver {
  private readonly provinceOfCase = new LruCache<string, string>(CACHE_SIZE, { ttlMs: CACHE_MS });
  private readonly casesOf = new LruCache<string, readonly string[]>(CACHE_SIZE, { ttlMs: CACHE_MS });

  constructor(
    private readonly store: EventStore,
    private readonly locateEvent: EventLocator = async () => null,
  ) {}

  /** `withGates` asks for the gates too: only a border guard's scope needs them, and they cost reads. */
  async resolve(kind: RecordKind, id: string, withGates: boolean): Promise<RecordScope | null> {
    switch (kind) {
      case 'case':
        return this.ofCases([id], []);
      case 'person':
        return this.person(id, withGates);
      case 'exchange':
        return this.ofLinked(`exchange:${id}`, exchangeStreamId(id), (d) => stringArray(d.caseIds));
      case 'verification':
        return this.ofLinked(`verification:${id}`, verificationStreamId(id), (d) => stringArray([d.caseId]));
      case 'handover':
        return this.handover(id);
      case 'meeting':
        return this.meeting(id);
      case 'event':
        return this.event(id, withGates);
    }
  }

  /**
   * An event is where its record is: a case's, person's, exchange's … event has that record's
   * scope. Events of no case (accounts, checkpoints, audit of exports) belong to no province,
   * so only a national caller may see them.
   */
  private async event(id: string, withGates: boolean): Promise<RecordScope | null> {
    const found = await this.locateEvent(id);
    if (!found) return null;
    const { category, id: recordId } = parseStreamId(found.streamId);
    const kind = Object.hasOwn(KIND_OF_CATEGORY, category) ? KIND_OF_CATEGORY[category] : undefined;
    if (!kind) return { provinces: [], gates: [] };
    return (await this.resolve(kind, recordId, withGates)) ?? { provinces: [], gates: [] };
  }

  private async ofCases(caseIds: readonly string[], gates: readonly string[]): Promise<RecordScope | null> {
    const provinces: string[] = [];
    for (const caseId of caseIds) {
      const province = await this.caseProvince(caseId);
      if (province !== null && !provinces.includes(province)) provinces.push(province);
    }
    return provinces.length === 0 ? null : { provinces, gates };
  }

  private async caseProvince(caseId: string): Promise<string | null> {
    const cached = this.provinceOfCase.get(caseId);
    if (cached !== undefined) return cached;
    const first = await this.first(caseStreamId(caseId));
    const province =
      first?.data && typeof first.data === 'object' ? (first.data as { province?: unknown }).province : null;
    if (typeof province !== 'string') return null;
    this.provinceOfCase.set(caseId, province);
    return province;
  }

  /** Records that belong to the case(s) their first event names. */
  private async ofLinked(
    key: string,
    streamId: string,
    casesIn: (data: Record<string, unknown>) => readonly string[],
  ): Promise<RecordScope | null> {
    let caseIds = this.casesOf.get(key);
    if (caseIds === undefined) {
      const first = await this.first(streamId);
      if (!first) return null;
      caseIds = casesIn(dataOf(first));
      this.casesOf.set(key, caseIds);
    }
    return this.ofCases(caseIds, []);
  }

  /** A meeting belongs to our side's province, stated once in its first event. */
  private async meeting(id: string): Promise<RecordScope | null> {
    const first = await this.first(meetingStreamId(id));
    const province = first ? dataOf(first).province : null;
    return typeof province === 'string' ? { provinces: [province], gates: [] } : null;
  }

  private async handover(id: string): Promise<RecordScope | null> {
    const facts = await this.handoverFacts(id);
    return facts.caseId === null ? null : this.ofCases([facts.caseId], facts.gate === null ? [] : [facts.gate]);
  }

  /**
   * One fold of a handover's stream for both its scope and a person's: the case it belongs to,
   * the persons it names, and its gate — which can change when it is (re)scheduled, so the last
   * gate named wins.
   */
  private async handoverFacts(
    id: string,
  ): Promise<{ caseId: string | null; gate: string | null; personIds: readonly string[] }> {
    let caseId: string | null = null;
    let gate: string | null = null;
    let personIds: readonly string[] = [];
    for await (const event of readCurrent(this.store, handoverStreamId(id))) {
      const data = dataOf(event);
      if (caseId === null && typeof data.caseId === 'string') caseId = data.caseId;
      if (typeof data.gate === 'string') gate = data.gate;
      if (Array.isArray(data.personIds)) personIds = stringArray(data.personIds);
    }
    return { caseId, gate, personIds };
  }

  /**
   * A person is in a guard's scope when a handover of their case, at the guard's gate, names
   * them: the case stream links every handover, and each handover lists its persons.
   */
  private async person(id: string, withGates: boolean): Promise<RecordScope | null> {
    const scope = await this.ofLinked(`person:${id}`, personStreamId(id), (d) => stringArray([d.caseId]));
    if (scope === null || !withGates) return scope;
    const caseId = this.casesOf.get(`person:${id}`)?.[0];
    if (caseId === undefined) return scope;
    const gates: string[] = [];
    for await (const event of readCurrent(this.store, caseStreamId(caseId))) {
      if (event.type !== 'HandoverLinked') continue;
      const handoverId = dataOf(event).handoverId;
      if (typeof handoverId !== 'string') continue;
      const { gate, personIds } = await this.handoverFacts(handoverId);
      if (personIds.includes(id) && gate !== null && !gates.includes(gate)) gates.push(gate);
    }
    return { provinces: scope.provinces, gates };
  }

  private async first(streamId: string): Promise<RecordedEvent | null> {
    for await (const event of this.store.readStream(streamId, { toRevision: 0n })) return event;
    return null;
  }
}

function dataOf(event: RecordedEvent): Record<string, unknown> {
  return event.data !== null && typeof event.data === 'object' ? (event.data as Record<string, unknown>) : {};
}

function stringArray(value: unknown): readonly string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
