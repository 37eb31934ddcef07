import { describe, expect, it } from 'vitest';
import { newId, newSecret } from './ids';

describe('ids', () => {
  it('are UUIDv7: version 7, variant 10, sortable by creation time', () => {
    const a = newId(1_700_000_000_000);
    const b = newId(1_700_000_000_001);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a < b).toBe(true);
    expect(new Set(Array.from({ length: 1000 }, () => newId())).size).toBe(1000);
  });

  it('secrets carry 256 bits, URL-safe', () => {
    expect(newSecret()).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
