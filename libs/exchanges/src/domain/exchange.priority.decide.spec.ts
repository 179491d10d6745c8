import { deciderSpec } from '#testing';
import type { ChangeExchangePriority, OpenExchange } from './exchange.commands.js';
import { exchangeDecider } from './exchange.decider.js';
import { ExchangeErrors as E } from './exchange.errors.js';
import type { ExchangeEvent, ExchangeOpened } from './exchange.events.js';
import { command, exchangeFixture, message } from './exchange.spec-fixtures.js';

const spec = deciderSpec(exchangeDecider);
const { exchangeId, open, opened, logged, closed } = exchangeFixture();
const first = message();
const change = (priority: string, reason = 'Nạn nhân có nguy cơ bị đưa đi nơi khác') =>
  command<ChangeExchangePriority>('ChangeExchangePriority', {
    priority: priority as ChangeExchangePriority['data']['priority'],
    reason,
  });
const urgentOpen = (): OpenExchange => {
  const c = open(first);
  return { ...c, data: { ...c.data, priority: 'urgent' } };
};

describe('the priority of an exchange', () => {
  it('opens urgent when the officer says so, and normal otherwise', () => {
    const state = spec
      .given([])
      .when(urgentOpen())
      .then([{ ...opened(first), data: { ...opened(first).data, priority: 'urgent' } }, logged(first)]);
    expect(state.status !== 'none' && state.priority).toBe('urgent');
    const normal = spec
      .given([])
      .when(open(first))
      .then([opened(first), logged(first)]);
    expect(normal.status !== 'none' && normal.priority).toBe('normal');
  });

  it('reads a thread opened before priorities existed as normal', () => {
    const { priority: _none, ...old } = opened(first).data;
    const legacy: ExchangeOpened = { type: 'ExchangeOpened', data: old };
    spec
      .given([legacy, logged(first)])
      .when(change('urgent'))
      .then([
        {
          type: 'ExchangePriorityChanged',
          data: {
            exchangeId,
            previous: 'normal',
            priority: 'urgent',
            reason: 'Nạn nhân có nguy cơ bị đưa đi nơi khác',
          },
        },
      ]);
  });

  it('refuses an unknown priority when opening', () => {
    const c = open(first);
    spec
      .given([])
      .when({ ...c, data: { ...c.data, priority: 'asap' as 'urgent' } })
      .thenRefuses(E.INVALID_PRIORITY);
  });

  it('changes with a reason, back and forth', () => {
    const raised: ExchangeEvent = {
      type: 'ExchangePriorityChanged',
      data: { exchangeId, previous: 'normal', priority: 'urgent', reason: 'Bàn giao ngày mai' },
    };
    const state = spec
      .given([opened(first), logged(first)])
      .when(change('urgent', '  Bàn giao ngày mai '))
      .then([raised]);
    expect(state.status !== 'none' && state.priority).toBe('urgent');
    spec
      .given([opened(first), logged(first), raised])
      .when(change('normal', 'Đã bàn giao'))
      .then([
        {
          type: 'ExchangePriorityChanged',
          data: { exchangeId, previous: 'urgent', priority: 'normal', reason: 'Đã bàn giao' },
        },
      ]);
  });

  it.each([
    ['the priority it already has', change('normal'), E.PRIORITY_UNCHANGED],
    ['no reason', change('urgent', '  '), E.REASON_REQUIRED],
    ['an unknown priority', change('soon'), E.INVALID_PRIORITY],
  ])('refuses a change to %s', (_what, cmd, code) => {
    spec
      .given([opened(first), logged(first)])
      .when(cmd)
      .thenRefuses(code);
  });

  it('refuses a change on a closed thread', () => {
    spec
      .given([opened(first), logged(first), closed('Đã xong')])
      .when(change('urgent'))
      .thenRefuses(E.CLOSED);
  });
});
