import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { recordPersonalDataRead } from '#audit';
import { EVENT_STORE, type EventStore, load } from '#event-store';
import { PERSONAL_DATA_CIPHER, type PersonalDataCipher } from '#security';
import { DomainError } from '#shared-kernel';
import { ExchangeErrors, exchangeDecider, exchangeStreamId } from '../index.js';
import { GetExchangeQuery } from './exchange.messages.js';
import { openMessageText, openReturnComment } from './message-content.js';
import { type ContentFor, type ExchangeView, exchangeView } from './exchange.view.js';

/** A thread folded live from its stream; content opened only for readers allowed to see it. */
@QueryHandler(GetExchangeQuery)
export class GetExchangeHandler implements IQueryHandler<GetExchangeQuery, ExchangeView> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PERSONAL_DATA_CIPHER) private readonly cipher: PersonalDataCipher,
  ) {}

  async execute({ exchangeId, ctx, mayReadContent }: GetExchangeQuery): Promise<ExchangeView> {
    const { state, revision } = await load(this.store, exchangeDecider, exchangeStreamId(exchangeId));
    if (state.status === 'none' || revision === null) {
      throw new DomainError(ExchangeErrors.NOT_FOUND, 'no exchange with this id', 'not_found');
    }
    // Message content may name people: opening it is recorded like any read of personal data,
    // before anything is shown.
    if (mayReadContent && state.messages.length > 0) {
      await recordPersonalDataRead(this.store, ctx, {
        subjectKind: 'exchange',
        subjectId: exchangeId,
        caseId: state.caseIds[0] ?? null,
        purpose: 'not stated',
        via: 'GET /exchanges/{id}',
      });
    }
    const contents = new Map<string, ContentFor>();
    for (const m of state.messages) {
      if (!mayReadContent) {
        contents.set(m.messageId, { kind: 'masked' });
        continue;
      }
      const text = await openMessageText(this.cipher, exchangeId, m);
      contents.set(m.messageId, text ? { kind: 'text', text } : { kind: 'erased' });
    }
    // A return's comment is free text about the draft: opened for the same readers as the content.
    const comments = new Map<string, string | null>();
    for (const m of state.messages) {
      const returned = m.direction === 'outgoing' ? m.release?.returned : undefined;
      if (mayReadContent && returned) {
        comments.set(m.messageId, await openReturnComment(this.cipher, exchangeId, returned.comment));
      }
    }
    return exchangeView(
      state,
      revision,
      ctx.now,
      (m) => contents.get(m.messageId) ?? { kind: 'masked' },
      (m) => comments.get(m.messageId) ?? null,
    );
  }
}
