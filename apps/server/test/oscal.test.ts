import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { expect, it } from 'vitest';
import { addMember, describeEachDialect, newOrgOwner } from './harness';

// The OSCAL exports over HTTP validate against the NIST OSCAL 1.0.6 schemas (copied unchanged into
// packages/catalog/oscal-schema, so a fresh clone tests without ../shared).
const schema = (name: string) =>
  JSON.parse(
    fs.readFileSync(path.resolve(import.meta.dirname, `../../../packages/catalog/oscal-schema/${name}`), 'utf8'),
  ) as object;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validateResults = ajv.compile(schema('oscal_assessment-results_schema.json'));
const validatePoam = ajv.compile(schema('oscal_poam_schema.json'));

describeEachDialect('OSCAL exports', (ctx) => {
  it('exports the readiness check and an audit with its finding as assessment results, and the open NC as a POA&M', async () => {
    const { owner, orgId } = await newOrgOwner(ctx(), 'OSCAL Org');
    const api = `/api/orgs/${orgId}`;
    const viewer = await addMember(ctx(), owner, orgId, 'viewer');

    // No open nonconformity: nothing to plan, said in words rather than an invalid document.
    const empty = await owner.get(`${api}/oscal/poam`);
    expect(empty.status).toBe(422);
    expect(empty.body.error.message).toMatch(/no open nonconformity/);

    const audit = (await owner.post(`${api}/audits`, { title: 'AIMS audit', scope: { refs: ['9.2', 'A.6.2.4'] } }))
      .body;
    const item = audit.checklist[0];
    const answered = await owner.patch(`${api}/audits/${audit.id}/checklist/${item.id}`, {
      version: item.version,
      result: 'finding',
      notes: 'The programme is a draft',
    });
    expect(answered.status, answered.text).toBe(200);
    const finding = await owner.post(`${api}/audits/${audit.id}/findings`, {
      grade: 'minor',
      checklistItemId: item.id,
      requirement: 'An approved audit programme',
      evidence: 'Programme v0.3 (draft)',
      statement: 'The audit programme was not approved',
      ownerId: owner.user!.id,
    });
    expect(finding.status, finding.text).toBe(201);

    const res = await viewer.get(`${api}/oscal/assessment-results?stage=2`);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-disposition'])).toContain('oscal-assessment-results.json');
    expect(validateResults(res.body), JSON.stringify(validateResults.errors?.slice(0, 5), null, 2)).toBe(true);
    const results = res.body['assessment-results'].results;
    expect(results.map((r: { title: string }) => r.title)).toEqual([
      'Certification readiness check, stage 2',
      'AUD-1 AIMS audit',
    ]);
    expect(results[1].findings[0]).toMatchObject({ target: { status: { state: 'not-satisfied' } } });
    expect(results[0].findings.length).toBeGreaterThan(10);

    const poam = await viewer.get(`${api}/oscal/poam`);
    expect(poam.status).toBe(200);
    expect(validatePoam(poam.body), JSON.stringify(validatePoam.errors?.slice(0, 5), null, 2)).toBe(true);
    const items = poam.body['plan-of-action-and-milestones']['poam-items'];
    expect(items).toHaveLength(1);
    expect(items[0].title).toMatch(/^NC-1 /);

    // The same records keep their UUIDs from one export to the next.
    const again = await owner.get(`${api}/oscal/poam`);
    expect(again.body['plan-of-action-and-milestones']['poam-items'][0].uuid).toBe(items[0].uuid);
    expect((await owner.get(`${api}/oscal/assessment-results?stage=3`)).status).toBe(400);
  });

  it('answers 404 to another organization', async () => {
    const a = await newOrgOwner(ctx(), 'A');
    const b = await newOrgOwner(ctx(), 'B');
    expect((await b.owner.get(`/api/orgs/${a.orgId}/oscal/assessment-results`)).status).toBe(404);
  });
});
