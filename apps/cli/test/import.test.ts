import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AI_SYSTEM_CSV_COLUMNS } from '@fortytwo/domain';
import { addMember, tokenClient, validAiSystem, type Client } from '../../server/test/harness';
import { withLines } from '../src/commands/ai-systems-import';
import { ApiError } from '../src/errors';
import { runCli, startCliWorld, writeFile, type CliWorld } from './helpers';

const HEADER = AI_SYSTEM_CSV_COLUMNS.join(',');

describe('fortytwo ai-systems import', () => {
  let w: CliWorld;
  let colleague: Client;
  const names = async (orgId = w.orgId) =>
    (await w.owner.get(`/api/orgs/${orgId}/ai-systems?limit=500`)).body.items.map((s: { name: string }) => s.name);

  /** An organization of the test's own, the colleague a contributor in it: what it lists or exports
   * is what this test put there, whatever ran before. */
  const orgWithColleague = async (name: string): Promise<string> => {
    const orgId = (await w.owner.post('/api/orgs', { name })).body.id as string;
    const inv = await w.owner.post(`/api/orgs/${orgId}/invitations`, {
      email: colleague.user!.email,
      role: 'contributor',
    });
    expect((await colleague.post(`/api/invitations/${inv.body.token}/accept`, {})).status).toBe(200);
    return orgId;
  };

  beforeAll(async () => {
    w = await startCliWorld('Import Org');
    colleague = await addMember(w.server, w.owner, w.orgId, 'contributor');
    expect((await w.cli('login', '--url', w.url, '--token', w.token)).code).toBe(0);
  });
  afterAll(async () => {
    await w?.stop();
  });

  it('imports a good CSV in one batch; the list then shows the systems with their owners', async () => {
    const org = await orgWithColleague('Good CSV Org');
    const file = writeFile(
      w.dir,
      'good.csv',
      [
        HEADER,
        `Loan pricing,"Prices loans, per applicant",Set the interest rate offered,provider; producer,operation,${w.owner.user!.email},EU; UK,"Vendor A, Inc.",high,active,credit; pricing`,
        `Document OCR,,Read payslips,customer,deployment,${colleague.user!.email.toUpperCase()},,,minimal,,ocr`,
        'Idea board,,Collect ideas,partner,idea,,,,,draft,',
      ].join('\n'),
    );
    const r = await w.cli('ai-systems', 'import', file, '--org', org);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('Imported good.csv: 3 added, 0 updated, 0 unchanged.\n');

    const list = await w.cli('ai-systems', 'list', '--json', '--org', org);
    const byName = Object.fromEntries(JSON.parse(list.stdout).map((s: { name: string }) => [s.name, s]));
    expect(Object.keys(byName).sort()).toEqual(['Document OCR', 'Idea board', 'Loan pricing']);
    expect(byName['Loan pricing']).toMatchObject({
      description: 'Prices loans, per applicant',
      aiRoles: ['provider', 'producer'],
      jurisdictions: ['EU', 'UK'],
      thirdParties: ['Vendor A, Inc.'],
      riskTier: 'high',
      tags: ['credit', 'pricing'],
      owner: { email: w.owner.user!.email },
    });
    expect(byName['Document OCR']).toMatchObject({
      owner: { id: colleague.user!.id },
      status: 'active',
      description: '',
    });
    expect(byName['Idea board']).toMatchObject({ ownerId: null, riskTier: 'unclassified', status: 'draft', tags: [] });
    const table = await w.cli('ai-systems', 'list', '--org', org);
    expect(table.stdout).toMatch(/Document OCR\s+deployment\s+customer\s+minimal\s+contributor-/);
  });

  it('reports every bad row with its line and field, exits 2 and imports nothing', async () => {
    const before = await names();
    const file = writeFile(
      w.dir,
      'bad.csv',
      [
        HEADER,
        'Fine system,,Does good things,provider,design,,,,,,',
        'Bad stage,,Has a typo,provider,someday,,,,,,',
        'Unknown owner,,Owned by a stranger,provider,design,nobody@example.com,,,,,',
        '"Multi-line ""quoted""\nname",,,,operation,,,,extreme,,',
      ].join('\r\n'),
    );
    const r = await w.cli('ai-systems', 'import', file);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('bad.csv has 3 invalid rows; nothing was imported:');
    expect(r.stderr).toMatch(/line 3, lifecycleStage: Lifecycle stage must be one of: idea, design/);
    expect(r.stderr).toMatch(/line 4, ownerEmail: no member of this organization has the email "nobody@example.com"/);
    expect(r.stderr).toMatch(/line 5, intendedPurpose: Intended purpose is required/);
    expect(r.stderr).toMatch(/line 5, aiRoles: Choose at least one AI role/);
    expect(r.stderr).toMatch(/line 5, riskTier: Risk tier must be one of/);
    expect(r.stderr).not.toMatch(/line 2/);
    expect(await names()).toEqual(before);
  });

  it('reports unknown and missing header columns, and rows of the wrong width', async () => {
    const header = await w.cli(
      'ai-systems',
      'import',
      writeFile(w.dir, 'header.csv', 'name,purpose,aiRoles,colour\nx,y,provider,red\n'),
    );
    expect(header.code).toBe(2);
    expect(header.stderr).toMatch(
      /line 1 \(header\): unknown column "purpose" \(column 2\); unknown column "colour" \(column 4\); missing required columns: intendedPurpose, lifecycleStage/,
    );

    const width = await w.cli(
      'ai-systems',
      'import',
      writeFile(
        w.dir,
        'width.csv',
        'name,intendedPurpose,aiRoles,lifecycleStage\nA,p,provider,idea\nB,p,provider,idea,extra\n',
      ),
    );
    expect(width.code).toBe(2);
    expect(width.stderr).toMatch(/line 3: has 5 cells but the header has 4/);

    const quote = await w.cli(
      'ai-systems',
      'import',
      writeFile(w.dir, 'quote.csv', 'name,intendedPurpose,aiRoles,lifecycleStage\n"open,p,provider,idea\n'),
    );
    expect(quote.code).toBe(2);
    expect(quote.stderr).toMatch(/quote\.csv, line 2: a quoted cell is never closed/);

    const missing = await w.cli('ai-systems', 'import', `${w.dir}/does-not-exist.csv`);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Cannot read .*does-not-exist\.csv: no such file/);
  });

  it('accepts a file with only the required columns, noting the defaults; --dry-run sends nothing', async () => {
    const file = writeFile(
      w.dir,
      'minimal.csv',
      'name,intendedPurpose,aiRoles,lifecycleStage\nMinimal one,Purpose,provider,idea\n',
    );
    const dry = await w.cli('ai-systems', 'import', file, '--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toBe(
      'minimal.csv: 1 AI system valid: 1 to add, 0 to update, 0 unchanged. Nothing was changed (--dry-run).\n  line 2: add Minimal one\n',
    );
    expect(dry.stderr).toMatch(/note: minimal\.csv has no column description, ownerEmail/);
    expect(await names()).not.toContain('Minimal one');

    expect((await w.cli('ai-systems', 'import', file)).code).toBe(0);
    expect(await names()).toContain('Minimal one');
  });

  it('prints a refusal by the server with exit code 1 (a viewer may not import)', async () => {
    const viewer = await tokenClient(await addMember(w.server, w.owner, w.orgId, 'viewer'));
    const file = writeFile(
      w.dir,
      'viewer.csv',
      'name,intendedPurpose,aiRoles,lifecycleStage\nNot allowed,p,provider,idea\n',
    );
    const r = await runCli(['ai-systems', 'import', file], {
      FORTYTWO_URL: w.url,
      FORTYTWO_TOKEN: viewer.auth.bearer,
      FORTYTWO_ORG: w.orgId,
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^fortytwo: .*\(HTTP 403 FORBIDDEN\)\n {2}Ask an owner or manager/m);
    expect(await names()).not.toContain('Not allowed');
  });

  it('points a 422 or 400 of the bulk route back at the lines of the file', () => {
    const lines = [2, 3, 7];
    const rule = withLines(
      new ApiError('Item 3: the owner must be a current member (HTTP 422 RULE_VIOLATION)', 422, 'RULE_VIOLATION', {
        field: 'ownerId',
        row: 2,
      }),
      lines,
    );
    expect(rule.message).toContain('In the file:\n  line 7, ownerEmail');
    // Said once, by the server's message, not again by the CLI (issue 18).
    expect(rule.message).not.toMatch(/Nothing was (imported|changed)/);
    expect(rule.exitCode).toBe(1);
    const invalid = withLines(
      new ApiError('Invalid request', 400, 'VALIDATION', {
        issues: [{ path: 'body.items.1.name', message: 'Name is required' }],
      }),
      lines,
    );
    expect(invalid.message).toContain('  line 3, name: Name is required');
  });

  it('refuses more rows than one all-or-nothing batch takes', async () => {
    const rows = Array.from({ length: 1001 }, (_, i) => `S${i},p,provider,idea`);
    const r = await w.cli(
      'ai-systems',
      'import',
      writeFile(w.dir, 'big.csv', ['name,intendedPurpose,aiRoles,lifecycleStage', ...rows].join('\n')),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/has 1001 AI systems; import at most 1000/);
  });

  it('re-imports the server export.csv into another organization unchanged', async () => {
    const src = `/api/orgs/${await orgWithColleague('Export source')}/ai-systems`;
    expect((await w.owner.post(src, validAiSystem({ name: 'Plain system', ownerId: w.owner.user!.id }))).status).toBe(
      201,
    );
    const tricky = validAiSystem({
      name: 'Tricky "quoted", system',
      description: '=SUM(A1) starts like a formula\nand spans two lines',
      aiRoles: ['provider', 'customer'],
      lifecycleStage: 'retired',
      ownerId: colleague.user!.id,
      jurisdictions: ['EU', 'US-CA'],
      thirdParties: ['-leading dash vendor', 'Vendor, Inc.'],
      riskTier: 'limited',
      status: 'archived',
      tags: ['@handle', 'plain'],
    });
    expect((await w.owner.post(src, tricky)).status).toBe(201);
    const exported = await w.owner.get(`${src}/export.csv`);
    expect(exported.status).toBe(200);
    const file = writeFile(w.dir, 'export.csv', exported.text);

    const target = await orgWithColleague('Import target');
    const r = await w.cli('ai-systems', 'import', file, '--org', target);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');

    const again = await w.owner.get(`/api/orgs/${target}/ai-systems/export.csv`);
    // The export is sorted by name, so a faithful re-import exports the very same file.
    expect(again.text).toBe(exported.text);
    expect(again.text).toContain("'=SUM(A1)");
  });

  it('imports its own export back as updates, never duplicates; an id column picks the system (issue 18)', async () => {
    const org = await orgWithColleague('Round trip Org');
    const src = `/api/orgs/${org}/ai-systems`;
    for (const system of [
      validAiSystem({ name: 'Loan pricing', ownerId: colleague.user!.id, tags: ['credit'] }),
      validAiSystem({ name: 'Document OCR', aiRoles: ['customer'], lifecycleStage: 'deployment' }),
    ]) {
      expect((await w.owner.post(src, system)).status).toBe(201);
    }
    const before = (await w.owner.get(src)).body.total as number;
    const exported = await w.owner.get(`${src}/export.csv`);
    const file = writeFile(w.dir, 'roundtrip.csv', exported.text);
    const dry = await w.cli('ai-systems', 'import', file, '--dry-run', '--org', org);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain(`0 to add, 0 to update, ${before} unchanged`);
    const r = await w.cli('ai-systems', 'import', file, '--org', org);
    expect(r.stdout).toBe(`Imported roundtrip.csv: 0 added, 0 updated, ${before} unchanged.\n`);
    expect((await w.owner.get(src)).body.total).toBe(before);
    const one = (await w.owner.get(src)).body.items[0] as { id: string; name: string };
    const byId = writeFile(
      w.dir,
      'by-id.csv',
      `id,name,intendedPurpose,aiRoles,lifecycleStage\n${one.id},Renamed by id,Purpose,provider,idea\n`,
    );
    const renamed = await w.cli('ai-systems', 'import', byId, '--org', org);
    expect(renamed.stdout).toBe('Imported by-id.csv: 0 added, 1 updated, 0 unchanged.\n');
    expect((await w.owner.get(`${src}/${one.id}`)).body.name).toBe('Renamed by id');
  });
});
