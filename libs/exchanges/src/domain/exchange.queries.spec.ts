import { fold } from '#shared-kernel';
import type { ExchangeEvent } from './exchange.events.js';
import { exchangeDecider } from './exchange.decider.js';
import { overdueMessages, unacknowledgedMessages } from './exchange.queries.js';
import { at, exchangeFixture, message } from './exchange.spec-fixtures.js';

const { openedWith, logged, acknowledged, answered, closed } = exchangeFixture();
const due = at('2026-03-05T09:00:00+08:00'); // 01:00 UTC
const justAfter = new Date('2026-03-05T01:00:00.001Z');
const first = message({ occurredAt: at('2026-03-04T09:00:00+07:00'), responseDueAt: due });
const opened = openedWith(first);
const ackAt = at('2026-03-04T10:00:00+07:00');
const stateOf = (events: readonly ExchangeEvent[]) => fold(exchangeDecider, events);

describe('overdueMessages', () => {
  it('does not list a sent message at its due instant itself', () => {
    expect(overdueMessages(stateOf(opened), new Date(Date.parse(due.at)))).toEqual([]);
  });

  it('lists a sent message once its due time has passed', () => {
    expect(overdueMessages(stateOf(opened), justAfter)).toEqual([
      { messageId: first.messageId, direction: 'outgoing', dueAt: due },
    ]);
  });

  it('keeps an acknowledged message overdue: receipt is not a reply', () => {
    const acked = [...opened, acknowledged(first.messageId, ackAt)];
    expect(overdueMessages(stateOf(acked), justAfter).map((m) => m.messageId)).toEqual([first.messageId]);
  });

  it('drops a message once it is answered', () => {
    const reply = message({ direction: 'incoming', inReplyTo: first.messageId });
    const answeredThread = [...opened, logged(reply), answered(first.messageId, reply)];
    expect(overdueMessages(stateOf(answeredThread), justAfter)).toEqual([]);
  });

  it('lists an incoming message we have not answered in time, but not drafts', () => {
    const incoming = message({ direction: 'incoming', responseDueAt: due });
    const draft = message({ draft: true, responseDueAt: due });
    const state = stateOf([...opened, logged(incoming), logged(draft)]);
    expect(overdueMessages(state, justAfter)).toEqual([
      { messageId: first.messageId, direction: 'outgoing', dueAt: due },
      { messageId: incoming.messageId, direction: 'incoming', dueAt: due },
    ]);
  });

  it('has nothing overdue in a closed exchange', () => {
    expect(overdueMessages(stateOf([...opened, closed('done')]), justAfter)).toEqual([]);
  });

  it('has nothing overdue in a missing exchange', () => {
    expect(overdueMessages(exchangeDecider.initialState, justAfter)).toEqual([]);
  });
});

describe('unacknowledgedMessages', () => {
  it('lists sent outgoing messages the counterpart has not acknowledged', () => {
    expect(unacknowledgedMessages(stateOf(opened)).map((m) => m.messageId)).toEqual([first.messageId]);
  });

  it('drops a message once acknowledged', () => {
    expect(unacknowledgedMessages(stateOf([...opened, acknowledged(first.messageId, ackAt)]))).toEqual([]);
  });
});
