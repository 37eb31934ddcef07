import { describe, expect, it } from 'vitest';
import { ResponseCache } from './response-cache';

const body = (n: number, fill = 'x') => Buffer.from(fill.repeat(n));
const stamp = (version: number, day = '2026-12-05') => ({ version, day });
const slot = (orgId: string, version: number, key: string, day?: string) => ({
  orgId,
  stamp: stamp(version, day),
  key,
});

describe('ResponseCache', () => {
  it('keeps an answer under the stamp it was built for', () => {
    const cache = new ResponseCache(1000);
    expect(cache.admit('o1', stamp(3))).toBe(true);
    cache.set(slot('o1', 3, 'a'), body(10));
    expect(cache.get('a')?.toString()).toBe('x'.repeat(10));
    expect(cache.size).toEqual({ entries: 1, bytes: 10 });
  });

  it('drops what an organization kept when a newer version or day arrives, and only that organization', () => {
    const cache = new ResponseCache(1000);
    cache.admit('o1', stamp(3));
    cache.admit('o2', stamp(7));
    cache.set(slot('o1', 3, 'a'), body(10));
    cache.set(slot('o2', 7, 'b'), body(20));
    expect(cache.admit('o1', stamp(4))).toBe(true);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBeDefined();
    expect(cache.size).toEqual({ entries: 1, bytes: 20 });
    expect(cache.admit('o2', stamp(7, '2026-12-06'))).toBe(true);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.size).toEqual({ entries: 0, bytes: 0 });
  });

  it('neither serves nor keeps under an older stamp than the newest seen (a request that read the version before a write)', () => {
    const cache = new ResponseCache(1000);
    cache.admit('o1', stamp(5));
    expect(cache.admit('o1', stamp(4))).toBe(false);
    expect(cache.admit('o1', stamp(5, '2026-12-04'))).toBe(false);
    cache.set(slot('o1', 4, 'old'), body(10));
    expect(cache.get('old')).toBeUndefined();
    // Built under 5, but 6 was seen before it finished: not kept either.
    cache.admit('o1', stamp(6));
    cache.set(slot('o1', 5, 'late'), body(10));
    expect(cache.get('late')).toBeUndefined();
    expect(cache.admit('o1', stamp(6))).toBe(true);
  });

  it('stays within its bytes, dropping the least recently used first', () => {
    const cache = new ResponseCache(100);
    cache.admit('o1', stamp(1));
    cache.set(slot('o1', 1, 'a'), body(20));
    cache.set(slot('o1', 1, 'b'), body(20));
    cache.set(slot('o1', 1, 'c'), body(20));
    expect(cache.get('a')).toBeDefined(); // a is now the most recent
    cache.set(slot('o1', 1, 'd'), body(25));
    cache.set(slot('o1', 1, 'e'), body(25));
    expect(cache.size.bytes).toBeLessThanOrEqual(100);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('e')).toBeDefined();
  });

  it('replaces an answer kept under the same key, counting its bytes once', () => {
    const cache = new ResponseCache(200);
    cache.admit('o1', stamp(1));
    cache.set(slot('o1', 1, 'a'), body(20));
    cache.set(slot('o1', 1, 'a'), body(30, 'y'));
    expect(cache.size).toEqual({ entries: 1, bytes: 30 });
    expect(cache.get('a')?.toString()).toBe('y'.repeat(30));
  });

  it('never keeps one answer larger than a quarter of its bytes', () => {
    const cache = new ResponseCache(100);
    cache.admit('o1', stamp(1));
    cache.set(slot('o1', 1, 'big'), body(26));
    expect(cache.get('big')).toBeUndefined();
    cache.set(slot('o1', 1, 'fits'), body(25));
    expect(cache.get('fits')).toBeDefined();
  });
});
