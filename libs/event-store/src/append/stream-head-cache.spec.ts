import { StreamHeadCache } from './stream-head-cache.js';

const head = (revision: bigint) => ({ revision, hash: `h${revision}` });

describe('StreamHeadCache', () => {
  it('keeps the highest revision it was told about, never going back', () => {
    const cache = new StreamHeadCache(10);
    cache.remember('s', head(3n));
    cache.remember('s', head(1n));
    expect(cache.get('s')).toEqual(head(3n));
    cache.remember('s', head(4n));
    expect(cache.get('s')).toEqual(head(4n));
  });

  it('forgets the least recently remembered stream beyond its capacity', () => {
    const cache = new StreamHeadCache(2);
    cache.remember('a', head(0n));
    cache.remember('b', head(0n));
    cache.remember('a', head(1n));
    cache.remember('c', head(0n));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toEqual(head(1n));
    expect(cache.size).toBe(2);
  });

  it('remembers nothing with capacity 0, and forgets on request', () => {
    const off = new StreamHeadCache(0);
    off.remember('a', head(0n));
    expect(off.get('a')).toBeUndefined();
    const on = new StreamHeadCache(1);
    on.remember('a', head(0n));
    on.forget('a');
    expect(on.get('a')).toBeUndefined();
  });
});
