import { newId } from '#shared-kernel';
import { deciderSpec } from '#testing';
import { exchangeDecider } from './exchange.decider.js';
import { ExchangeErrors as E } from './exchange.errors.js';
import { at, exchangeFixture, message, refusalWhen } from './exchange.spec-fixtures.js';
import { findMessage } from './exchange.state.js';

const spec = deciderSpec(exchangeDecider);
const { exchangeId, log, ack, loggedData, openedWith, logged, acknowledged, answered } = exchangeFixture();

const first = message({ occurredAt: at('2026-03-04T09:00:00+07:00') });
const opened = openedWith(first);
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
