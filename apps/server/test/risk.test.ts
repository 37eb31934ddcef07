import { beforeEach, expect, it } from 'vitest';
import { addMember, type Client, describeEachDialect, newOrgOwner, validAiSystem } from './harness';

describeEachDialect('risk criteria, register, treatment and acceptance', (ctx) => {
  let owner: Client;
  let approver: Client;
  let orgId: string;
  let aiSystemId: string;
  const url = (p: string) => `/api/orgs/${orgId}${p}`;
  const risk = (overrides: Record<string, unknown> = {}) => ({
    title: 'Biased credit decisions',
    aiSystemId,
    source: 'C.3.4',
    likelihood: 4,
    consequence: 5,
    consequencesIndividuals: 'Applicants refused unfairly',
    ...overrides,
  });

  /** A critical risk (4 × 5 under the default criteria) treated with A.6.2.4 down to 2 × 3 (medium). */
  const treatedRisk = async () => {
    const r = (await owner.post(url('/risks'), risk())).body as { id: string; ref: string; version: number };
    const t = await owner.post(url(`/risks/${r.id}/treatments`), {
      option: 'modify',
      description: 'Bias testing before each release',
      controlRefs: ['A.6.2.4'],
      residualLikelihood: 2,
      residualConsequence: 3,
      actions: [{ title: 'Write the bias test plan', ownerId: owner.user!.id, dueDate: '2027-01-31' }],
    });
    expect(t.status).toBe(201);
    return { risk: r, treatment: t };
  };

  // Every test its own organization (any order, any subset: `--sequence.shuffle`, `-t`).
  beforeEach(async () => {
    ({ owner, orgId } = await newOrgOwner(ctx(), 'Risk Org'));
    approver = await addMember(ctx(), owner, orgId, 'approver');
    aiSystemId = (await owner.post(url('/ai-systems'), validAiSystem())).body.id;
  });

  it('starts with the default 5 × 5 criteria in force as draft number 1', async () => {
    const res = await owner.get(url('/risk-criteria'));
    expect(res.status).toBe(200);
    expect(res.body.inForce).toMatchObject({
      number: 1,
      status: 'draft',
      acceptanceLevel: 'medium',
      levels: [
        { level: 'low', maxScore: 4 },
        { level: 'medium', maxScore: 9 },
        { level: 'high', maxScore: 16 },
        { level: 'critical', maxScore: 25 },
      ],
    });
    expect(res.body.inForce.likelihoodLabels).toHaveLength(5);
    expect(res.body.history).toEqual([]);
  });

  it('keeps a description per scale level, reads criteria stored without them as blank, and names a blank level (issue 18)', async () => {
    // The default draft is stored as it always was, without descriptions.
    const before = (await owner.get(url('/risk-criteria'))).body.draft;
    expect(before.likelihoodDescriptions).toEqual(['', '', '', '', '']);
    const send = (overrides: Record<string, unknown>) =>
      owner.put(url('/risk-criteria/draft'), {
        version: before.version,
        likelihoodLabels: ['Rare', 'Possible', 'Likely'],
        likelihoodDescriptions: ['Less than once in 10 years', '', 'Several times a year'],
        consequenceLabels: before.consequenceLabels,
        levels: [
          { level: 'low', maxScore: 3 },
          { level: 'medium', maxScore: 6 },
          { level: 'high', maxScore: 15 },
        ],
        acceptanceLevel: 'low',
        ...overrides,
      });
    const blank = await send({ likelihoodLabels: ['Rare', ' ', 'Likely'] });
    expect(blank.status).toBe(400);
    expect(blank.body.error.message).toBe('Likelihood level 2: label is required');
    expect(blank.body.error.details.issues).toEqual([
      expect.objectContaining({ path: 'body.likelihoodLabels.1', message: 'Likelihood level 2: label is required' }),
    ]);
    const saved = await send({});
    expect(saved.status).toBe(200);
    expect(saved.body.draft).toMatchObject({
      likelihoodLabels: ['Rare', 'Possible', 'Likely'],
      likelihoodDescriptions: ['Less than once in 10 years', '', 'Several times a year'],
      consequenceDescriptions: ['', '', '', '', ''],
    });
  });

  it('records a risk with its inherent score and level, numbered R-1', async () => {
    const res = await owner.post(url('/risks'), risk());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      ref: 'R-1',
      version: 1,
      inherentScore: 20,
      inherentLevel: 'critical',
      residualLevel: null,
      criteriaNumber: 1,
      sourceLabel: 'C.3.4 Machine learning (data quality, data collection, training approach)',
      aiSystem: { id: aiSystemId },
      needsAttention: true,
      acceptanceState: 'none',
    });
  });

  it('refuses bad input with messages that say what to fix, and writes nothing', async () => {
    const before = (await owner.get(url('/risks'))).body.items.length;
    const noTitle = await owner.post(url('/risks'), risk({ title: '' }));
    expect(noTitle.status).toBe(400);
    expect(JSON.stringify(noTitle.body)).toContain('Give the risk a title');
    const offScale = await owner.post(url('/risks'), risk({ likelihood: 6 }));
    expect(offScale.status).toBe(422);
    expect(offScale.body.error.message).toBe('Likelihood must be between 1 and 5 under the risk criteria in force');
    const foreign = await owner.post(url('/risks'), risk({ aiSystemId: 'nope' }));
    expect(foreign.status).toBe(422);
    expect((await owner.get(url('/risks'))).body.items).toHaveLength(before);
  });

  it('keeps every dated rating, and new criteria never rewrite past results', async () => {
    const r = (
      await owner.post(
        url('/risks'),
        risk({ title: 'Model drift', source: 'Seasonal change in applicants', likelihood: 3, consequence: 3 }),
      )
    ).body;
    expect(r.inherentLevel).toBe('medium');
    const draft = (await owner.get(url('/risk-criteria'))).body.draft;
    // Stricter bands: 9 becomes high.
    const stricter = await owner.put(url('/risk-criteria/draft'), {
      version: draft.version,
      likelihoodLabels: draft.likelihoodLabels,
      consequenceLabels: draft.consequenceLabels,
      levels: [
        { level: 'low', maxScore: 4 },
        { level: 'medium', maxScore: 8 },
        { level: 'high', maxScore: 16 },
        { level: 'critical', maxScore: 25 },
      ],
      acceptanceLevel: 'medium',
      method: 'Stricter',
    });
    expect(stricter.status).toBe(200);
    const manager = await addMember(ctx(), owner, orgId, 'manager');
    expect((await manager.post(url('/risk-criteria/approve'), { version: stricter.body.draft.version })).status).toBe(
      403,
    );
    const approved = await approver.post(url('/risk-criteria/approve'), { version: stricter.body.draft.version });
    expect(approved.status).toBe(200);
    expect(approved.body.inForce).toMatchObject({
      number: 1,
      status: 'approved',
      method: 'Stricter',
      approvedBy: { name: expect.any(String) },
    });
    expect(approved.body.draft).toBeNull();
    // A second set of criteria: number 2, drafted beside number 1 and approved.
    const next = await owner.put(url('/risk-criteria/draft'), {
      version: 0,
      likelihoodLabels: draft.likelihoodLabels,
      consequenceLabels: draft.consequenceLabels,
      levels: [
        { level: 'low', maxScore: 4 },
        { level: 'high', maxScore: 12 },
        { level: 'critical', maxScore: 25 },
      ],
      acceptanceLevel: 'low',
      method: 'Strictest',
    });
    expect(next.body.draft).toMatchObject({ number: 2, status: 'draft' });
    expect(next.body.inForce.number).toBe(1);
    const bad = await owner.put(url('/risk-criteria/draft'), {
      version: next.body.draft.version,
      likelihoodLabels: ['a', 'b', 'c'],
      consequenceLabels: draft.consequenceLabels,
      levels: [
        { level: 'low', maxScore: 4 },
        { level: 'high', maxScore: 25 },
      ],
      acceptanceLevel: 'low',
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('The highest level must end at 15');
    await approver.post(url('/risk-criteria/approve'), { version: next.body.draft.version });
    const reassessed = await owner.post(url(`/risks/${r.id}/assessments`), {
      likelihood: 3,
      consequence: 3,
      note: 'Quarterly review',
    });
    expect(reassessed.status).toBe(201);
    expect(
      reassessed.body.assessments.map((a: { level: string; criteriaNumber: number; note: string }) => [
        a.level,
        a.criteriaNumber,
        a.note,
      ]),
    ).toEqual([
      ['high', 2, 'Quarterly review'],
      ['medium', 1, 'First assessment'],
    ]);
    const history = (await owner.get(url('/risk-criteria'))).body.history;
    expect(history.map((c: { number: number; status: string }) => [c.number, c.status])).toEqual([
      [2, 'approved'],
      [1, 'superseded'],
    ]);
  });

  it('treats a risk with A.6.2.4, opens actions, rates the residual risk and records verification', async () => {
    const r1 = (await owner.post(url('/risks'), risk())).body as { id: string };
    const unknown = await owner.post(url(`/risks/${r1.id}/treatments`), { option: 'modify', controlRefs: ['A.99.1'] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.message).toContain('A.99.1');
    const noControl = await owner.post(url(`/risks/${r1.id}/treatments`), { option: 'modify', controlRefs: [] });
    expect(noControl.status).toBe(400);
    const t = await owner.post(url(`/risks/${r1.id}/treatments`), {
      option: 'modify',
      description: 'Bias testing before each release',
      controlRefs: ['A.6.2.4'],
      residualLikelihood: 2,
      residualConsequence: 3,
      actions: [{ title: 'Write the bias test plan', ownerId: owner.user!.id, dueDate: '2027-01-31' }],
    });
    expect(t.status).toBe(201);
    expect(t.body).toMatchObject({
      option: 'modify',
      controls: [{ ref: 'A.6.2.4', title: expect.stringContaining('erification') }],
      residualScore: 6,
      actions: [{ title: 'Write the bias test plan', sourceType: 'risk_treatment', sourceRef: 'R-1' }],
    });
    const tasks = (await owner.get('/api/me/tasks')).body.items.map((a: { title: string }) => a.title);
    expect(tasks).toContain('Write the bias test plan');
    const verified = await owner.patch(url(`/risks/${r1.id}/treatments/${t.body.id}`), {
      version: t.body.version,
      verification: 'Bias tests ran on release 2.3',
      effectiveness: 'effective',
    });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ effectiveness: 'effective', verifiedBy: owner.user!.name });
    expect(verified.body.verifiedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const after = (await owner.get(url(`/risks/${r1.id}`))).body;
    // 2 × 3 = 6 is medium under the default criteria (low up to 4, medium up to 9).
    expect(after).toMatchObject({
      residualLikelihood: 2,
      residualConsequence: 3,
      residualScore: 6,
      residualLevel: 'medium',
      needsAttention: false,
    });
    expect(after.assessments.map((a: { kind: string }) => a.kind)).toEqual(['residual', 'inherent']);
    // The risk's history holds its treatments too: one filter shows everything that happened to it.
    const history = (await owner.get(url(`/audit-events?entityType=risk&entityId=${r1.id}`))).body.items.map(
      (e: { action: string }) => e.action,
    );
    expect(history).toEqual(['risk_treatment.updated', 'risk_treatment.created', 'risk.created']);
  });

  it('lets only an approver accept residual risk; an expired acceptance flags the risk again', async () => {
    const r = (await owner.post(url('/risks'), risk({ title: 'Opaque declines', likelihood: 5, consequence: 5 }))).body;
    expect(r.needsAttention).toBe(true);
    expect((await owner.get(url('/risks?attention=true'))).body.items.map((x: { id: string }) => x.id)).toContain(r.id);
    const contributor = await addMember(ctx(), owner, orgId, 'contributor');
    expect(
      (await contributor.post(url(`/risks/${r.id}/acceptances`), { rationale: 'x', expiresAt: '2099-01-01' })).status,
    ).toBe(403);
    expect(
      (await approver.post(url(`/risks/${r.id}/acceptances`), { rationale: 'x', expiresAt: '2001-01-01' })).status,
    ).toBe(422);
    const ok = await approver.post(url(`/risks/${r.id}/acceptances`), {
      rationale: 'Board accepts until the new model ships',
      expiresAt: '2099-01-01',
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ level: 'critical', acceptedBy: { id: approver.user!.id } });
    expect((await owner.get(url(`/risks/${r.id}`))).body).toMatchObject({
      acceptanceState: 'in_force',
      needsAttention: false,
    });
    // Time passes: the acceptance lapses.
    await ctx()
      .handle.db.updateTable('riskAcceptances')
      .set({ expiresAt: '2020-01-01' })
      .where('riskId', '=', r.id)
      .execute();
    expect((await owner.get(url(`/risks/${r.id}`))).body).toMatchObject({
      acceptanceState: 'expired',
      needsAttention: true,
    });
    const plan = (await owner.get(url('/risk-treatment-plan'))).body;
    expect(plan.warnings.find((w: { riskId: string }) => w.riskId === r.id).message).toContain('lapsed on 2020-01-01');
  });

  it('approves the treatment plan as a whole; a later change makes a draft of the next number', async () => {
    for (const [title, likelihood, consequence] of [
      ['Biased credit decisions', 4, 5],
      ['Model drift', 4, 4],
      ['Opaque declines', 5, 5],
    ] as const)
      expect((await owner.post(url('/risks'), risk({ title, likelihood, consequence }))).status).toBe(201);
    const plan = (await owner.get(url('/risk-treatment-plan'))).body;
    expect(plan).toMatchObject({ number: 1, status: 'draft', approved: null });
    // Three risks above the acceptance level stand with no treatment or acceptance in force: refused.
    const refused = await owner.post(url('/risk-treatment-plan/approve'), { number: 1 });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('NOT_READY');
    expect(refused.body.error.details.warnings.map((w: { code: string }) => w.code)).toEqual([
      'RISK_UNTREATED',
      'RISK_UNTREATED',
      'RISK_UNTREATED',
    ]);
    // Top management accepts them for now; risks accepted above the level with no treatment, and
    // risks with no owner, are approved past only with an acknowledgement.
    for (const r of (await owner.get(url('/risks?attention=true'))).body.items as { id: string }[])
      expect(
        (
          await approver.post(url(`/risks/${r.id}/acceptances`), {
            rationale: 'Accepted by the board until the Q2 model release',
            expiresAt: '2099-01-01',
          })
        ).status,
      ).toBe(201);
    const warned = (await owner.get(url('/risk-treatment-plan'))).body;
    expect(warned.warnings.every((w: { blocking: boolean }) => !w.blocking)).toBe(true);
    expect(warned.warnings.map((w: { code: string }) => w.code)).toEqual(
      expect.arrayContaining(['ACCEPTED_ABOVE_LEVEL', 'RISK_NO_OWNER']),
    );
    expect((await owner.post(url('/risk-treatment-plan/approve'), { number: 1 })).body.error.code).toBe(
      'ACKNOWLEDGEMENT_REQUIRED',
    );
    const ok = await owner.post(url('/risk-treatment-plan/approve'), {
      number: 1,
      acknowledgement: 'Owners are named at the January review',
    }); // the owner may approve too
    expect(ok.status).toBe(200);
    expect(ok.body.approved.acknowledgement.text).toBe('Owners are named at the January review');
    const again = (await owner.get(url('/risk-treatment-plan'))).body;
    expect(again).toMatchObject({ number: 1, status: 'approved', approved: { number: 1 } });
    expect((await approver.post(url('/risk-treatment-plan/approve'), { number: 1 })).status).toBe(422);
    await owner.post(url('/risks'), risk({ title: 'New supplier model', likelihood: 2, consequence: 2 }));
    expect((await owner.get(url('/risk-treatment-plan'))).body).toMatchObject({
      number: 2,
      status: 'draft',
      approved: { number: 1 },
    });
  });

  it('draws inherent and residual heatmaps and lists what needs attention', async () => {
    const { risk: treated } = await treatedRisk();
    // A new high risk nobody has treated or accepted yet.
    const high = (
      await owner.post(url('/risks'), risk({ title: 'Unreviewed vendor model update', likelihood: 4, consequence: 4 }))
    ).body as { id: string };
    const d = (await owner.get(url('/risk-dashboard'))).body;
    const cell = (
      grid: { likelihood: number; consequence: number; count: number; level: string }[],
      l: number,
      c: number,
    ) => grid.find((x) => x.likelihood === l && x.consequence === c)!;
    expect(d.inherent).toHaveLength(25);
    expect(cell(d.inherent, 4, 5)).toEqual({ likelihood: 4, consequence: 5, count: 1, level: 'critical' });
    expect(cell(d.inherent, 4, 4)).toMatchObject({ count: 1, level: 'high' });
    expect(d.inherent.reduce((n: number, c: { count: number }) => n + c.count, 0)).toBe(2);
    expect(cell(d.residual, 2, 3)).toMatchObject({ count: 1, level: 'medium' });
    // The treated risk is settled by its residual level; the untreated high one needs attention.
    expect(d.needsAttention.map((r: { id: string }) => r.id)).toEqual([high.id]);
    expect(cell(d.residual, 4, 4)).toMatchObject({ count: 1 }); // untreated: where it started
    // A cell counts; the register lists it.
    const listed = async (q: string) =>
      ((await owner.get(url(`/risks?status=open&kind=risk&${q}`))).body.items as { id: string }[]).map((r) => r.id);
    expect(await listed('heatmap=inherent&likelihood=4&consequence=5')).toEqual([treated.id]);
    expect(await listed('heatmap=residual&likelihood=2&consequence=3')).toEqual([treated.id]);
    expect(await listed('heatmap=residual&likelihood=4&consequence=4')).toEqual([high.id]);
    expect(d.counts).toMatchObject({ total: 2, open: 2, byLevel: { low: 0, medium: 1, high: 1, critical: 0 } });
  });

  it('hides risks from other organizations behind 404 and lets a viewer read only', async () => {
    const other = await newOrgOwner(ctx(), 'Other Risk Org');
    const r1 = (await owner.post(url('/risks'), risk())).body as { id: string; version: number };
    expect((await other.owner.get(url(`/risks/${r1.id}`))).status).toBe(404);
    expect((await other.owner.get(`/api/orgs/${other.orgId}/risks/${r1.id}`)).status).toBe(404);
    expect(
      (await other.owner.patch(`/api/orgs/${other.orgId}/risks/${r1.id}`, { version: r1.version, title: 'x' })).status,
    ).toBe(404);
    const viewer = await addMember(ctx(), owner, orgId, 'viewer');
    expect((await viewer.get(url('/risks'))).status).toBe(200);
    expect((await viewer.post(url('/risks'), risk())).status).toBe(403);
    expect((await owner.patch(url(`/risks/${r1.id}`), { version: r1.version - 1, title: 'x' })).status).toBe(409);
  });

  it('records a risk without a rating as unrated and flagged, never a default 3 × 3 (issue 18)', async () => {
    const res = await owner.post(url('/risks'), { title: 'Unjudged supplier model', source: 'C.3.6' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      rated: false,
      likelihood: null,
      consequence: null,
      inherentScore: null,
      inherentLevel: null,
      criteriaNumber: null,
      needsAttention: true,
    });
    const half = await owner.post(url('/risks'), { title: 'Half rated', source: 'C.3.6', likelihood: 3 });
    expect(half.status).toBe(422);
    expect(half.body.error).toMatchObject({ details: { field: 'consequence' } });
    expect(half.body.error.message).toMatch(/^Consequence/);
    const accept = await approver.post(url(`/risks/${res.body.id}/acceptances`), {
      rationale: 'Fine',
      expiresAt: '2099-12-31',
    });
    expect(accept.status).toBe(422);
    expect(accept.body.error.message).toContain('Rate the risk');
    const d = (await owner.get(url('/risk-dashboard'))).body;
    expect(d.unrated.map((r: { id: string }) => r.id)).toEqual([res.body.id]);
    expect(d.needsAttention.map((r: { id: string }) => r.id)).toContain(res.body.id);
    // Open risks are the rated ones in the cells plus the unrated ones, which have no cell.
    expect(d.inherent.reduce((n: number, c: { count: number }) => n + c.count, 0)).toBe(d.counts.open - 1);
    const rated = await owner.post(url(`/risks/${res.body.id}/assessments`), {
      likelihood: 1,
      consequence: 2,
      note: 'Rated',
    });
    expect(rated.body).toMatchObject({ rated: true, inherentLevel: 'low', needsAttention: false });
    await owner.delete(url(`/risks/${res.body.id}`));
  });
});
