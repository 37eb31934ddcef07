import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCliWorld, writeFile, type CliWorld } from './helpers';

describe('fortytwo catalog', () => {
  let w: CliWorld;

  beforeAll(async () => {
    w = await startCliWorld('Catalogue CLI Org');
    expect((await w.cli('login', '--url', w.url, '--token', w.token)).code).toBe(0);
  });
  afterAll(async () => {
    await w?.stop();
  });

  it('shows a control with its guidance, documents and crosswalk links', async () => {
    const r = await w.cli('catalog', 'show', 'A.6.2.8');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^A\.6\.2\.8 {2}AI system recording of event logs\n/);
    expect(r.stdout).toContain('ISO/IEC 42001:2023 › A.6 AI system life cycle › A.6.2 AI system life cycle');
    expect(r.stdout).toContain('What it asks');
    expect(r.stdout).toContain('Typical evidence');
    expect(r.stdout).toContain('Crosswalk links');
    expect(r.stdout).toMatch(/EU AI Act \(Regulation \(EU\) 2024\/1689\) {2}Art\. 12 {2}Record-keeping/);
  });

  it('shows an item of another framework, and JSON on request', async () => {
    const r = await w.cli('catalog', 'show', 'GOVERN 1.6', '--framework', 'nist-ai-rmf', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ref: 'GOVERN 1.6', frameworkId: 'nist-ai-rmf' });
  });

  it('says what is wrong for an unknown ref or a missing one', async () => {
    const unknown = await w.cli('catalog', 'show', 'A.11.2');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Item "A.11.2" of ISO/IEC 42001:2023 was not found');
    const missing = await w.cli('catalog', 'show');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Which item?');
  });

  it('searches', async () => {
    const r = await w.cli('catalog', 'search', 'impact', 'assessment', '--framework', 'iso42001');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/iso42001 +6\.1\.4 +AI system impact assessment/);
  });

  it('exports ISO/IEC 42001 as an OSCAL catalog that validates, to stdout or a file', async () => {
    const out = path.join(w.dir, 'iso42001.oscal.json');
    const r = await w.cli('catalog', 'export', '--format', 'oscal', '--output', out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Wrote the OSCAL catalog of iso42001');
    const schema = JSON.parse(
      fs.readFileSync(
        path.resolve(import.meta.dirname, '../../../packages/catalog/oscal-schema/oscal_catalog_schema.json'),
        'utf8',
      ),
    ) as object;
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(validate(JSON.parse(fs.readFileSync(out, 'utf8'))), JSON.stringify(validate.errors?.slice(0, 2))).toBe(true);
    const stdout = await w.cli('catalog', 'export', '--format', 'oscal', '--framework', 'eu-ai-act');
    expect(JSON.parse(stdout.stdout).catalog.metadata.title).toContain('EU AI Act');
    const bad = await w.cli('catalog', 'export', '--format', 'pdf');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--format must be one of: oscal');
  });

  it('imports a framework file, and prints file:line for each problem of a bad one', async () => {
    const good = writeFile(
      w.dir,
      'acme.yaml',
      'format: fortytwo/framework@1\nid: acme-cli\nname: ACME CLI rules\nversion: "1"\nitems:\n  - { ref: R1, kind: requirement, title: Keep a model register, assessable: true }\n',
    );
    const r = await w.cli('catalog', 'import', good);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('Imported framework "ACME CLI rules" (acme-cli): 1 items.\n');
    const shown = await w.cli('catalog', 'show', 'R1', '--framework', 'acme-cli');
    expect(shown.stdout).toContain('R1  Keep a model register');

    const bad = writeFile(
      w.dir,
      'bad.yaml',
      'format: fortytwo/framework@1\nid: acme-bad\nname: Bad\nversion: "1"\nitems:\n  - { ref: R1, kind: rule, title: X }\n',
    );
    const rejected = await w.cli('catalog', 'import', bad);
    expect(rejected.code).toBe(1);
    expect(rejected.stderr).toContain(`${bad}:6  items[0].kind: kind must be one of:`);
  });
});
