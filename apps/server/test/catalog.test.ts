import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { beforeAll, expect, it } from 'vitest';
import { addMember, anonymous, type Client, describeEachDialect, newOrgOwner } from './harness';

const FRAMEWORK = `format: fortytwo/framework@1
id: acme-ai-rules
name: ACME group AI rules
version: "2026"
items:
  - ref: R1
    kind: clause
    title: Governance
  - ref: R1.1
    kind: requirement
    parent: R1
    title: Board approves every high-risk AI system
    assessable: true
    guidance:
      asks: The board signs off each high-risk AI system before it goes live.
      auditorLooksFor: Signed board minutes for each high-risk system in the inventory.
      evidence: [Board minutes]
`;

const CROSSWALK = `format: fortytwo/crosswalk@1
id: acme-to-iso42001
name: ACME rules → ISO/IEC 42001
source: acme-ai-rules
target: iso42001
provenance: Written by the ACME compliance team.
links:
  - source: R1.1
    target: "5.1"
    relationship: subset
    rationale: Board sign-off is one way top management shows commitment.
`;

const oscalSchema = JSON.parse(
  fs.readFileSync(
    path.resolve(import.meta.dirname, '../../../packages/catalog/oscal-schema/oscal_catalog_schema.json'),
    'utf8',
  ),
) as object;

