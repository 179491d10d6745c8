import { ExchangeErrors as E } from './exchange.errors.js';
import { evolveExchange } from './exchange.evolve.js';
import { exchangeFixture, message, refusalWhen } from './exchange.spec-fixtures.js';
import { findMessage } from './exchange.state.js';
import { exchangeDecider } from './exchange.decider.js';
import type { MessageLogged } from './exchange.events.js';

/** Persons an incoming message names as data (gateway contract v1.1 `persons`, issue 12). */
const { open } = exchangeFixture();
const incoming = (persons: readonly { names: readonly string[] }[]) =>
  message({ direction: 'incoming', namedByCounterpart: persons });

describe('persons named by the counterpart', () => {
  it('are decided onto the message with their count; the state keeps only the count', () => {
    const m = incoming([{ names: ['阮氏花', 'Ruan Shihua'] }, { names: ['Trần Văn Minh'] }]);
    const events = exchangeDecider.decide(open(m), exchangeDecider.initialState);
    const logged = events.find((e): e is MessageLogged => e.type === 'MessageLogged');
    expect(logged?.data).toMatchObject({ personsNamed: 2, namedByCounterpart: m.namedByCounterpart });
    const state = events.reduce(evolveExchange, exchangeDecider.initialState);
    const kept = findMessage(state, m.messageId);
    expect(kept).toMatchObject({ personsNamed: 2 });
    expect(JSON.stringify(kept)).not.toContain('阮氏花');
  });

  it('are absent when the message names nobody', () => {
    const m = message({ direction: 'incoming' });
    const events = exchangeDecider.decide(open(m), exchangeDecider.initialState);
    expect(events.find((e) => e.type === 'MessageLogged')?.data).not.toHaveProperty('personsNamed');
  });

  it.each([
    ['on an outgoing message', message({ direction: 'outgoing', namedByCounterpart: [{ names: ['Hoa'] }] })],
    ['with no name', incoming([{ names: [] }])],
    ['with a blank name', incoming([{ names: ['  '] }])],
    ['with a name over 200 characters', incoming([{ names: ['a'.repeat(201)] }])],
    ['with 22 names', incoming([{ names: Array.from({ length: 22 }, (_, i) => `Hoa ${i}`) }])],
    ['21 persons', incoming(Array.from({ length: 21 }, () => ({ names: ['Hoa'] })))],
  ])('are refused %s', (_what, m) => {
    const error = refusalWhen([], open(m));
    expect([error.code, error.kind]).toEqual([E.INVALID_MESSAGE, 'invalid']);
  });
});
