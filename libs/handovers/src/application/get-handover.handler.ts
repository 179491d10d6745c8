import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { recordPersonalDataRead } from '#audit';
import { EVENT_STORE, type EventStore, load } from '#event-store';
import { PERSONAL_DATA_CIPHER, type PersonalDataCipher } from '#security';
import { DomainError } from '#shared-kernel';
import { handoverDecider } from '../domain/handover.decider.js';
import { HandoverErrors } from '../domain/handover.errors.js';
import { handoverStreamId } from '../index.js';
import { hasSealedNotes, openNotReceivedReason, openReceived } from './handover-notes.js';
import { GetHandoverQuery } from './handover.messages.js';
import { type ExistingHandover, type HandoverView, type OpenedPersons, handoverView } from './handover.view.js';

const VIA = 'GET /handovers/{id}';

/**
 * A handover folded live from its stream, so the gate and the office see the same thing the
 * moment a confirmation is written. The sealed notes about persons are opened only for roles that
 * may read personal data, and each person whose notes are opened gets a read-audit event first:
 * if the audit cannot be written, nothing is shown.
 */
@QueryHandler(GetHandoverQuery)
export class GetHandoverHandler implements IQueryHandler<GetHandoverQuery, HandoverView> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PERSONAL_DATA_CIPHER) private readonly cipher: PersonalDataCipher,
  ) {}

  async execute({ handoverId, ctx, mayReadPersonal }: GetHandoverQuery): Promise<HandoverView> {
    const { state, revision } = await load(this.store, handoverDecider, handoverStreamId(handoverId));
    if (state.status === 'none' || revision === null) {
      throw new DomainError(HandoverErrors.NOT_FOUND, 'no handover with this id', 'not_found');
    }
    const opened = mayReadPersonal ? await this.open(state, ctx) : null;
    return handoverView(state, revision, opened);
  }

  private async open(state: ExistingHandover, ctx: GetHandoverQuery['ctx']): Promise<OpenedPersons> {
    const out = new Map<string, { notes: Record<string, string | null>; erased: boolean; reason?: string | null }>();
    if (state.status !== 'conducted' && state.status !== 'minutes_signed' && state.status !== 'closed') return out;
    for (const person of state.received) {
      if (!hasSealedNotes(person)) continue;
      await this.audit(state, person.personId, ctx);
      out.set(person.personId, await openReceived(this.cipher, person));
    }
    for (const person of state.notReceived) {
      await this.audit(state, person.personId, ctx);
      const reason = await openNotReceivedReason(this.cipher, person);
      out.set(person.personId, { notes: {}, erased: reason === null, reason });
    }
    return out;
  }

  private audit(state: ExistingHandover, personId: string, ctx: GetHandoverQuery['ctx']): Promise<void> {
    return recordPersonalDataRead(this.store, ctx, {
      subjectKind: 'person',
      subjectId: personId,
      caseId: state.caseId,
      purpose: 'handover view',
      via: VIA,
    });
  }
}
