import { Query } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { caseStreamId } from '#cases';
import { EVENT_STORE, type EventStore } from '#event-store';
import { exchangeStreamId } from '#exchanges';
import { handoverStreamId } from '#handovers';
import { personStreamId } from '#persons';
import { DomainError } from '#shared-kernel';
import { verificationStreamId } from '#verifications';
import type { BrokenEvent, CheckpointStatus } from '../verify/integrity-report.js';
import { StreamVerifier, type StreamToCheck } from '../verify/stream-verifier.js';

export class CaseIntegrityQuery extends Query<CaseIntegrity> {
  constructor(readonly caseId: string) {
    super();
  }
}

export interface CaseIntegrity {
  readonly caseId: string;
  readonly valid: boolean;
  /** Events read across all the case's streams. */
  readonly events: number;
  readonly streams: number;
  /** The latest signed checkpoint the case was checked against (ADR 0009). */
  readonly checkpoint: CheckpointStatus;
  /** The first broken event: the case's own stream first, then linked streams in the order linked. */
  readonly brokenAt?: BrokenEvent;
}

/** Link event type → the field naming the linked record and the stream it lives in. */
const LINKS: Readonly<Record<string, readonly [string, (id: string) => string]>> = {
  PersonLinked: ['personId', personStreamId],
  ExchangeLinked: ['exchangeId', exchangeStreamId],
  VerificationLinked: ['verificationId', verificationStreamId],
  HandoverLinked: ['handoverId', handoverStreamId],
};

/**
 * Checks every stream that makes up the case — its own and each linked person, exchange,
 * verification and handover — against their hash chains and the latest signed checkpoint. The
 * links are read from the raw events, not folded through the case's decider: a renamed or
 * garbled event must be reported, and a fold that meets an event type it does not know throws.
 * Personal data is hashed as ciphertext, so a case whose persons were erased still verifies.
 */
@QueryHandler(CaseIntegrityQuery)
export class CaseIntegrityHandler implements IQueryHandler<CaseIntegrityQuery, CaseIntegrity> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(StreamVerifier) private readonly verifier: StreamVerifier,
  ) {}

  async execute({ caseId }: CaseIntegrityQuery): Promise<CaseIntegrity> {
    const streams = await this.streamsOf(caseId);
    const verdict = await this.verifier.verify(streams);
    return {
      caseId,
      valid: verdict.valid,
      events: verdict.events,
      streams: verdict.streams,
      checkpoint: verdict.checkpoint,
      ...(verdict.brokenAt ? { brokenAt: verdict.brokenAt } : {}),
    };
  }

  private async streamsOf(caseId: string): Promise<StreamToCheck[]> {
    const own = caseStreamId(caseId);
    const linked: string[] = [];
    let any = false;
    try {
      for await (const e of this.store.readStream(own)) {
        any = true;
        const link = Object.hasOwn(LINKS, e.type) ? LINKS[e.type] : undefined;
        const id =
          link && e.data !== null && typeof e.data === 'object' ? (e.data as Record<string, unknown>)[link[0]] : null;
        if (link && typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id)) {
          const streamId = link[1](id.toLowerCase());
          if (!linked.includes(streamId)) linked.push(streamId);
        }
      }
    } catch {
      // A row that cannot be read: the verifier reads the stream again and names where it breaks.
      any = true;
    }
    if (!any) throw new DomainError('CASE.NOT_FOUND', 'no case with this id', 'not_found');
    return [{ streamId: own, linked: false }, ...linked.map((streamId) => ({ streamId, linked: true }))];
  }
}
