import { newId } from '#shared-kernel';
import { deciderSpec } from '#testing';
import { exchangeDecider } from './exchange.decider.js';
import { ExchangeErrors as E } from './exchange.errors.js';
import type { ExchangeEvent } from './exchange.events.js';
import { at, exchangeFixture, message, refusalWhen } from './exchange.spec-fixtures.js';
import { findMessage } from './exchange.state.js';

const spec = deciderSpec(exchangeDecider);
const {
  exchangeId,
  log,
  send,
  discard,
  ack,
  close,
  loggedData,
  openedWith,
  logged,
  discarded,
  acknowledged,
  answered,
  closed,
} = exchangeFixture();

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

describe('AcknowledgeMessage', () => {
  const ackAt = at('2026-03-04T11:00:00+08:00');

  it('records the acknowledgement of a named message, with who acknowledged', () => {
    const state = spec
      .given(opened)
      .when(ack({ messageId: first.messageId, at: ackAt, by: 'duty officer, Pingxiang station' }))
      .then([
        {
          type: 'MessageAcknowledged',
          data: { exchangeId, messageId: first.messageId, occurredAt: ackAt, by: 'duty officer, Pingxiang station' },
        },
      ]);
    expect(findMessage(state, first.messageId)).toMatchObject({
      status: 'acknowledged',
      acknowledgement: { at: ackAt },
    });
  });

  describe('without a named message', () => {
    const later = message({ occurredAt: at('2026-03-04T12:00:00+07:00') });
    const backdated = message({ occurredAt: at('2026-03-04T08:00:00+07:00') });
    const incoming = message({ direction: 'incoming', occurredAt: at('2026-03-04T13:00:00+07:00') });
    const given = [...opened, logged(later), logged(backdated), logged(incoming)];
    const when = at('2026-03-04T14:00:00+07:00');

    it('defaults to the most recently sent message still unacknowledged, by sent time not log order', () => {
      const acked = spec
        .given(given)
        .when(ack({ at: when }))
        .then([acknowledged(later.messageId, when)]);
      expect(findMessage(acked, first.messageId)?.status).toBe('sent');
    });

    it('then defaults to the next most recently sent one', () => {
      spec
        .given([...given, acknowledged(later.messageId, when)])
        .when(ack({ at: when }))
        .then([acknowledged(first.messageId, when)]);
    });
  });

  it('refuses when the only sent message is already acknowledged', () => {
    spec
      .given([...opened, acknowledged(first.messageId, ackAt)])
      .when(ack({ at: ackAt }))
      .thenRefuses(E.NOTHING_TO_ACKNOWLEDGE);
  });

  it('refuses when the thread holds only a draft', () => {
    spec
      .given(openedWith(message({ draft: true })))
      .when(ack({ at: ackAt }))
      .thenRefuses(E.NOTHING_TO_ACKNOWLEDGE);
  });

  it('refuses a second acknowledgement of a named message', () => {
    spec
      .given([...opened, acknowledged(first.messageId, ackAt)])
      .when(ack({ messageId: first.messageId, at: ackAt }))
      .thenRefuses(E.ALREADY_ACKNOWLEDGED);
  });

  describe('refuses to acknowledge', () => {
    const incoming = message({ direction: 'incoming' });
    const draft = message({ draft: true });
    const given = [...opened, logged(incoming), logged(draft)];

    it('an incoming message', () => {
      spec
        .given(given)
        .when(ack({ messageId: incoming.messageId, at: ackAt }))
        .thenRefuses(E.INVALID_TRANSITION);
    });

    it('a draft', () => {
      spec
        .given(given)
        .when(ack({ messageId: draft.messageId, at: ackAt }))
        .thenRefuses(E.INVALID_TRANSITION);
    });

    it('an unknown message', () => {
      spec
        .given(given)
        .when(ack({ messageId: newId(), at: ackAt }))
        .thenRefuses(E.MESSAGE_NOT_FOUND);
    });

    it('on a missing exchange', () => {
      spec
        .given([])
        .when(ack({ at: ackAt }))
        .thenRefuses(E.NOT_FOUND);
    });
  });

  it('refuses to acknowledge an answered message: the reply already proved receipt', () => {
    const reply = message({ direction: 'incoming', inReplyTo: first.messageId });
    spec
      .given([...opened, logged(reply), answered(first.messageId, reply)])
      .when(ack({ messageId: first.messageId, at: ackAt }))
      .thenRefuses(E.INVALID_TRANSITION);
  });

  it('refuses an acknowledgement dated before the message was sent', () => {
    const error = refusalWhen(opened, ack({ at: at('2026-03-04T08:59:00+07:00') }));
    expect([error.code, error.kind]).toEqual([E.INVALID_TIME, 'invalid']);
  });

  it('keeps the acknowledgement when the reply arrives later', () => {
    const reply = message({
      direction: 'incoming',
      inReplyTo: first.messageId,
      occurredAt: at('2026-03-06T09:00:00+08:00'),
    });
    const state = spec
      .given([...opened, acknowledged(first.messageId, ackAt)])
      .when(log(reply))
      .then([{ type: 'MessageLogged', data: loggedData(reply) }, answered(first.messageId, reply)]);
    expect(findMessage(state, first.messageId)).toMatchObject({
      status: 'answered',
      acknowledgement: { at: ackAt },
      answer: { at: reply.occurredAt, replyMessageId: reply.messageId },
    });
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