describeEachDialect('catalogue', (ctx) => {
  let owner: Client;
  let orgId: string;
  let viewer: Client;

  beforeAll(async () => {
    ({ owner, orgId } = await newOrgOwner(ctx(), 'Catalogue Org'));
    viewer = await addMember(ctx(), owner, orgId, 'viewer');
  });

  it('lists the shipped frameworks to any signed-in user, and nobody else', async () => {
    const res = await viewer.get('/api/catalog/frameworks');
    expect(res.status).toBe(200);
    expect(res.body.items.map((f: { id: string }) => f.id).sort()).toEqual([
      'eu-ai-act',
      'iso27001',
      'iso42001',
      'nist-ai-rmf',
    ]);
    expect(res.body.items.find((f: { id: string }) => f.id === 'iso42001')).toMatchObject({
      name: 'ISO/IEC 42001:2023',
      version: '2023',
      assessableCount: 70,
      origin: 'builtin',
    });
    expect((await anonymous(ctx()).get('/api/catalog/frameworks')).status).toBe(401);
  });

  it('serves ISO/IEC 42001 with the contract fields: ref, title, kind, parentRef, assessable', async () => {
    const res = await viewer.get('/api/catalog/frameworks/iso42001');
    expect(res.status).toBe(200);
    const items = res.body.items as {
      ref: string;
      kind: string;
      parentRef: string | null;
      assessable: boolean;
      title: string;
    }[];
    const count = (kind: string) => items.filter((i) => i.kind === kind).length;
    expect([count('clause'), count('annex_group'), count('objective'), count('control')]).toEqual([7, 9, 10, 38]);
    expect(items.filter((i) => i.kind === 'subclause' && i.assessable)).toHaveLength(32);
    expect(items.find((i) => i.ref === '6.1.4')).toMatchObject({
      kind: 'subclause',
      parentRef: '6.1',
      assessable: true,
      title: 'AI system impact assessment',
    });
    expect(items.find((i) => i.ref === 'A.6.2.4')).toMatchObject({
      kind: 'control',
      parentRef: 'A.6.2',
      assessable: true,
    });
    expect(items.find((i) => i.ref === '4')).toMatchObject({ parentRef: null, assessable: false });
    expect(res.body.documents.length).toBeGreaterThan(10);
    expect(res.body.referenceLists.map((l: { id: string }) => l.id)).toEqual([
      'annex-c-objectives',
      'annex-c-risk-sources',
    ]);
  });

  it('serves one item with guidance, its place in the tree, documents and crosswalk links', async () => {
    const res = await viewer.get('/api/catalog/frameworks/iso42001/items/6.1.3');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      ref: '6.1.3',
      frameworkId: 'iso42001',
      parentRef: '6.1',
      ancestors: [{ ref: '6' }, { ref: '6.1' }],
    });
    expect(res.body.guidance.asks.length).toBeGreaterThan(50);
    expect(res.body.documents.length).toBeGreaterThan(0);
    expect(res.body.related).toHaveLength(38);
    const nist = (res.body.links as { frameworkId: string; direction: string }[]).filter(
      (l) => l.frameworkId === 'nist-ai-rmf',
    );
    expect(nist.length).toBeGreaterThan(0);
    expect(nist.every((l) => l.direction === 'incoming')).toBe(true);
    const nistItem = await viewer.get(`/api/catalog/frameworks/nist-ai-rmf/items/${encodeURIComponent('GOVERN 1.3')}`);
    expect(nistItem.status).toBe(200);
    expect(nistItem.body.links.map((l: { ref: string }) => l.ref)).toContain('6.1.2');
  });

  it('answers 404 with a message for an unknown framework or item', async () => {
    const fw = await viewer.get('/api/catalog/frameworks/iso9999');
    expect(fw.status).toBe(404);
    expect(fw.body.error).toMatchObject({ code: 'NOT_FOUND', message: 'Framework "iso9999" was not found' });
    const item = await viewer.get('/api/catalog/frameworks/iso42001/items/A.11.1');
    expect(item.status).toBe(404);
    expect(item.body.error.message).toContain('A.11.1');
  });

  it('exports ISO/IEC 42001 as an OSCAL catalog that validates against the schema', async () => {
    const res = await viewer.get('/api/catalog/frameworks/iso42001/oscal');
    expect(res.status).toBe(200);
    expect(String(res.headers['content-disposition'])).toContain('iso42001-oscal-catalog.json');
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(oscalSchema);
    expect(validate(res.body), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(res.body.catalog.metadata).toMatchObject({ title: 'ISO/IEC 42001:2023', 'oscal-version': '1.0.6' });
  });

  it('searches across frameworks and says what to fix for an empty query', async () => {
    const res = await viewer.get('/api/catalog/search?q=event%20logs');
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toMatchObject({ frameworkId: 'iso42001', ref: 'A.6.2.8' });
    const scoped = await viewer.get('/api/catalog/search?q=risk&frameworkId=eu-ai-act');
    expect(scoped.body.items.every((h: { frameworkId: string }) => h.frameworkId === 'eu-ai-act')).toBe(true);
    const empty = await viewer.get('/api/catalog/search?q=');
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toContain('Search is required');
  });

  it('lists crosswalks and serves one with its links', async () => {
    const list = await viewer.get('/api/catalog/crosswalks');
    expect(list.body.items.map((c: { id: string }) => c.id).sort()).toEqual([
      'eu-ai-act--iso42001',
      'iso27001--iso42001',
      'nist-ai-rmf--iso42001',
    ]);
    const one = await viewer.get('/api/catalog/crosswalks/iso27001--iso42001');
    expect(one.body.links.find((l: { source: string }) => l.source === '7.3')).toMatchObject({
      target: '7.3',
      relationship: 'equal',
    });
  });

  it('adds, changes and deletes a custom control, audited, with optimistic locking', async () => {
    // An organization of its own: the custom framework must hold this control alone, whatever the
    // other tests added to the shared one.
    const { owner, orgId } = await newOrgOwner(ctx(), 'Custom Control Org');
    const viewer = await addMember(ctx(), owner, orgId, 'viewer');
    const created = await owner.post(`/api/orgs/${orgId}/custom-controls`, {
      ref: 'ORG-1',
      title: 'Red-team every generative model before release',
      description: 'An internal red team probes each generative model for misuse before it ships.',
      relatedRefs: ['A.6.2.4', '8.3'],
      pillars: ['risk_management'],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ref: 'ORG-1', version: 1, guidance: null, relatedRefs: ['A.6.2.4', '8.3'] });
    const view = await viewer.get(`/api/orgs/${orgId}/catalog/frameworks/custom`);
    expect(view.body.items).toEqual([expect.objectContaining({ ref: 'ORG-1', kind: 'control', assessable: true })]);
    const linked = await viewer.get(`/api/orgs/${orgId}/catalog/frameworks/iso42001/items/A.6.2.4`);
    expect(linked.body.links).toContainEqual(expect.objectContaining({ frameworkId: 'custom', ref: 'ORG-1' }));

    const changed = await owner.patch(`/api/orgs/${orgId}/custom-controls/${created.body.id}`, {
      version: 1,
      title: 'Red-team every model',
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      version: 2,
      title: 'Red-team every model',
      pillars: ['risk_management'],
      relatedRefs: ['A.6.2.4', '8.3'],
    });
    const stale = await owner.patch(`/api/orgs/${orgId}/custom-controls/${created.body.id}`, {
      version: 1,
      title: 'Lost update',
    });
    expect(stale.status).toBe(409);
    expect((await owner.get(`/api/orgs/${orgId}/custom-controls/${created.body.id}`)).body.title).toBe(
      'Red-team every model',
    );

    const events = await owner.get(`/api/orgs/${orgId}/audit-events?limit=10`);
    expect(events.body.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['custom_control.created', 'custom_control.updated']),
    );
    expect((await owner.delete(`/api/orgs/${orgId}/custom-controls/${created.body.id}`)).status).toBe(204);
    expect((await viewer.get(`/api/orgs/${orgId}/catalog/frameworks/custom`)).status).toBe(404);
  });

  it('refuses a custom control that would be mistaken for an ISO ref, reuses a ref, or names unknown refs', async () => {
    const base = { title: 'T', description: 'D' };
    const annexLike = await owner.post(`/api/orgs/${orgId}/custom-controls`, { ...base, ref: 'A.11.1' });
    expect(annexLike.status).toBe(400);
    expect(annexLike.body.error.message).toContain('must not look like an Annex A control');
    const clause = await owner.post(`/api/orgs/${orgId}/custom-controls`, { ...base, ref: '4.1' });
    expect(clause.status).toBe(422);
    expect(clause.body.error.message).toContain('is an ISO/IEC 42001 reference');
    expect((await owner.post(`/api/orgs/${orgId}/custom-controls`, { ...base, ref: 'ORG-7' })).status).toBe(201);
    const dup = await owner.post(`/api/orgs/${orgId}/custom-controls`, { ...base, ref: 'ORG-7' });
    expect(dup.status).toBe(422);
    expect(dup.body.error.message).toBe('Ref "ORG-7" is already used by another custom control');
    const unknown = await owner.post(`/api/orgs/${orgId}/custom-controls`, {
      ...base,
      ref: 'ORG-8',
      relatedRefs: ['A.6.2.4', 'A.99'],
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.message).toContain('unknown: A.99');
    expect((await viewer.post(`/api/orgs/${orgId}/custom-controls`, { ...base, ref: 'ORG-9' })).status).toBe(403);
  });

  it('imports a custom framework and a crosswalk onto it, shown in the organization view only', async () => {
    const fw = await owner.post(`/api/orgs/${orgId}/catalog/imports`, { content: FRAMEWORK, fileName: 'acme.yaml' });
    expect(fw.status).toBe(201);
    expect(fw.body).toMatchObject({ kind: 'framework', key: 'acme-ai-rules', size: 2, fileName: 'acme.yaml' });
    const cw = await owner.post(`/api/orgs/${orgId}/catalog/imports`, { content: CROSSWALK });
    expect(cw.status).toBe(201);
    expect(cw.body).toMatchObject({ kind: 'crosswalk', key: 'acme-to-iso42001', size: 1 });

    const list = await viewer.get(`/api/orgs/${orgId}/catalog/frameworks`);
    expect(list.body.items.find((f: { id: string }) => f.id === 'acme-ai-rules')).toMatchObject({
      origin: 'imported',
      assessableCount: 1,
    });
    const iso51 = await viewer.get(`/api/orgs/${orgId}/catalog/frameworks/iso42001/items/5.1`);
    expect(iso51.body.links).toContainEqual(
      expect.objectContaining({
        frameworkId: 'acme-ai-rules',
        ref: 'R1.1',
        relationship: 'superset',
        frameworkName: 'ACME group AI rules',
      }),
    );
    expect((await viewer.get('/api/catalog/frameworks/acme-ai-rules')).status).toBe(404);
    const oscal = await viewer.get(`/api/orgs/${orgId}/catalog/frameworks/acme-ai-rules/oscal`);
    expect(oscal.status).toBe(200);

    const again = await owner.post(`/api/orgs/${orgId}/catalog/imports`, { content: FRAMEWORK });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('Import again with "replace"');
    const replaced = await owner.post(`/api/orgs/${orgId}/catalog/imports`, {
      content: FRAMEWORK.replace('name: ACME group AI rules', 'name: ACME rules v2'),
      replace: true,
    });
    expect(replaced.status).toBe(201);
    const imports = await viewer.get(`/api/orgs/${orgId}/catalog/imports`);
    expect(imports.body.items.map((i: { name: string }) => i.name).sort()).toEqual([
      'ACME rules v2',
      'ACME rules → ISO/IEC 42001',
    ]);
  });

  it('rejects a malformed file with the line and field to fix, and writes nothing', async () => {
    // An organization of its own with the ACME framework imported: the bad crosswalk below has a source
    // it knows, so its one problem is the link's target (the import test imports ACME in the shared one).
    const { owner, orgId } = await newOrgOwner(ctx(), 'Malformed Import Org');
    expect((await owner.post(`/api/orgs/${orgId}/catalog/imports`, { content: FRAMEWORK })).status).toBe(201);
    const before = (await owner.get(`/api/orgs/${orgId}/catalog/imports`)).body.items.length;
    const eventsBefore = (await owner.get(`/api/orgs/${orgId}/audit-events?limit=500`)).body.items.length;
    const bad = FRAMEWORK.replace('id: acme-ai-rules', 'id: other-rules').replace(
      '    kind: requirement\n',
      '    kind: rule\n',
    );
    const res = await owner.post(`/api/orgs/${orgId}/catalog/imports`, { content: bad, fileName: 'other.yaml' });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('IMPORT_REJECTED');
    expect(res.body.error.message).toMatch(/^other\.yaml was not imported: line 10: kind must be one of: /);
    expect(res.body.error.details.issues[0]).toMatchObject({ path: 'items[1].kind', line: 10 });

    const badLink = await owner.post(`/api/orgs/${orgId}/catalog/imports`, {
      content: CROSSWALK.replace('id: acme-to-iso42001', 'id: x-to-iso').replace('target: "5.1"', 'target: "5.9"'),
    });
    expect(badLink.status).toBe(422);
    expect(badLink.body.error.details.issues).toEqual([
      { path: 'links[0].target', line: 9, message: '"5.9" is not an item of iso42001' },
    ]);

    const noFormat = await owner.post(`/api/orgs/${orgId}/catalog/imports`, { content: 'id: x\nname: y\n' });
    expect(noFormat.status).toBe(422);
    expect(noFormat.body.error.message).toContain('format: fortytwo/framework@1');

    // An image picked by mistake, as the browser reads it (bytes that are not UTF-8 become U+FFFD): named
    // for what it is, not asked for a format line (issue 18). NUL bytes are refused before, with their own 400.
    const png = await owner.post(`/api/orgs/${orgId}/catalog/imports`, {
      content: '\uFFFDPNG\r\n\u001a\n\uFFFD\uFFFD\rIHDR\uFFFD\u0001',
      fileName: 'logo.png',
    });
    expect(png.status).toBe(422);
    expect(png.body.error.message).toMatch(/^logo\.png was not imported: content: not a YAML or JSON file/);

    const shipped = await owner.post(`/api/orgs/${orgId}/catalog/imports`, {
      content: FRAMEWORK.replace('id: acme-ai-rules', 'id: iso42001'),
    });
    expect(shipped.status).toBe(422);
    expect(shipped.body.error.message).toContain('belongs to a framework Fortytwo ships');

    expect((await owner.get(`/api/orgs/${orgId}/catalog/imports`)).body.items.length).toBe(before);
    expect((await owner.get(`/api/orgs/${orgId}/audit-events?limit=500`)).body.items.length).toBe(eventsBefore);
  });

  it('answers hostile files with a 422 that says what is wrong, and writes nothing: an alias bomb, deep nesting, megabytes of blank lines', async () => {
    const url = `/api/orgs/${orgId}/catalog/imports`;
    const before = (await owner.get(url)).body.items.length;
    // Nine levels of ten aliases each would expand to a billion strings.
    let bomb =
      'format: fortytwo/framework@1\nid: bomb\nname: Bomb\nversion: "1"\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 9; i++)
      bomb += `a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(', ')}]\n`;
    const alias = await owner.post(url, { content: bomb, fileName: 'bomb.yaml' });
    expect(alias.status, alias.text).toBe(422);
    expect(alias.body.error.message).toMatch(
      /^bomb\.yaml was not imported: the file: aliases \(\*name\) repeat anchors \(&name\) so often/,
    );
    for (const nested of [
      `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
      `${'{a: '.repeat(40)}1${'}'.repeat(40)}`,
      `\n${'- '.repeat(10_000)}x`,
    ]) {
      const deep = await owner.post(url, {
        content: `format: fortytwo/framework@1\nid: deep\nname: Deep\nversion: "1"\nitems: ${nested}\n`,
      });
      expect(deep.status, deep.text.slice(0, 300)).toBe(422);
      expect(deep.body.error.message).toMatch(/lists and maps are nested more than 32 levels deep/);
      expect(deep.body.error.details.issues).toHaveLength(1);
    }
    // Blank lines before anything else once made the format search quadratic (hours for a few MB).
    const blank = await owner.post(url, { content: `${'\n'.repeat(2_500_000)}id: x\n` });
    expect(blank.status).toBe(422);
    expect(blank.body.error.message).toContain('the first lines must say which format this is');
    expect((await owner.get(url)).body.items.length).toBe(before);
  });

  it("hides another organization's imports and custom controls behind 404", async () => {
    const other = await newOrgOwner(ctx(), 'Other Org');
    const control = await other.owner.post(`/api/orgs/${other.orgId}/custom-controls`, {
      ref: 'OTH-1',
      title: 'T',
      description: 'D',
    });
    expect((await owner.get(`/api/orgs/${other.orgId}/custom-controls/${control.body.id}`)).status).toBe(404);
    expect((await owner.get(`/api/orgs/${orgId}/custom-controls/${control.body.id}`)).status).toBe(404);
    expect((await owner.get(`/api/orgs/${other.orgId}/catalog/frameworks`)).status).toBe(404);
    expect((await other.owner.get(`/api/orgs/${other.orgId}/catalog/frameworks/acme-ai-rules`)).status).toBe(404);
  });
});
