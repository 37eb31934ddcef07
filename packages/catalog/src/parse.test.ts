import { describe, expect, it } from 'vitest';
import { CatalogFileError, parseCrosswalk, parseFramework } from './parse';

const GOOD = `format: fortytwo/framework@1
id: acme-ai
name: ACME AI rules
version: "1"
items:
  - ref: R1
    kind: clause
    title: Governance
  - ref: R1.1
    kind: requirement
    parent: R1
    title: Board oversight
    assessable: true
    relatedControls: [R1.2]
  - ref: R1.2
    kind: requirement
    parent: R1
    title: Register of models
    assessable: true
`;

function issuesOf(run: () => unknown) {
  try {
    run();
  } catch (e) {
    if (e instanceof CatalogFileError) return e.issues;
    throw e;
  }
  throw new Error('expected the file to be rejected');
}

describe('parseFramework', () => {
  it('reads a valid file and fills the defaults', () => {
    const fw = parseFramework('acme.yaml', GOOD);
    expect(fw.items.map((i) => i.ref)).toEqual(['R1', 'R1.1', 'R1.2']);
    expect(fw.items[1]).toMatchObject({ parent: 'R1', assessable: true, documentation: 'none', pillars: [] });
  });

  it('reads the same content as JSON', () => {
    const json = JSON.stringify({
      format: 'fortytwo/framework@1',
      id: 'acme-ai',
      name: 'ACME',
      version: '1',
      items: [{ ref: 'R1', kind: 'clause', title: 'Governance' }],
    });
    expect(parseFramework('acme.json', json).items).toHaveLength(1);
  });

  it('names the line and field of an unknown field', () => {
    const issues = issuesOf(() =>
      parseFramework(
        'acme.yaml',
        GOOD.replace('    title: Board oversight\n', '    title: Board oversight\n    colour: red\n'),
      ),
    );
    expect(issues).toEqual([{ path: 'items[1].colour', line: 13, message: 'unknown field "colour"' }]);
  });

  it('names the line of a wrong enum value with the allowed values', () => {
    const issues = issuesOf(() =>
      parseFramework(
        'acme.yaml',
        GOOD.replace(
          'kind: requirement\n    parent: R1\n    title: Board',
          'kind: rule\n    parent: R1\n    title: Board',
        ),
      ),
    );
    expect(issues[0]).toMatchObject({ path: 'items[1].kind', line: 10 });
    expect(issues[0]!.message).toContain('kind must be one of: clause, subclause');
  });

  it('rejects a missing required field, pointing at its item', () => {
    const issues = issuesOf(() => parseFramework('acme.yaml', GOOD.replace('    title: Governance\n', '')));
    expect(issues[0]).toMatchObject({ path: 'items[0].title', line: 6 });
  });

  it('rejects duplicate refs, unknown parents and unknown related controls', () => {
    const text = GOOD.replace('ref: R1.2', 'ref: R1.1').replace(
      'parent: R1\n    title: Board',
      'parent: R9\n    title: Board',
    );
    const issues = issuesOf(() => parseFramework('acme.yaml', text));
    expect(issues.map((i) => i.message)).toEqual([
      'parent "R9" must be an item listed before "R1.1"',
      'ref "R1.1" is used twice (first at items[1])',
      '"R1.2" is not an item of this framework',
    ]);
    expect(issues[1]!.line).toBe(15);
  });

  it('reports YAML syntax errors with their line', () => {
    const issues = issuesOf(() =>
      parseFramework('acme.yaml', 'format: fortytwo/framework@1\nid: acme\nitems:\n  - ref: [unclosed\n'),
    );
    expect(issues[0]!.line).toBeGreaterThanOrEqual(4);
  });

  it('rejects a duplicate key instead of silently keeping the last one', () => {
    const issues = issuesOf(() =>
      parseFramework('acme.yaml', GOOD.replace('name: ACME AI rules\n', 'name: ACME AI rules\nname: Other\n')),
    );
    expect(issues[0]!.line).toBe(4);
  });

  it('says which format it expects', () => {
    const issues = issuesOf(() =>
      parseFramework('acme.yaml', GOOD.replace('fortytwo/framework@1', 'fortytwo/framework@9')),
    );
    expect(issues[0]).toMatchObject({ path: 'format', line: 1, message: 'format must be "fortytwo/framework@1"' });
  });

  it('puts file, line and field in the error message', () => {
    expect(() =>
      parseFramework(
        'acme.yaml',
        GOOD.replace('assessable: true\n    relatedControls', 'assessable: yes-please\n    relatedControls'),
      ),
    ).toThrow(/acme\.yaml: line 13, items\[1\]\.assessable: /);
  });
});

