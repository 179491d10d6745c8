import { fold } from '#shared-kernel';
import type { ExchangeEvent } from './exchange.events.js';
import { exchangeDecider } from './exchange.decider.js';
import { overdueMessages, unacknowledgedMessages } from './exchange.queries.js';
import { at, exchangeFixture, message } from './exchange.spec-fixtures.js';

const { decided, open, log, ack, close, after } = exchangeFixture();
const due = at('2026-03-05T09:00:00+08:00'); // 01:00 UTC
const justAfter = new Date('2026-03-05T01:00:00.001Z');
const first = message({ occurredAt: at('2026-03-04T09:00:00+07:00'), responseDueAt: due });
const opened = decided([], open(first));
const stateOf = (events: readonly ExchangeEvent[]) => fold(exchangeDecider, events);

describe('overdueMessages', () => {
  it('lists a sent message once its due time has passed, and not at the due instant itself', () => {
    expect(overdueMessages(stateOf(opened), new Date(Date.parse(due.at)))).toEqual([]);
    expect(overdueMessages(stateOf(opened), justAfter)).toEqual([
      { messageId: first.messageId, direction: 'outgoing', dueAt: due },
    ]);
  });

  it('keeps an acknowledged message overdue: receipt is not a reply', () => {
    const acked = after(opened, ack({ at: at('2026-03-04T10:00:00+07:00') }));
    expect(overdueMessages(stateOf(acked), justAfter).map((m) => m.messageId)).toEqual([first.messageId]);
  });

  it('drops a message once it is answered', () => {
    const answered = after(opened, log(message({ direction: 'incoming', inReplyTo: first.messageId })));
    expect(overdueMessages(stateOf(answered), justAfter)).toEqual([]);
  });

  it('lists an incoming message we have not answered in time, but not drafts', () => {
    const incoming = message({ direction: 'incoming', responseDueAt: due });
    const draft = message({ draft: true, responseDueAt: due });
    const state = stateOf(after(after(opened, log(incoming)), log(draft)));
    expect(overdueMessages(state, justAfter)).toEqual([
      { messageId: first.messageId, direction: 'outgoing', dueAt: due },
      { messageId: incoming.messageId, direction: 'incoming', dueAt: due },
    ]);
  });

  it('has nothing overdue in a closed or missing exchange', () => {
    expect(overdueMessages(stateOf(after(opened, close('done'))), justAfter)).toEqual([]);
    expect(overdueMessages(exchangeDecider.initialState, justAfter)).toEqual([]);
  });
});

describe('unacknowledgedMessages', () => {
  it('lists sent outgoing messages the counterpart has not acknowledged', () => {
    expect(unacknowledgedMessages(stateOf(opened)).map((m) => m.messageId)).toEqual([first.messageId]);
    const acked = after(opened, ack({ at: at('2026-03-04T10:00:00+07:00') }));
    expect(unacknowledgedMessages(stateOf(acked))).toEqual([]);
  });
});
