import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore, load, verifyChain } from '#event-store';
import { exchangeStreamId } from '#exchanges';
import { handoverStreamId } from '#handovers';
import { personStreamId } from '#persons';
import { DomainError } from '#shared-kernel';
import { verificationStreamId } from '#verifications';
import { caseDecider } from '../domain/case.decider.js';
import { caseStreamId } from '../case-stream.js';

export class CaseIntegrityQuery {
  constructor(readonly caseId: string) {}
}

export interface CaseIntegrity {
  readonly caseId: string;
  readonly valid: boolean;
  /** Events verified across all the case's streams (up to the first break). */
  readonly events: number;
  readonly streams: number;
  readonly brokenAt?: { streamId: string; revision: string; eventId: string };
}

/**
 * Re-hashes every stream that makes up the case — its own and each linked person, exchange,
 * verification and handover — and checks each link of each chain. Personal data is hashed as
 * ciphertext, so a case whose persons were erased still verifies.
 */
@QueryHandler(CaseIntegrityQuery)
export class CaseIntegrityHandler implements IQueryHandler<CaseIntegrityQuery, CaseIntegrity> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ caseId }: CaseIntegrityQuery): Promise<CaseIntegrity> {
    const { state } = await load(this.store, caseDecider, caseStreamId(caseId));
    if (state.status === 'none') throw new DomainError('CASE.NOT_FOUND', 'no case with this id', 'not_found');
    const streams = [
      caseStreamId(caseId),
      ...state.links.persons.map((p) => personStreamId(p.personId)),
      ...state.links.exchangeIds.map(exchangeStreamId),
      ...state.links.verificationIds.map(verificationStreamId),
      ...state.links.handoverIds.map(handoverStreamId),
    ];
    let events = 0;
    for (const streamId of streams) {
      const verdict = await verifyChain(this.store.readStream(streamId));
      events += verdict.events;
      if (!verdict.valid)
        return {
          caseId,
          valid: false,
          events,
          streams: streams.length,
          ...(verdict.brokenAt ? { brokenAt: verdict.brokenAt } : {}),
        };
    }
    return { caseId, valid: true, events, streams: streams.length };
  }
}
