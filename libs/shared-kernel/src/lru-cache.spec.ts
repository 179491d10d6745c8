import { LruCache } from './lru-cache.js';

describe('LruCache', () => {
  it('evicts the least recently used entry beyond its capacity, a get counting as a use', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // a is now the most recent
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([1, undefined, 3]);
    expect(cache.size).toBe(2);
  });

  it('does not count a peek as a use', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.peek('a')).toBe(1);
    cache.set('c', 3);
    expect([cache.peek('a'), cache.peek('b'), cache.peek('c')]).toEqual([undefined, 2, 3]);
  });

  it('counts setting a present key again as a use, keeping one entry', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('a', 10);
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([10, undefined, 3]);
  });

  it('forgets an entry once its time to live has passed, set again it lives anew', () => {
    let now = 0;
    const cache = new LruCache<string, number>(10, { ttlMs: 1000, clock: () => now });
    cache.set('a', 1);
    now = 999;
    expect(cache.get('a')).toBe(1);
    now = 1000;
    expect(cache.peek('a')).toBeUndefined();
    expect(cache.size).toBe(0);
    cache.set('a', 2);
    now = 1999;
    expect(cache.get('a')).toBe(2);
  });

  it('ends an entry at the expiry it was set with when that comes before the time to live', () => {
    let now = 0;
    const cache = new LruCache<string, number>(10, { ttlMs: 1000, clock: () => now });
    cache.set('soon', 1, 300);
    cache.set('late', 2, 5000);
    now = 299;
    expect([cache.get('soon'), cache.get('late')]).toEqual([1, 2]);
    now = 300;
    expect(cache.get('soon')).toBeUndefined();
    now = 1000;
    expect(cache.get('late')).toBeUndefined();
  });

  it('keeps entries without a time to live until they are evicted', () => {
    let now = 0;
    const cache = new LruCache<string, number>(1, { clock: () => now });
    cache.set('a', 1);
    now = Number.MAX_SAFE_INTEGER;
    expect(cache.get('a')).toBe(1);
  });

  it('deletes one entry, or all of them', () => {
    const cache = new LruCache<string, number>(10);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.delete('a');
    expect([cache.get('a'), cache.get('b')]).toEqual([undefined, 2]);
    cache.set('c', 3);
    cache.clear();
    expect([cache.get('b'), cache.get('c'), cache.size]).toEqual([undefined, undefined, 0]);
  });

  it('keeps nothing with a capacity of zero', () => {
    const cache = new LruCache<string, number>(0, { ttlMs: 1000 });
    cache.set('a', 1);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });
});
