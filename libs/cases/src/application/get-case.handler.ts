import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore, load } from '#event-store';
import { DomainError, localTimes } from '#shared-kernel';
import { caseDecider } from '../domain/case.decider.js';
import type { CaseClosure } from '../domain/case.state.js';
import { caseStreamId } from '../case-stream.js';
import { GetCaseQuery } from './case.messages.js';

export interface CaseView {
  readonly id: string;
  readonly status: string;
  readonly channel: string;
  readonly province: string;
  readonly summary: string;
  readonly receivingUnit: string;
  readonly classification: string | null;
  readonly receivedAt: { at: string; offset: string; local: { vn: string; cn: string } };
  readonly resolution: string | null;
  readonly closure: CaseClosure | null;
  readonly reopenCount: number;
  /** Ids and roles only here; names are added by whoever may see them. */
  readonly persons: readonly { id: string; role: string }[];
  readonly exchangeIds: readonly string[];
  readonly verificationIds: readonly string[];
  readonly handoverIds: readonly string[];
  readonly revision: string;
}

/** A case folded live from its own stream: always current, never a projection's lag. */
@QueryHandler(GetCaseQuery)
export class GetCaseHandler implements IQueryHandler<GetCaseQuery, CaseView> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ caseId }: GetCaseQuery): Promise<CaseView> {
    const { state, revision } = await load(this.store, caseDecider, caseStreamId(caseId));
    if (state.status === 'none' || revision === null)
      throw new DomainError('CASE.NOT_FOUND', 'no case with this id', 'not_found');
    return {
      id: state.caseId,
      status: state.status,
      channel: state.channel,
      province: state.province,
      summary: state.summary,
      receivingUnit: state.receivingUnit,
      classification: state.classification,
      receivedAt: { at: state.receivedAt.at, offset: state.receivedAt.offset, local: localTimes(state.receivedAt.at) },
      resolution:
        state.status === 'resolved' ? state.resolution : state.status === 'closed' ? state.closure.resolution : null,
      closure: state.status === 'closed' ? state.closure : null,
      reopenCount: state.reopenCount,
      persons: state.links.persons.map((p) => ({ id: p.personId, role: p.role })),
      exchangeIds: state.links.exchangeIds,
      verificationIds: state.links.verificationIds,
      handoverIds: state.links.handoverIds,
      revision: revision.toString(),
    };
  }
}
