import { aStream, events } from '../contract/contract-fixtures.js';
import type { AppendResult } from '../event-store.port.js';
import { prepareBatch, type AppendBatch } from './append-batch.js';
import { claimFor, claimParams, render, UntemplatedResponseError } from './idempotency-claim.js';

const batchOf = (n: number): AppendBatch =>
  prepareBatch([{ streamId: aStream(), events: events(n), expectedRevision: 'no_stream' }], new Map(), 1 << 20);

const keyed = (response: (r: AppendResult) => unknown) => ({ key: `k-${aStream()}`, requestHash: 'h', response });

/** What the statement stores, given where the batch's last event landed. */
const stored = (batch: AppendBatch, last: bigint): unknown =>
  JSON.parse(render(claimFor(keyed(answerOf), batch), last));

const answerOf = (r: AppendResult) => ({
  position: r.position.toString(),
  first: r.events[0].position.toString(),
  all: r.events.map((e) => `p${e.position}`).join(','),
  revision: r.streams[0].nextRevision.toString(),
  ids: r.events.map((e) => e.id),
  note: 'position 12 of 10000000000000000000000000 is no stand-in',
});

describe('idempotency claim templates', () => {
  it('renders exactly the answer the response function gives for the real positions', () => {
    const batch = batchOf(3);
    for (const last of [3n, 1_234n, 9_223_372_036_854_775_807n]) {
      expect(stored(batch, last)).toEqual(answerOf(batch.result(last)));
    }
  });

  it('keeps a response that does not mention positions verbatim', () => {
    const batch = batchOf(1);
    const claim = claimFor(
      keyed(() => ({ ok: true, n: 42, text: 'abc' })),
      batch,
    );
    expect(claim.parts).toHaveLength(1);
    expect(JSON.parse(render(claim, 7n))).toEqual({ ok: true, n: 42, text: 'abc' });
  });

  it.each([
    ['arithmetic on a position', (r: AppendResult) => ({ next: (r.position + 1n).toString() })],
    ['a position as a JSON number', (r: AppendResult) => ({ position: Number(r.position) })],
    ['a comparison', (r: AppendResult) => ({ big: r.position > 1_000_000n })],
    // Would be cut as a position; the check against the second stand-in catches it.
    ['a literal equal to a stand-in', () => ({ text: '1000000000000000000000000' })],
    [
      'a response that throws on an unusual position',
      (r: AppendResult) => {
        if (r.position > 2n ** 63n) throw new Error('out of range');
        return {};
      },
    ],
  ])('refuses to template %s (the locked path computes it instead)', (_what, response) => {
    expect(() => claimFor(keyed(response), batchOf(2))).toThrow(UntemplatedResponseError);
  });

  it('places each member of a group at its own distance from the statement’s last position', () => {
    const [a, b, c] = [batchOf(2), batchOf(1), batchOf(3)];
    const claimed = [a, c].map((x) => ({ ...x, claim: claimFor(keyed(answerOf), x) }));
    const params = claimParams([claimed[0], b, claimed[1]]);
    expect(params).not.toBeNull();
    const [keys, , members, parts, back] = params as [string[], string[], number[], string[], (bigint | null)[]];
    expect(keys).toEqual([claimed[0].claim.key, claimed[1].claim.key]);
    // Statement's last position L = 106: c holds 104..106, b 103, a 101..102.
    const L = 106n;
    const responseOf = (m: number): unknown =>
      JSON.parse(
        render({ parts: parts.filter((_, i) => members[i] === m), back: back.filter((_, i) => members[i] === m) }, L),
      );
    expect(responseOf(1)).toEqual(answerOf(a.result(102n)));
    expect(responseOf(2)).toEqual(answerOf(c.result(106n)));
    expect(claimParams([a, b])).toBeNull();
  });
});
