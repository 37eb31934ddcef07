import { describe, expect, it } from 'vitest';
import { HELP } from './main';

describe('fortytwo --help', () => {
  it('lists each command once', () => {
    const commands = HELP.split('\n')
      .filter((line) => /^ {2}[a-z]/.test(line))
      .map((line) => line.trim().split(/\s{2,}/)[0]);
    expect(commands).toContain('docs verify <zip>');
    expect(commands.filter((c, i) => commands.indexOf(c) !== i)).toEqual([]);
  });
});
