import { describe, expect, it } from 'vitest';
import { nodeSupport } from './node-support';

describe('nodeSupport', () => {
  it('accepts the LTS lines 22 and 24 without a word', () => {
    expect(nodeSupport('v22.12.0')).toEqual({ verdict: 'supported' });
    expect(nodeSupport('v24.22.3')).toEqual({ verdict: 'supported' });
  });

  it('runs on Node 20 but says it is past its end of life', () => {
    const said = nodeSupport('v20.20.2');
    expect(said.verdict).toBe('warn');
    expect(said.verdict !== 'supported' && said.message).toMatch(/end of life \(2026-04-30\).*22 or 24/);
  });

  it('refuses what is older than 20.12, naming the versions to install', () => {
    expect(nodeSupport('v20.11.1')).toMatchObject({
      verdict: 'refuse',
      message: expect.stringMatching(/22 or 24 \(this is v20\.11\.1\)/),
    });
    expect(nodeSupport('v18.20.0').verdict).toBe('refuse');
    expect(nodeSupport('v20.12.0').verdict).toBe('warn');
  });

  it('warns on odd (non-LTS) and on newer untested lines', () => {
    expect(nodeSupport('v23.1.0')).toMatchObject({
      verdict: 'warn',
      message: expect.stringMatching(/not a long-term-support/),
    });
    expect(nodeSupport('v26.0.0')).toMatchObject({
      verdict: 'warn',
      message: expect.stringMatching(/not yet on v26\.0\.0/),
    });
  });
});