describe('hostile files', () => {
  const HEAD = 'format: fortytwo/framework@1\nid: acme-ai\nname: X\nversion: "1"\n';

  it('refuses nesting deeper than 32 levels in one issue that says so, however deep it goes', () => {
    for (const items of [
      `${'['.repeat(33)}${']'.repeat(33)}`,
      `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
      `\n${'- '.repeat(10_000)}x`,
      `${'{a: '.repeat(50)}1${'}'.repeat(50)}`,
    ]) {
      const issues = issuesOf(() => parseFramework('deep.yaml', `${HEAD}items: ${items}\n`));
      expect(issues).toEqual([
        {
          path: '',
          line: expect.any(Number),
          message: 'lists and maps are nested more than 32 levels deep; a framework or crosswalk file needs 5',
        },
      ]);
    }
    // 32 levels are only a schema problem.
    expect(
      issuesOf(() => parseFramework('ok.yaml', `${HEAD}items: ${'['.repeat(31)}${']'.repeat(31)}\n`))[0]!.message,
    ).not.toMatch(/nested/);
  });

  it('refuses an alias bomb as a problem of the file, not a crash', () => {
    let bomb = `${HEAD}a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n`;
    for (let i = 1; i < 9; i++)
      bomb += `a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(', ')}]\n`;
    expect(issuesOf(() => parseFramework('bomb.yaml', bomb))).toEqual([
      { path: '', line: null, message: expect.stringMatching(/^aliases \(\*name\) repeat anchors \(&name\) so often/) },
    ]);
    // A few aliases are fine: the file then fails on its schema only.
    expect(issuesOf(() => parseFramework('few.yaml', `${HEAD}a: &a [x]\nb: *a\n`))[0]!.message).not.toMatch(/alias/);
  });
});

describe('parseCrosswalk', () => {
  const refs = new Map([
    ['acme-ai', new Set(['R1', 'R1.1'])],
    ['iso42001', new Set(['4.1', 'A.2.2'])],
  ]);
  const cw = (links: string) => `format: fortytwo/crosswalk@1
id: acme-to-iso
name: ACME to ISO
source: acme-ai
target: iso42001
provenance: Written by the ACME compliance team.
links:
${links}`;

  it('accepts links whose refs exist on both sides', () => {
    const parsed = parseCrosswalk(
      'x.yaml',
      cw('  - { source: R1.1, target: "A.2.2", relationship: subset, rationale: Both ask for a written AI policy. }\n'),
      refs,
    );
    expect(parsed.links).toHaveLength(1);
  });

  it('rejects a link to a ref missing on either side, and an unknown relationship', () => {
    const issues = issuesOf(() =>
      parseCrosswalk(
        'x.yaml',
        cw(
          '  - { source: R1.1, target: "A.2.9", relationship: subset, rationale: x }\n  - { source: R7, target: "4.1", relationship: intersect, rationale: y }\n',
        ),
        refs,
      ),
    );
    expect(issues).toEqual([
      { path: 'links[0].target', line: 8, message: '"A.2.9" is not an item of iso42001' },
      { path: 'links[1].source', line: 9, message: '"R7" is not an item of acme-ai' },
    ]);
    const bad = issuesOf(() =>
      parseCrosswalk('x.yaml', cw('  - { source: R1.1, target: "4.1", relationship: overlaps, rationale: x }\n'), refs),
    );
    expect(bad[0]!.message).toBe('relationship must be one of: equal, subset, superset, intersect');
  });

  it('rejects an unknown framework and a link listed twice', () => {
    const link = '  - { source: R1.1, target: "4.1", relationship: intersect, rationale: x }\n';
    const issues = issuesOf(() => parseCrosswalk('x.yaml', cw(link + link), refs));
    expect(issues[0]!.message).toBe('the link R1.1 → 4.1 is listed twice');
    const unknown = issuesOf(() =>
      parseCrosswalk('x.yaml', cw(link).replace('target: iso42001', 'target: nist-csf'), refs),
    );
    expect(unknown[0]).toMatchObject({ path: 'target', message: 'framework "nist-csf" is not in the catalogue' });
  });
});
