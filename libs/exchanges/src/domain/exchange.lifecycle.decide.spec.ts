import { newId } from '#shared-kernel';
import { deciderSpec } from '#testing';
import { exchangeDecider } from './exchange.decider.js';
import { ExchangeErrors as E } from './exchange.errors.js';
import type { ExchangeEvent } from './exchange.events.js';
import { at, exchangeFixture, message, refusalWhen } from './exchange.spec-fixtures.js';
import { findMessage } from './exchange.state.js';

const spec = deciderSpec(exchangeDecider);
const { exchangeId, log, send, discard, ack, close, openedWith, logged, discarded, closed } = exchangeFixture();

const first = message({ occurredAt: at('2026-03-04T09:00:00+07:00') });
const opened = openedWith(first);
describe('SendDraft', () => {
  const draft = message({ draft: true, occurredAt: at('2026-03-04T10:00:00+07:00') });
  const withDraft = [...opened, logged(draft)];

  it('sends a draft at the declared time', () => {
    const state = spec
      .given(withDraft)
      .when(send(draft.messageId, '2026-03-04T15:00:00+07:00'))
      .then([
        {
          type: 'DraftSent',
          data: { exchangeId, messageId: draft.messageId, occurredAt: at('2026-03-04T15:00:00+07:00') },
        },
      ]);
    expect(findMessage(state, draft.messageId)).toMatchObject({
      status: 'sent',
      sentAt: at('2026-03-04T15:00:00+07:00'),
    });
  });

  it('does not answer the incoming message while the reply is only a draft', () => {
    const incoming = message({ direction: 'incoming' });
    const replyDraft = message({
      draft: true,
      inReplyTo: incoming.messageId,
      occurredAt: at('2026-03-04T11:00:00+07:00'),
    });
    spec
      .given([...opened, logged(incoming)])
      .when(log(replyDraft))
      .then([logged(replyDraft)]);
  });

  it('answers the incoming message a drafted reply refers to once it is sent', () => {
    const incoming = message({ direction: 'incoming' });
    const replyDraft = message({
      draft: true,
      inReplyTo: incoming.messageId,
      occurredAt: at('2026-03-04T11:00:00+07:00'),
    });
    const withReply = [...opened, logged(incoming), logged(replyDraft)];
    spec
      .given(withReply)
      .when(send(replyDraft.messageId, '2026-03-05T08:00:00+07:00'))
      .then([
        {
          type: 'DraftSent',
          data: { exchangeId, messageId: replyDraft.messageId, occurredAt: at('2026-03-05T08:00:00+07:00') },
        },
        {
          type: 'MessageAnswered',
          data: {
            exchangeId,
            messageId: incoming.messageId,
            replyMessageId: replyDraft.messageId,
            occurredAt: at('2026-03-05T08:00:00+07:00'),
          },
        },
      ]);
  });

  it('refuses to send a message already sent', () => {
    spec.given(withDraft).when(send(first.messageId, '2026-03-05T08:00:00+07:00')).thenRefuses(E.INVALID_TRANSITION);
  });

  it('refuses to send a discarded draft', () => {
    spec
      .given([...withDraft, discarded(draft.messageId)])
      .when(send(draft.messageId, '2026-03-05T08:00:00+07:00'))
      .thenRefuses(E.INVALID_TRANSITION);
  });

  it('refuses an unknown message as not found', () => {
    const error = refusalWhen(withDraft, send(newId(), '2026-03-05T08:00:00+07:00'));
    expect([error.code, error.kind]).toEqual([E.MESSAGE_NOT_FOUND, 'not_found']);
  });

  it('refuses a send before the draft was written', () => {
    spec.given(withDraft).when(send(draft.messageId, '2026-03-04T09:59:00+07:00')).thenRefuses(E.INVALID_TIME);
  });

  it('refuses on a missing exchange', () => {
    spec.given([]).when(send(draft.messageId, '2026-03-05T08:00:00+07:00')).thenRefuses(E.NOT_FOUND);
  });
});

describe('DiscardDraft', () => {
  const draft = message({ draft: true });
  const withDraft = [...opened, logged(draft)];

  it('discards a draft', () => {
    const state = spec
      .given(withDraft)
      .when(discard(draft.messageId))
      .then([{ type: 'DraftDiscarded', data: { exchangeId, messageId: draft.messageId } }]);
    expect(findMessage(state, draft.messageId)?.status).toBe('discarded');
  });

  it('refuses to discard a sent message', () => {
    spec.given(withDraft).when(discard(first.messageId)).thenRefuses(E.INVALID_TRANSITION);
  });

  it('refuses to discard an unknown message', () => {
    spec.given(withDraft).when(discard(newId())).thenRefuses(E.MESSAGE_NOT_FOUND);
  });

  it('refuses to discard on a missing exchange', () => {
    spec.given([]).when(discard(draft.messageId)).thenRefuses(E.NOT_FOUND);
  });
});

describe('CloseExchange', () => {
  const closedThread: ExchangeEvent[] = [...opened, closed('done')];

  it('closes the thread with a reason', () => {
    const state = spec
      .given(opened)
      .when(close('verification answered, nothing pending'))
      .then([{ type: 'ExchangeClosed', data: { exchangeId, reason: 'verification answered, nothing pending' } }]);
    expect(state.status).toBe('closed');
  });

  it('refuses without a reason', () => {
    spec.given(opened).when(close(' ')).thenRefuses(E.REASON_REQUIRED);
  });

  it('refuses with drafts pending', () => {
    spec
      .given([...opened, logged(message({ draft: true }))])
      .when(close('done'))
      .thenRefuses(E.DRAFTS_PENDING);
  });

  it('refuses to close twice', () => {
    spec.given(closedThread).when(close('done')).thenRefuses(E.CLOSED);
  });

  it('refuses on a missing exchange', () => {
    spec.given([]).when(close('done')).thenRefuses(E.NOT_FOUND);
  });

  it('refuses acknowledgements after closing', () => {
    spec
      .given(closedThread)
      .when(ack({ at: at('2026-03-05T09:00:00+07:00') }))
      .thenRefuses(E.CLOSED);
  });

  it('refuses to discard a draft after closing', () => {
    const draft = message({ draft: true });
    spec
      .given([...opened, logged(draft), discarded(draft.messageId), closed('done')])
      .when(discard(draft.messageId))
      .thenRefuses(E.CLOSED);
  });

  it('refuses to send a draft after closing', () => {
    const draft = message({ draft: true });
    spec
      .given([...opened, logged(draft), discarded(draft.messageId), closed('done')])
      .when(send(draft.messageId, '2026-03-05T09:00:00+07:00'))
      .thenRefuses(E.CLOSED);
  });
});
