import { describe, expect, it } from 'vitest';
import { onFirstUse } from './on-first-use';

describe('onFirstUse', () => {
  it('makes nothing until asked, then makes the value once', () => {
    let made = 0;
    const get = onFirstUse(() => ++made);
    expect(made).toBe(0);
    expect(get()).toBe(1);
    expect(get()).toBe(1);
    expect(made).toBe(1);
  });

  it('keeps a value that is falsy (undefined, 0) rather than making it again', () => {
    let made = 0;
    const get = onFirstUse(() => {
      made++;
      return undefined;
    });
    get();
    get();
    expect(made).toBe(1);
  });

  it('gives concurrent first callers the same promise', async () => {
    let loads = 0;
    const get = onFirstUse(async () => {
      loads++;
      await new Promise((r) => setTimeout(r, 5));
      return { lib: true };
    });
    const [a, b] = await Promise.all([get(), get()]);
    expect(a).toBe(b);
    expect(loads).toBe(1);
  });
});
