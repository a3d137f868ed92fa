import { VersionedCache } from '../../src/application/versioned-cache';

describe('VersionedCache', () => {
  it('keeps a value while its version holds, and computes it again when the version moves', () => {
    const cache = new VersionedCache<number>(4);
    let computed = 0;
    const compute = () => (computed += 1);
    expect(cache.remember('lyon', 'v1', compute)).toBe(1);
    expect(cache.remember('lyon', 'v1', compute)).toBe(1);
    expect(cache.remember('lyon', 'v2', compute)).toBe(2);
    expect(cache.lookup('lyon', 'v1')).toBeUndefined();
  });

  it('tells a stored null from nothing stored', () => {
    const cache = new VersionedCache<string | null>(4);
    cache.store('shard', 3, null);
    expect(cache.lookup('shard', 3)).toEqual({ value: null });
    expect(cache.lookup('other', 3)).toBeUndefined();
  });

  it('forgets the least recently used entry beyond its capacity', () => {
    const cache = new VersionedCache<string>(2);
    cache.store('a', 1, 'A');
    cache.store('b', 1, 'B');
    cache.lookup('a', 1);
    cache.store('c', 1, 'C');
    expect(cache.lookup('b', 1)).toBeUndefined();
    expect(cache.lookup('a', 1)).toEqual({ value: 'A' });
    expect(cache.lookup('c', 1)).toEqual({ value: 'C' });
  });
});
