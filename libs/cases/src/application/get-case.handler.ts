import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore, load } from '#event-store';
import { DomainError } from '#shared-kernel';
import { caseDecider } from '../domain/case.decider.js';
import { caseView, type CaseView } from '../case-view.js';
import { caseStreamId } from '../case-stream.js';
import { GetCaseQuery } from './case.messages.js';

export type { CaseView };

/** A case folded live from its own stream: always current, never a projection's lag. */
@QueryHandler(GetCaseQuery)
export class GetCaseHandler implements IQueryHandler<GetCaseQuery, CaseView> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ caseId }: GetCaseQuery): Promise<CaseView> {
    const { state, revision } = await load(this.store, caseDecider, caseStreamId(caseId));
    if (state.status === 'none' || revision === null)
      throw new DomainError('CASE.NOT_FOUND', 'no case with this id', 'not_found');
    return caseView(state, revision)!;
  }
}
