import { beforeAll, expect, it } from 'vitest';
import { addMember, type Client, describeEachDialect, newOrgOwner, validAiSystem } from './harness';

describeEachDialect('AI system profile (A.4 resources, use, affected groups, oversight)', (ctx) => {
  let owner: Client;
  let orgId: string;

  beforeAll(async () => {
    ({ owner, orgId } = await newOrgOwner(ctx(), 'Profile Org'));
  });

  const PROFILE = {
    dataResources: [
      {
        name: 'Loan applications 2019–2024',
        origin: 'Own core banking system',
        uses: ['training', 'validation'],
        labelling: 'Default flag after 12 months',
        knownBias: 'Few applicants under 21',
        personalData: true,
      },
    ],
    tooling: [{ name: 'XGBoost', purpose: 'Model training' }],
    compute: { location: 'cloud', details: 'Managed ML platform, EU region' },
    humanResources: [{ role: 'Model validator', skills: 'Credit risk statistics' }],
    intendedUse: 'Score personal-loan applications to support underwriters.',
    foreseeableMisuse: 'Using the score alone to decline applicants without review.',
    affectedGroups: ['Loan applicants', 'Underwriters'],
    humanOversight: 'Underwriters review every application near the cut-off.',
  };

  it("starts empty with a checklist of what is missing, then saves with the AI system's version", async () => {
    const sys = (await owner.post(`/api/orgs/${orgId}/ai-systems`, validAiSystem({ name: 'PD model' }))).body;
    const empty = await owner.get(`/api/orgs/${orgId}/ai-systems/${sys.id}/profile`);
    expect(empty.body).toMatchObject({ version: 1, dataResources: [], compute: { location: null }, updatedAt: null });
    expect(empty.body.gaps).toContain('No data resources recorded (A.4.3)');
    expect(empty.body.gaps).toHaveLength(8);

    const saved = await owner.put(`/api/orgs/${orgId}/ai-systems/${sys.id}/profile`, { version: 1, ...PROFILE });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      version: 2,
      gaps: [],
      dataResources: [{ name: 'Loan applications 2019–2024', retention: '', personalData: true }],
    });
    expect((await owner.get(`/api/orgs/${orgId}/ai-systems/${sys.id}`)).body.version).toBe(2);

    // One lock for the record: a stale inventory edit and a stale profile save are both refused.
    expect((await owner.patch(`/api/orgs/${orgId}/ai-systems/${sys.id}`, { version: 1, name: 'x' })).status).toBe(409);
    expect(
      (
        await owner.put(`/api/orgs/${orgId}/ai-systems/${sys.id}/profile`, {
          version: 1,
          ...PROFILE,
          intendedUse: 'lost',
        })
      ).status,
    ).toBe(409);
    const history = await owner.get(`/api/orgs/${orgId}/ai-systems/${sys.id}/history`);
    expect(history.body.items[0]).toMatchObject({
      action: 'ai_system.profile_updated',
      before: { intendedUse: '' },
      after: { intendedUse: PROFILE.intendedUse },
    });
  });

  it('says what to fix for bad values', async () => {
    const sys = (await owner.post(`/api/orgs/${orgId}/ai-systems`, validAiSystem({ name: 'Bad profile' }))).body;
    const bad = await owner.put(`/api/orgs/${orgId}/ai-systems/${sys.id}/profile`, {
      version: 1,
      compute: { location: 'moon' },
      dataResources: [{ name: '', uses: ['fun'] }],
    });
    expect(bad.status).toBe(400);
    const text = JSON.stringify(bad.body.error);
    expect(text).toContain('Location must be one of: cloud, on_premises, edge, hybrid');
    expect(text).toContain('Dataset name is required');
    expect(text).toContain('Uses, item 1 must be among');
    expect((await owner.get(`/api/orgs/${orgId}/ai-systems/${sys.id}/profile`)).body.updatedAt).toBeNull();
  });

  it('lets a viewer read but not write, and hides other organizations behind 404', async () => {
    const sys = (await owner.post(`/api/orgs/${orgId}/ai-systems`, validAiSystem({ name: 'Guarded' }))).body;
    const viewer = await addMember(ctx(), owner, orgId, 'viewer');
    expect((await viewer.get(`/api/orgs/${orgId}/ai-systems/${sys.id}/profile`)).status).toBe(200);
    expect((await viewer.put(`/api/orgs/${orgId}/ai-systems/${sys.id}/profile`, { version: 1 })).status).toBe(403);
    const other = await newOrgOwner(ctx(), 'Profile Other');
    expect((await other.owner.get(`/api/orgs/${other.orgId}/ai-systems/${sys.id}/profile`)).status).toBe(404);
    expect(
      (await other.owner.put(`/api/orgs/${other.orgId}/ai-systems/${sys.id}/profile`, { version: 1 })).status,
    ).toBe(404);
  });
});
