import { describe, expect, it } from 'vitest';
import { readOnce, sharingReads, sharingReadsNow } from './read-once';

describe('readOnce', () => {
  const counter = () => {
    let reads = 0;
    return { read: () => Promise.resolve(++reads), reads: () => reads };
  };
  const db = {};

  it('reads afresh on every call outside a read-only answer', async () => {
    const c = counter();
    expect([await readOnce(db, 'k', c.read), await readOnce(db, 'k', c.read)]).toEqual([1, 2]);
    expect(sharingReadsNow()).toBe(false);
  });

  it('reads each key once per handle within one answer, nested scopes included, and afresh in the next', async () => {
    const c = counter();
    const other = {};
    const answer = () =>
      sharingReads(async () => {
        expect(sharingReadsNow()).toBe(true);
        const [a, b] = await Promise.all([readOnce(db, 'k', c.read), readOnce(db, 'k', c.read)]);
        const nested = await sharingReads(() => readOnce(db, 'k', c.read));
        const elsewhere = await readOnce(other, 'k', c.read);
        const key2 = await readOnce(db, 'k2', c.read);
        return [a, b, nested, elsewhere, key2];
      });
    expect(await answer()).toEqual([1, 1, 1, 2, 3]);
    expect(await answer()).toEqual([4, 4, 4, 5, 6]);
  });
});
