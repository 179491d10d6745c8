import { newId } from '#shared-kernel';
import { deciderSpec } from '#testing';
import { exchangeDecider } from './exchange.decider.js';
import { ExchangeErrors as E } from './exchange.errors.js';
import { at, exchangeFixture, message, refusalOf } from './exchange.spec-fixtures.js';
import { findMessage } from './exchange.state.js';

const spec = deciderSpec(exchangeDecider);
const { exchangeId, decided, open, log, send, discard, ack, close, after, loggedData } = exchangeFixture();

const first = message({ occurredAt: at('2026-03-04T09:00:00+07:00') });
const opened = decided([], open(first));
describe('SendDraft', () => {
  const draft = message({ draft: true, occurredAt: at('2026-03-04T10:00:00+07:00') });
  const withDraft = after(opened, log(draft));

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

  it('answers the incoming message a drafted reply refers to once it is sent', () => {
    const incoming = message({ direction: 'incoming' });
    const replyDraft = message({
      draft: true,
      inReplyTo: incoming.messageId,
      occurredAt: at('2026-03-04T11:00:00+07:00'),
    });
    const given = after(opened, log(incoming));
    const withReply = after(given, log(replyDraft));
    expect(decided(given, log(replyDraft))).toHaveLength(1);
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

  it('refuses to send what is not a draft', () => {
    spec.given(withDraft).when(send(first.messageId, '2026-03-05T08:00:00+07:00')).thenRefuses(E.INVALID_TRANSITION);
    const discarded = after(withDraft, discard(draft.messageId));
    spec.given(discarded).when(send(draft.messageId, '2026-03-05T08:00:00+07:00')).thenRefuses(E.INVALID_TRANSITION);
  });

  it('refuses an unknown message, a send before the draft was written, and a missing exchange', () => {
    expect(refusalOf(() => decided(withDraft, send(newId(), '2026-03-05T08:00:00+07:00'))).kind).toBe('not_found');
    spec.given(withDraft).when(send(newId(), '2026-03-05T08:00:00+07:00')).thenRefuses(E.MESSAGE_NOT_FOUND);
    spec.given(withDraft).when(send(draft.messageId, '2026-03-04T09:59:00+07:00')).thenRefuses(E.INVALID_TIME);
    spec.given([]).when(send(draft.messageId, '2026-03-05T08:00:00+07:00')).thenRefuses(E.NOT_FOUND);
  });
});

describe('DiscardDraft', () => {
  const draft = message({ draft: true });
  const withDraft = after(opened, log(draft));

  it('discards a draft', () => {
    const state = spec
      .given(withDraft)
      .when(discard(draft.messageId))
      .then([{ type: 'DraftDiscarded', data: { exchangeId, messageId: draft.messageId } }]);
    expect(findMessage(state, draft.messageId)?.status).toBe('discarded');
  });

  it('refuses to discard a sent message or an unknown one', () => {
    spec.given(withDraft).when(discard(first.messageId)).thenRefuses(E.INVALID_TRANSITION);
    spec.given(withDraft).when(discard(newId())).thenRefuses(E.MESSAGE_NOT_FOUND);
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

  it('defaults to the most recently sent message still unacknowledged, by sent time not log order', () => {
    const later = message({ occurredAt: at('2026-03-04T12:00:00+07:00') });
    const backdated = message({ occurredAt: at('2026-03-04T08:00:00+07:00') });
    const incoming = message({ direction: 'incoming', occurredAt: at('2026-03-04T13:00:00+07:00') });
    const given = after(after(after(opened, log(later)), log(backdated)), log(incoming));
    const when = at('2026-03-04T14:00:00+07:00');
    const acked = spec
      .given(given)
      .when(ack({ at: when }))
      .then([{ type: 'MessageAcknowledged', data: { exchangeId, messageId: later.messageId, occurredAt: when } }]);
    expect(findMessage(acked, first.messageId)?.status).toBe('sent');
    spec
      .given(after(given, ack({ at: when })))
      .when(ack({ at: when }))
      .then([{ type: 'MessageAcknowledged', data: { exchangeId, messageId: first.messageId, occurredAt: when } }]);
  });

  it('refuses when nothing sent awaits acknowledgement', () => {
    const acked = after(opened, ack({ at: ackAt }));
    spec
      .given(acked)
      .when(ack({ at: ackAt }))
      .thenRefuses(E.NOTHING_TO_ACKNOWLEDGE);
    const onlyDraft = decided([], open(message({ draft: true })));
    spec
      .given(onlyDraft)
      .when(ack({ at: ackAt }))
      .thenRefuses(E.NOTHING_TO_ACKNOWLEDGE);
  });

  it('refuses a second acknowledgement, an incoming or draft message, and an unknown one', () => {
    spec
      .given(after(opened, ack({ at: ackAt })))
      .when(ack({ messageId: first.messageId, at: ackAt }))
      .thenRefuses(E.ALREADY_ACKNOWLEDGED);
    const incoming = message({ direction: 'incoming' });
    const draft = message({ draft: true });
    const given = after(after(opened, log(incoming)), log(draft));
    spec
      .given(given)
      .when(ack({ messageId: incoming.messageId, at: ackAt }))
      .thenRefuses(E.INVALID_TRANSITION);
    spec
      .given(given)
      .when(ack({ messageId: draft.messageId, at: ackAt }))
      .thenRefuses(E.INVALID_TRANSITION);
    spec
      .given(given)
      .when(ack({ messageId: newId(), at: ackAt }))
      .thenRefuses(E.MESSAGE_NOT_FOUND);
    spec
      .given([])
      .when(ack({ at: ackAt }))
      .thenRefuses(E.NOT_FOUND);
  });

  it('refuses to acknowledge an answered message: the reply already proved receipt', () => {
    const answered = after(opened, log(message({ direction: 'incoming', inReplyTo: first.messageId })));
    spec
      .given(answered)
      .when(ack({ messageId: first.messageId, at: ackAt }))
      .thenRefuses(E.INVALID_TRANSITION);
  });

  it('refuses an acknowledgement dated before the message was sent', () => {
    const early = at('2026-03-04T08:59:00+07:00');
    const error = refusalOf(() => decided(opened, ack({ at: early })));
    expect([error.code, error.kind]).toEqual([E.INVALID_TIME, 'invalid']);
  });

  it('keeps the acknowledgement when the reply arrives later', () => {
    const reply = message({
      direction: 'incoming',
      inReplyTo: first.messageId,
      occurredAt: at('2026-03-06T09:00:00+08:00'),
    });
    const state = spec
      .given(after(opened, ack({ at: ackAt })))
      .when(log(reply))
      .then([
        { type: 'MessageLogged', data: loggedData(reply) },
        {
          type: 'MessageAnswered',
          data: {
            exchangeId,
            messageId: first.messageId,
            replyMessageId: reply.messageId,
            occurredAt: reply.occurredAt,
          },
        },
      ]);
    expect(findMessage(state, first.messageId)).toMatchObject({
      status: 'answered',
      acknowledgement: { at: ackAt },
      answer: { at: reply.occurredAt, replyMessageId: reply.messageId },
    });
  });
});

describe('CloseExchange', () => {
  it('closes the thread with a reason', () => {
    const state = spec
      .given(opened)
      .when(close('verification answered, nothing pending'))
      .then([{ type: 'ExchangeClosed', data: { exchangeId, reason: 'verification answered, nothing pending' } }]);
    expect(state.status).toBe('closed');
  });

  it('refuses without a reason, with drafts pending, twice, or on a missing exchange', () => {
    spec.given(opened).when(close(' ')).thenRefuses(E.REASON_REQUIRED);
    spec
      .given(after(opened, log(message({ draft: true }))))
      .when(close('done'))
      .thenRefuses(E.DRAFTS_PENDING);
    spec
      .given(after(opened, close('done')))
      .when(close('done'))
      .thenRefuses(E.CLOSED);
    spec.given([]).when(close('done')).thenRefuses(E.NOT_FOUND);
  });

  it('refuses acknowledgements and drafts work after closing', () => {
    const closed = after(opened, close('done'));
    spec
      .given(closed)
      .when(ack({ at: at('2026-03-05T09:00:00+07:00') }))
      .thenRefuses(E.CLOSED);
    spec.given(closed).when(discard(first.messageId)).thenRefuses(E.CLOSED);
    spec.given(closed).when(send(first.messageId, '2026-03-05T09:00:00+07:00')).thenRefuses(E.CLOSED);
  });
});
