import { beforeEach, expect, it } from 'vitest';
import { download, unzipEntry } from './files';
import { addMember, type Client, describeEachDialect, newOrgOwner, validAiSystem } from './harness';

type Item = {
  ref: string;
  included: boolean | null;
  justification: string;
  riskIds: string[];
  version: number;
  kind: string;
};

describeEachDialect('Statement of Applicability and impact assessments', (ctx) => {
  let owner: Client;
  let approver: Client;
  let orgId: string;
  let aiSystemId: string;
  let riskId: string;
  const url = (p: string) => `/api/orgs/${orgId}${p}`;
  const soa = async () =>
    (await owner.get(url('/soa'))).body as {
      version: number;
      status: string;
      items: Item[];
      warnings: { code: string; ref?: string; riskId?: string; blocking: boolean }[];
      counts: Record<string, number>;
      approved: unknown;
    };
  const item = async (ref: string) => (await soa()).items.find((i) => i.ref === ref)!;

  // Every test its own organization (any order, any subset: `--sequence.shuffle`, `-t`).
  beforeEach(async () => {
    ({ owner, orgId } = await newOrgOwner(ctx(), 'SoA Org'));
    approver = await addMember(ctx(), owner, orgId, 'approver');
    aiSystemId = (await owner.post(url('/ai-systems'), validAiSystem({ lifecycleStage: 'operation' }))).body.id;
    await owner.post(url('/custom-controls'), {
      ref: 'CC-1',
      title: 'Model cards for every release',
      description: 'A model card is published with each release.',
    });
  });

  it('lists every Annex A control and the custom controls, all undecided at first', async () => {
    const s = await soa();
    expect(s).toMatchObject({ version: 1, status: 'draft', approved: null });
    expect(s.items.filter((i) => i.kind === 'annex_a')).toHaveLength(38);
    expect(s.items.at(-1)).toMatchObject({ ref: 'CC-1', kind: 'custom', included: null });
    expect(s.counts).toEqual({ total: 39, included: 0, excluded: 0, undecided: 39 });
    expect(s.warnings).toEqual([
      expect.objectContaining({ code: 'UNDECIDED', blocking: true }),
      expect.objectContaining({ code: 'CRITERIA_UNAPPROVED', blocking: true }),
    ]);
  });

  /** R-1, untreated at first, then treated with A.6.2.4: the control is in the SoA with the risk as its reason. */
  const treatedRisk = async () => {
    const r = await owner.post(url('/risks'), {
      title: 'Unvalidated model release',
      aiSystemId,
      source: 'C.3.6',
      likelihood: 4,
      consequence: 4,
      ownerId: owner.user!.id,
      reviewDate: '2027-06-30',
    });
    riskId = r.body.id;
    expect((await soa()).warnings.map((w) => w.code)).toContain('RISK_UNTREATED');
    await owner.post(url(`/risks/${riskId}/treatments`), {
      option: 'modify',
      controlRefs: ['A.6.2.4'],
      residualLikelihood: 2,
      residualConsequence: 2,
      actions: [{ title: 'Release gate with validation report', ownerId: owner.user!.id, dueDate: '2027-03-31' }],
    });
    const v = await item('A.6.2.4');
    expect(v).toMatchObject({
      included: true,
      riskIds: [riskId],
      justification: 'Treats risk R-1: Unvalidated model release',
      version: 0,
    });
    expect((await soa()).warnings.map((w) => w.code)).not.toContain('RISK_UNTREATED');
  };

  it('includes A.6.2.4 once a treatment uses it, with the risk as the justification', treatedRisk);

  it('warns when a control used by a treatment is excluded, or excluded without a reason', async () => {
    await treatedRisk();
    const excluded = await owner.patch(url('/soa/items/A.6.2.4'), { version: 0, included: false });
    expect(excluded.status).toBe(200);
    // An excluded control's reason is the stated one alone (none here): never "Treats risk …" beside an exclusion.
    expect(excluded.body).toMatchObject({ included: false, justification: '', riskIds: [riskId] });
    expect((await item('A.6.2.4')).justification).toBe('');
    const codes = (await soa()).warnings.filter((w) => w.ref === 'A.6.2.4').map((w) => w.code);
    expect(codes).toEqual(['EXCLUDED_BUT_TREATING', 'EXCLUSION_UNJUSTIFIED']);
    const stale = await owner.patch(url('/soa/items/A.6.2.4'), { version: 0, included: true });
    expect(stale.status).toBe(409);
    const back = await owner.patch(url('/soa/items/A.6.2.4'), {
      version: 1,
      included: true,
      justification: 'Release gate',
      implementationStatus: 'in_progress',
    });
    expect(back.body).toMatchObject({
      included: true,
      justification: 'Release gate\nTreats risk R-1: Unvalidated model release',
      implementationStatus: 'in_progress',
      version: 2,
    });
    const bad = await owner.patch(url('/soa/items/A.6.2.4'), { version: 2, implementationStatus: 'done' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('Implementation status must be one of');
    expect((await owner.patch(url('/soa/items/A.99'), { version: 0, included: true })).status).toBe(404);
  });

  it('refuses approval while controls are undecided; approval freezes the version; a change opens the next draft', async () => {
    await treatedRisk();
    const gate = await owner.patch(url('/soa/items/A.6.2.4'), {
      version: 0,
      included: true,
      justification: 'Release gate',
      implementationStatus: 'in_progress',
    });
    expect(gate.status).toBe(200);
    const notReady = await approver.post(url('/soa/approve'), { version: 1 });
    expect(notReady.status).toBe(422);
    expect(notReady.body.error.code).toBe('SOA_NOT_READY');
    expect(notReady.body.error.message).toContain('neither included nor excluded');
    for (const i of (await soa()).items.filter((x) => x.included === null))
      await owner.patch(
        url(`/soa/items/${i.ref}`),
        i.ref === 'A.10.2'
          ? { version: i.version, included: false, justification: 'We share no AI system work with partners' }
          : { version: i.version, included: true, implementationStatus: 'planned' },
      );
    // The SoA rests on the criteria and the treatment plan: both are approved first.
    expect(
      (await soa()).warnings
        .filter((w) => w.blocking)
        .map((w) => w.code)
        .sort(),
    ).toEqual(['CRITERIA_UNAPPROVED', 'PLAN_UNAPPROVED']);
    const criteria = (await owner.get(url('/risk-criteria'))).body;
    expect((await approver.post(url('/risk-criteria/approve'), { version: criteria.draft.version })).status).toBe(200);
    const plan = (await owner.get(url('/risk-treatment-plan'))).body;
    expect((await approver.post(url('/risk-treatment-plan/approve'), { number: plan.number })).status).toBe(200);
    const ready = await soa();
    expect(ready.warnings.filter((w) => w.blocking)).toEqual([]);
    // Controls included with nothing behind them may be approved past, with an acknowledgement kept.
    expect(ready.warnings.map((w) => w.code)).toEqual(['JUSTIFICATION_WEAK']);
    const unacknowledged = await approver.post(url('/soa/approve'), { version: 1 });
    expect(unacknowledged.status).toBe(422);
    expect(unacknowledged.body.error.code).toBe('ACKNOWLEDGEMENT_REQUIRED');
    const contributor = await addMember(ctx(), owner, orgId, 'contributor');
    expect((await contributor.post(url('/soa/approve'), { version: 1 })).status).toBe(403);
    const ok = await approver.post(url('/soa/approve'), {
      version: 1,
      acknowledgement: 'Reasons are written during the implementation review in Q1',
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      version: 1,
      status: 'approved',
      approved: {
        version: 1,
        approvedBy: { id: approver.user!.id },
        acknowledgement: {
          text: 'Reasons are written during the implementation review in Q1',
          warnings: [expect.objectContaining({ code: 'JUSTIFICATION_WEAK' })],
        },
      },
    });
    expect((await approver.post(url('/soa/approve'), { version: 1 })).status).toBe(422);

    await owner.patch(url('/soa/items/A.10.2'), {
      version: (await item('A.10.2')).version,
      justification: 'No AI partners in scope',
    });
    const draft = await soa();
    expect(draft).toMatchObject({ version: 2, status: 'draft', approved: { version: 1 } });
    const frozen = (await owner.get(url('/soa/versions/1'))).body;
    expect(frozen.items.find((i: Item) => i.ref === 'A.10.2').justification).toBe(
      'We share no AI system work with partners',
    );
    expect(frozen.acknowledgement.text).toBe('Reasons are written during the implementation review in Q1');
    expect(frozen.items.find((i: Item) => i.ref === 'A.6.2.4').riskIds).toEqual([riskId]);
    expect((await owner.get(url('/soa/versions'))).body.items).toEqual([
      expect.objectContaining({
        version: 1,
        counts: { total: 39, included: 38, excluded: 1, undecided: 0 },
        acknowledgement: expect.objectContaining({
          text: 'Reasons are written during the implementation review in Q1',
        }),
      }),
    ]);
    const events = (await owner.get(url('/audit-events?entityType=soa'))).body.items as {
      action: string;
      after: { acknowledgement: { text: string } };
    }[];
    expect(events.find((e) => e.action === 'soa.approved')!.after.acknowledgement.text).toBe(
      'Reasons are written during the implementation review in Q1',
    );
    expect((await owner.get(url('/soa/versions/9'))).status).toBe(404);
  });

  /** IA-1 for the AI system, refused until complete, signed off, with a risk created from it. */
  const signedOffAssessment = async () => {
    const missing = await owner.post(url('/impact-assessments'), { trigger: 'new_system' });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body)).toContain('AI system is required');
    const ia = await owner.post(url('/impact-assessments'), {
      aiSystemId,
      trigger: 'new_system',
      title: 'Credit scoring at launch',
      affectedGroups: [
        { group: 'Loan applicants over 70', vulnerable: true, effects: { fairness: 'Age proxies may lower scores' } },
      ],
    });
    expect(ia.status).toBe(201);
    expect(ia.body).toMatchObject({ ref: 'IA-1', status: 'draft', aiSystem: { id: aiSystemId } });
    expect(ia.body.signOffProblems).toEqual([
      'Describe the intended use',
      'Answer every effect area for Loan applicants over 70 (write "none expected" with the reason where it does not apply): transparency, privacy and security, safety and health, accessibility, human rights',
      'Answer every societal effect area (A.5.5), or say why the societal section does not apply: environment and sustainability, economy and employment, government and democratic processes, health and safety, culture, norms and values',
      'Rate severity and likelihood',
      'Write the conclusion',
      'Set how long the assessment is kept (A.5.3)',
    ]);
    // In scope with a draft only: a gap on the impact page and the AI system's page.
    expect((await owner.get(url(`/impact-gaps?aiSystemId=${aiSystemId}`))).body.items).toEqual([
      expect.objectContaining({ aiSystemId, reason: 'draft_only' }),
    ]);
    const early = await approver.post(url(`/impact-assessments/${ia.body.id}/sign-off`), { version: 1 });
    expect(early.status).toBe(422);
    expect(early.body.error.message).toContain('Describe the intended use');
    const half = await owner.patch(url(`/impact-assessments/${ia.body.id}`), {
      version: 1,
      intendedUse: 'Score consumer loan applications',
      severity: 4,
      likelihood: 3,
      conclusion: 'Acceptable with age-bias testing',
      retentionUntil: '2035-12-31',
      societalEffects: { economy: 'Access to credit' },
    });
    expect(half.body.signOffProblems).toHaveLength(2);
    const refused = await approver.post(url(`/impact-assessments/${ia.body.id}/sign-off`), { version: 2 });
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toContain('Answer every societal effect area (A.5.5)');
    const effects = {
      fairness: 'Age proxies may lower scores',
      transparency: 'Decline letters name the main reasons',
      privacy: 'None expected: only the application data is used',
      safety: 'None expected: no physical effect',
      accessibility: 'Large-print letters on request',
      human_rights: 'Right to contest: a human reviews every decline',
    };
    const done = await owner.patch(url(`/impact-assessments/${ia.body.id}`), {
      version: 2,
      affectedGroups: [{ group: 'Loan applicants over 70', vulnerable: true, effects }],
      societalNotApplicable:
        'Consumer lending at our scale has no effect on democratic processes, culture or the environment; the economic effect is answered',
    });
    expect(done.body.signOffProblems).toEqual([]);
    expect((await owner.post(url(`/impact-assessments/${ia.body.id}/sign-off`), { version: 3 })).status).toBe(200); // the owner may sign off
    expect((await owner.get(url(`/impact-gaps?aiSystemId=${aiSystemId}`))).body.items).toEqual([]);
    expect((await owner.patch(url(`/impact-assessments/${ia.body.id}`), { version: 4, conclusion: 'x' })).status).toBe(
      422,
    );
    expect((await owner.delete(url(`/impact-assessments/${ia.body.id}`))).status).toBe(422);
    const r = await owner.post(url(`/impact-assessments/${ia.body.id}/risks`), {
      title: 'Age bias in scores',
      source: 'C.3.4',
      likelihood: 3,
      consequence: 4,
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ impactAssessmentId: ia.body.id, aiSystemId });
    expect((await owner.get(url(`/impact-assessments/${ia.body.id}`))).body.risks).toEqual([
      { id: r.body.id, ref: r.body.ref, title: 'Age bias in scores' },
    ]);
    expect((await owner.get(url(`/impact-assessments?aiSystemId=${aiSystemId}`))).body.items).toHaveLength(1);
  };

  it('runs an impact assessment to sign-off and creates a risk from it, linked both ways', signedOffAssessment);

  it('exports a signed-off impact assessment as .docx and PDF with its document-control block', async () => {
    await signedOffAssessment();
    const ia = (await owner.get(url('/impact-assessments'))).body.items[0] as { id: string; ref: string };
    const docx = await download(owner, url(`/impact-assessments/${ia.id}/export.docx`));
    expect(docx.status).toBe(200);
    expect(docx.headers['content-disposition']).toMatch(new RegExp(`impact-assessment-${ia.ref.toLowerCase()}-`));
    const words = unzipEntry(docx.bytes, 'word/document.xml')!.replace(/<[^>]+>/g, ' ');
    for (const fact of [
      `AI system impact assessment ${ia.ref}`,
      `-${ia.ref}`,
      '(signed off)',
      'Approver',
      'Next review',
      'Derived from: scope',
      'Derived from: AI system',
      'Effects on society (A.5.5)',
      'Age bias in scores',
      'Change log',
      'Assessment started',
      'Signed off',
    ])
      expect(words, fact).toContain(fact);
    const pdf = await download(owner, url(`/impact-assessments/${ia.id}/export.pdf`));
    expect(pdf.status).toBe(200);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('hides the SoA and assessments of other organizations', async () => {
    const other = await newOrgOwner(ctx(), 'Other SoA Org');
    expect((await other.owner.get(url('/soa'))).status).toBe(404);
    expect((await other.owner.patch(url('/soa/items/A.6.2.4'), { version: 2, included: false })).status).toBe(404);
    const ia = (
      await owner.post(url('/impact-assessments'), { aiSystemId, trigger: 'new_system', title: 'Credit scoring' })
    ).body as { id: string };
    expect((await other.owner.get(`/api/orgs/${other.orgId}/impact-assessments/${ia.id}`)).status).toBe(404);
    expect((await other.owner.get(`/api/orgs/${other.orgId}/impact-assessments/${ia.id}/export.pdf`)).status).toBe(404);
    expect(
      (await other.owner.get(`/api/orgs/${other.orgId}/soa`)).body.items.every((i: Item) => i.included === null),
    ).toBe(true);
  });

  it('names an impact assessment created without a title after its AI system and trigger', async () => {
    // Not "Untitled assessment" (issue 18).
    const untitled = await owner.post(url('/impact-assessments'), { aiSystemId, trigger: 'periodic' });
    expect(untitled.status).toBe(201);
    expect(untitled.body.title).toMatch(/^Impact of .+ \(periodic review\)$/);
  });
});
