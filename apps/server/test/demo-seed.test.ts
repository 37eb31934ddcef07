import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIFECYCLE_STAGES } from '@fortytwo/domain';
import { createHash } from 'node:crypto';
import { DEMO_TOP_MANAGEMENT } from '../src/demo/documents';
import { DEMO_EMAIL, DEMO_ORGANIZATION, generateDemoPassword, seedDemo, type DemoSeed } from '../src/demo/seed';
import { localFileStore } from '../src/platform/files';
import { download } from './files';
import { signIn, startTestServer, type Client, type TestServer } from './harness';
import { dueItemsOf } from '../src/modules/tasks/providers';

describe('demo seed', () => {
  let server: TestServer;
  let seed: DemoSeed;
  let demo: Client;

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    const deps = { db: server.handle.db, dialect: server.handle.dialect };
    seed = (await seedDemo(deps, localFileStore(server.dataDir)))!;
    demo = await signIn(server, DEMO_EMAIL, seed.password);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('creates Northwind Lending with the demo user as owner, colleagues and pending invitations', async () => {
    expect(seed).toMatchObject({ organization: { name: DEMO_ORGANIZATION }, user: { email: DEMO_EMAIL } });
    const me = await demo.get('/api/me');
    expect(me.body.memberships).toEqual([
      expect.objectContaining({ organization: expect.objectContaining({ name: 'Northwind Lending' }), role: 'owner' }),
    ]);
    const members = (await demo.get(`/api/orgs/${seed.organization.id}/members`)).body.items;
    expect(members).toHaveLength(seed.members);
    expect(members.map((m: { role: string }) => m.role).sort()).toEqual([
      'contributor',
      'contributor',
      'internal_auditor',
      'manager',
      'owner',
    ]);
    const invitations = (await demo.get(`/api/orgs/${seed.organization.id}/invitations`)).body.items;
    expect(
      invitations
        .filter((i: { status: string }) => i.status === 'pending')
        .map((i: { role: string }) => i.role)
        .sort(),
    ).toEqual(['approver', 'external_auditor']);
  });

  it('creates varied, realistic AI systems owned by members', async () => {
    const list = await demo.get(`/api/orgs/${seed.organization.id}/ai-systems?limit=500`);
    const items = list.body.items as {
      name: string;
      lifecycleStage: string;
      aiRoles: string[];
      riskTier: string;
      owner: unknown;
      thirdParties: string[];
      tags: string[];
    }[];
    expect(items).toHaveLength(seed.aiSystems);
    expect(items.length).toBeGreaterThanOrEqual(6);
    expect(items.length).toBeLessThanOrEqual(8);
    for (const s of items) {
      expect(s.owner, s.name).not.toBeNull();
      expect(s.tags.length, s.name).toBeGreaterThan(0);
    }
    expect(new Set(items.map((s) => s.lifecycleStage)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(items.map((s) => s.riskTier))).toEqual(new Set(['high', 'limited', 'minimal', 'unclassified']));
    expect(new Set(items.flatMap((s) => s.aiRoles))).toEqual(new Set(['provider', 'producer', 'customer', 'partner']));
    for (const topic of [/credit scoring/i, /fraud/i, /customer assistant/i, /OCR/, /recommender/i, /CV screening/i]) {
      expect(
        items.some((s) => topic.test(s.name)),
        String(topic),
      ).toBe(true);
    }
    const chatbot = items.find((s) => /customer assistant/i.test(s.name))!;
    expect(chatbot).toMatchObject({ lifecycleStage: 'deployment', riskTier: 'limited' });
    expect(chatbot.thirdParties.some((t) => /LLM/.test(t))).toBe(true);
    expect(items.every((s) => (LIFECYCLE_STAGES as readonly string[]).includes(s.lifecycleStage))).toBe(true);
  });

  it('leaves an audit chain that verifies', async () => {
    const verdict = await demo.get(`/api/orgs/${seed.organization.id}/audit-events/verify`);
    expect(verdict.status).toBe(200);
    expect(verdict.body.ok).toBe(true);
    expect(verdict.body.checked).toBeGreaterThan(seed.aiSystems);
    const events = (await demo.get(`/api/orgs/${seed.organization.id}/audit-events?limit=500`)).body.items.map(
      (e: { action: string }) => e.action,
    );
    expect(events.filter((a: string) => a === 'ai_system.created')).toHaveLength(seed.aiSystems);
    expect(events).toContain('ai_system.updated');
  });

  it('spreads its history over the past weeks instead of "just now" everywhere, its chain still whole', async () => {
    const events = (await demo.get(`/api/orgs/${seed.organization.id}/audit-events?limit=500`)).body.items as {
      at: string;
    }[];
    const times = events.map((e) => Date.parse(e.at));
    const day = 86_400_000;
    expect(Date.now() - Math.min(...times)).toBeGreaterThan(7 * day);
    expect(Date.now() - Math.max(...times)).toBeLessThan(day);
    const systems = (await demo.get(`/api/orgs/${seed.organization.id}/ai-systems`)).body.items as {
      createdAt: string;
      updatedAt: string;
    }[];
    expect(new Set(systems.map((s) => s.createdAt)).size).toBe(systems.length);
    expect(systems.every((s) => Date.now() - Date.parse(s.createdAt) > day)).toBe(true);
    expect(systems.every((s) => s.updatedAt >= s.createdAt)).toBe(true);
    expect((await demo.get(`/api/orgs/${seed.organization.id}/audit-events/verify`)).body.ok).toBe(true);
  });

  it('shows a gap analysis under way: a baseline snapshot, progress since, actions and a custom control', async () => {
    const base = `/api/orgs/${seed.organization.id}/gap-assessments`;
    const list = (await demo.get(base)).body.items as { id: string; kind: string; name: string; overall: number }[];
    expect(list.map((a) => a.kind).sort()).toEqual(['snapshot', 'working']);
    const working = list.find((a) => a.kind === 'working')!;
    const baseline = list.find((a) => a.kind === 'snapshot')!;
    expect(working.overall).toBeGreaterThan(baseline.overall);
    const cmp = (await demo.get(`${base}/${working.id}/compare?with=${baseline.id}`)).body;
    expect(cmp.counts.improved).toBeGreaterThan(3);
    expect(cmp.counts.regressed).toBe(1);
    const gaps = (await demo.get(`${base}/${working.id}/gaps`)).body.items as { ref: string; actions: unknown[] }[];
    expect(
      gaps
        .filter((g) => g.actions.length > 0)
        .map((g) => g.ref)
        .sort(),
    ).toEqual(['4.3', '5.2', '6.1.4', 'A.6.2.6']);
    const custom = (await demo.get(`/api/orgs/${seed.organization.id}/custom-controls`)).body.items;
    expect(custom.map((c: { ref: string }) => c.ref)).toEqual(['NWL-1']);
  });

  it('holds one signed-off management review whose pack has every input, the internal audit and its nonconformity included', async () => {
    const org = `/api/orgs/${seed.organization.id}`;
    const reviews = (await demo.get(`${org}/management-reviews`)).body.items;
    expect(reviews).toEqual([expect.objectContaining({ ref: 'MR-1', status: 'signed_off', missingInputs: 0 })]);
    const review = (await demo.get(`${org}/management-reviews/${reviews[0].id}`)).body;
    expect(review.chair).toMatchObject({ name: 'Dana Whitfield', topManagement: true });
    expect(
      review.inputs.filter((i: { state: string }) => i.state === 'missing').map((i: { key: string }) => i.key),
    ).toEqual([]);
    const input = (key: string) => review.pack.find((i: { key: string }) => i.key === key);
    expect(input('audit_results')).toMatchObject({ state: 'present' });
    expect(input('audit_results').summary).toMatch(/^1 internal audit completed/);
    expect(input('nonconformities')).toMatchObject({ state: 'present' });
    expect(input('nonconformities').summary).toMatch(/1 open \(0 major, 1 minor\)/);
    expect(review.actions).toHaveLength(2);
    const pdf = await download(demo, `${org}/management-reviews/${review.id}/minutes.pdf`);
    expect(pdf.status).toBe(200);
  });

  it('shows step 2 under way: roles, issues, parties, an approved scope and a RACI with one flagged activity', async () => {
    const org = `/api/orgs/${seed.organization.id}`;
    const context = (await demo.get(`${org}/context`)).body;
    expect(context.aiRoles.map((r: { role: string }) => r.role)).toEqual(['provider', 'producer', 'customer']);
    expect(context.climateRelevant).toBe(false);
    expect((await demo.get(`${org}/context-issues`)).body.items.length).toBeGreaterThanOrEqual(4);
    expect((await demo.get(`${org}/interested-parties`)).body.items.length).toBeGreaterThanOrEqual(4);
    const scope = (await demo.get(`${org}/scope`)).body;
    expect(scope).toMatchObject({ status: 'approved', warnings: [], approved: { revision: 1 } });
    expect(scope.outOfScope).toHaveLength(1);
    const raci = (await demo.get(`${org}/raci`)).body.items as { name: string; problems: { code: string }[] }[];
    expect(raci.find((a) => a.name === 'AI risk assessment')!.problems).toEqual([]);
    expect(raci.find((a) => a.name === 'Document control')!.problems.map((p) => p.code)).toEqual([
      'several_accountable',
    ]);
  });

  it('shows step 4 under way: treated risks, an accepted one, an untreated one, an impact assessment linked to a risk, and an SoA started', async () => {
    const org = `/api/orgs/${seed.organization.id}`;
    const risks = (await demo.get(`${org}/risks`)).body.items as {
      ref: string;
      title: string;
      treatments: unknown[];
      acceptanceState: string;
      needsAttention: boolean;
      impactAssessmentId: string | null;
    }[];
    expect(risks.length).toBeGreaterThanOrEqual(4);
    expect(risks.filter((r) => r.treatments.length > 0).length).toBeGreaterThanOrEqual(3);
    expect(risks.some((r) => r.acceptanceState === 'in_force')).toBe(true);
    expect(risks.filter((r) => r.needsAttention).map((r) => r.title)).toEqual([
      'Model platform migration breaks monitoring',
    ]);
    const ia = (await demo.get(`${org}/impact-assessments`)).body.items[0];
    expect(ia.risks.map((r: { id: string }) => r.id)).toEqual(
      risks.filter((r) => r.impactAssessmentId === ia.id).map((r) => (r as unknown as { id: string }).id),
    );
    const soa = (await demo.get(`${org}/soa`)).body;
    expect(soa.items.find((i: { ref: string }) => i.ref === 'A.6.2.4')).toMatchObject({
      included: true,
      implementationStatus: 'in_progress',
    });
    expect(soa.counts.excluded).toBe(1);
    expect(soa.warnings.map((w: { code: string }) => w.code)).toEqual(
      expect.arrayContaining(['UNDECIDED', 'RISK_UNTREATED']),
    );
    // The one exclusion is one the declared roles (provider, producer, customer) do not call for.
    expect(soa.warnings.map((w: { code: string }) => w.code)).not.toContain('ROLE_INCONSISTENT');
    expect(
      soa.items.filter((i: { included: boolean | null }) => i.included === false).map((i: { ref: string }) => i.ref),
    ).toEqual(['A.7.3']);
  });

  it('shows an AI system with three releases and one significant change pending re-assessment', async () => {
    const org = `/api/orgs/${seed.organization.id}`;
    const systems = (await demo.get(`${org}/ai-systems?limit=100`)).body.items as { id: string; name: string }[];
    const credit = systems.find((s) => /credit/i.test(s.name))!;
    const releases = (await demo.get(`${org}/ai-systems/${credit.id}/releases`)).body.items;
    expect(releases.map((r: { releaseVersion: string }) => r.releaseVersion)).toEqual(['2.0.0', '1.1.0', '1.0.0']);
    expect(releases[0].verification.decision).toBe('do_not_deploy');
    const changes = (await demo.get(`${org}/ai-systems/${credit.id}/changes`)).body.items;
    expect(changes.map((c: { significant: boolean }) => c.significant)).toEqual([true, true]);
    const due = (await demo.get(`${org}/reassessments?status=due`)).body.items;
    expect(due.map((r: { kind: string }) => r.kind).sort()).toEqual(['impact_assessment', 'risk_assessment']);
    expect(due.every((r: { changeId: string }) => r.changeId === changes[0].id)).toBe(true);
  });

  it('shows controls in operation: runs recorded over the last months with evidence, one overdue, one late to implement', async () => {
    const org = `/api/orgs/${seed.organization.id}`;
    const controls = (await demo.get(`${org}/controls`)).body.items as {
      ref: string;
      status: string | null;
      operatingSince: string | null;
      overdue: boolean;
      occurrenceCount: number;
    }[];
    const of = (ref: string) => controls.find((c) => c.ref === ref)!;
    expect(controls.filter((c) => c.status === 'operating' && c.operatingSince !== null).map((c) => c.ref)).toEqual([
      'A.2.2',
      'A.6.2.6',
      'A.7.4',
    ]);
    expect(of('A.6.2.6').occurrenceCount).toBe(3);
    expect(controls.filter((c) => c.overdue).map((c) => c.ref)).toEqual(['A.7.4', 'A.9.2']);
    expect(of('A.6.2.4').status).toBe('implementing');
    const detail = (await demo.get(`${org}/controls/A.6.2.6`)).body;
    expect(detail.occurrences.filter((o: { evidence: unknown[] }) => o.evidence.length > 0)).toHaveLength(2);
  });

  it('shows step 3 under way: documents in force, one in review, one in draft, and gaps on the master list', async () => {
    const org = `/api/orgs/${seed.organization.id}`;
    expect((await demo.get(`${org}/document-settings`)).body).toMatchObject({
      codePrefix: 'NWL',
      topManagement: DEMO_TOP_MANAGEMENT,
      version: 1,
    });
    type Doc = {
      id: string;
      code: string;
      typeId: string;
      inForce: { id: string; label: string; state: string } | null;
      latest: { id: string; state: string };
      stale: unknown;
    };
    const docs = (await demo.get(`${org}/documents`)).body.items as Doc[];
    const by = (typeId: string) => docs.find((d) => d.typeId === typeId)!;
    expect(docs.map((d) => d.code).sort()).toEqual([
      'NWL-IAR-001',
      'NWL-MAN-001',
      'NWL-MRM-001',
      'NWL-POL-001',
      'NWL-RMM-001',
      'NWL-RTP-001',
      'NWL-SCO-001',
      'NWL-SOA-001',
    ]);
    for (const typeId of ['ai-policy', 'risk-methodology', 'statement-of-applicability', 'aims-scope'])
      expect(by(typeId), typeId).toMatchObject({ inForce: { label: '1.0', state: 'published' }, stale: null });
    expect(by('aims-manual')).toMatchObject({ inForce: null, latest: { state: 'in_review' } });
    expect(by('risk-treatment-plan')).toMatchObject({ inForce: null, latest: { state: 'draft' } });

    // The policy: written from the records, reviewed by a colleague, approved by the owner, its file kept.
    const policy = by('ai-policy');
    const v = (await demo.get(`${org}/documents/${policy.id}/versions/${policy.inForce!.id}`)).body;
    expect(v.placeholders).toEqual([]);
    expect(v.reviews).toEqual([
      expect.objectContaining({ reviewer: expect.objectContaining({ name: 'Tomás Ortega' }), decision: 'agree' }),
    ]);
    expect(v.approvedBy.name).toBe('Dana Whitfield');
    const text = JSON.stringify(v.content.sections);
    for (const fact of [
      'Northwind Lending',
      DEMO_TOP_MANAGEMENT,
      'Applicant credit scoring (PD model)',
      'Meridian AI (LLM API, EU region)',
    ])
      expect(text).toContain(fact);
    const file = await download(demo, `${org}/documents/${policy.id}/versions/${policy.inForce!.id}/export.docx`);
    expect(createHash('sha256').update(file.bytes).digest('hex')).toBe(v.docxSha256);
    const methodology = (
      await demo.get(`${org}/documents/${by('risk-methodology').id}/versions/${by('risk-methodology').inForce!.id}`)
    ).body;
    expect(JSON.stringify(methodology.content.sections)).toContain('approved by top management');

    // The master list: what is in force, what is waiting, and what is missing, in words.
    const items = (await demo.get(`${org}/documented-information`)).body.items as {
      key: string;
      mandatory: boolean;
      state: string;
      code: string | null;
      problems: string[];
    }[];
    const line = (key: string) => items.find((i) => i.key === key)!;
    expect(line('ai-policy')).toMatchObject({ state: 'published', code: 'NWL-POL-001', problems: [] });
    expect(line('ai-risk-criteria')).toMatchObject({ state: 'published', code: 'NWL-RMM-001', problems: [] });
    expect(line('statement-of-applicability')).toMatchObject({ state: 'published', code: 'NWL-SOA-001', problems: [] });
    expect(line('aims-scope')).toMatchObject({ state: 'published', code: 'NWL-SCO-001', problems: [] });
    expect(line('aims-description')).toMatchObject({
      state: 'in_review',
      code: 'NWL-MAN-001',
      problems: ['NWL-MAN-001 version 1.0 is in review, not published yet.'],
    });
    expect(line('ai-risk-treatment-plan')).toMatchObject({ state: 'draft', code: 'NWL-RTP-001' });
    const missing = items.filter((i) => i.mandatory && i.state === 'missing').map((i) => i.key);
    expect(missing).toEqual(
      expect.arrayContaining(['ai-objectives', 'additional-documented-information', 'ai-system-impact-assessments']),
    );
    expect(missing).not.toContain('ai-policy');
    // The completed internal audit's report is a record, listed with the documents.
    expect(line('internal-audit-records')).toMatchObject({
      state: 'records',
      records: '1 approved revision of the audit programme, 1 signed-off audit report',
    });
    expect(items.some((i) => !i.mandatory && i.code === 'NWL-IAR-001')).toBe(true);
    expect(line('management-review-results')).toMatchObject({
      state: 'records',
      records: '1 management review held, 1 with minutes signed off',
      problems: [],
    });
    expect(line('nonconformity-records')).toMatchObject({
      state: 'records',
      records: '1 nonconformity with their correction, root cause and corrective actions, 0 closed',
    });

    const events = (await demo.get(`${org}/audit-events?entityType=document&limit=200`)).body.items.map(
      (e: { action: string }) => e.action,
    );
    expect(events.filter((a: string) => a === 'document_version.published')).toHaveLength(4);
    expect(events.filter((a: string) => a === 'document_version.reviewed')).toHaveLength(2);
    expect(events.filter((a: string) => a === 'document.created')).toHaveLength(6);
  });

  it('shows a readiness verdict with a few blocking findings and their fix links, and a CB engagement', async () => {
    const r = await demo.get(`/api/orgs/${seed.organization.id}/readiness`);
    expect(r.status, r.text).toBe(200);
    expect(r.body.verdict).toBe('not_ready');
    const blocking = (r.body.findings as { grade: string; status: string; reasons: { href: string }[] }[]).filter(
      (f) => f.grade === 'blocking' && f.status !== 'passed',
    );
    expect(blocking.length).toBeGreaterThanOrEqual(3);
    for (const f of blocking) expect(f.reasons[0]!.href).toMatch(/^\//);
    expect(r.body.counts.passed).toBeGreaterThan(5);
    const cb = await demo.get(`/api/orgs/${seed.organization.id}/certification-engagements`);
    expect(cb.body.items).toHaveLength(1);
    expect(cb.body.items[0].warnings.map((w: { code: string }) => w.code)).toContain('stage2_too_soon');
    // Stage 1 is done: recorded as the CB's audit, its OFI in the improvement log.
    expect(cb.body.items[0].status).toBe('stage1_done');
    const cycle = await demo.get(
      `/api/orgs/${seed.organization.id}/certification-engagements/${cb.body.items[0].id}/cycle`,
    );
    expect(cycle.body.audits.map((a: { kind: string; status: string }) => [a.kind, a.status])).toEqual([
      ['stage1', 'done'],
    ]);
    expect(cycle.body.audits[0].findings[0]).toMatchObject({ grade: 'ofi', state: 'noted' });
  });

  it('seeds only an empty database, and stores no password in plain text', async () => {
    expect(
      await seedDemo({ db: server.handle.db, dialect: server.handle.dialect }, localFileStore(server.dataDir)),
    ).toBeNull();
    const users = await server.handle.db.selectFrom('users').select(['email', 'passwordHash']).execute();
    expect(users.filter((u) => u.email === DEMO_EMAIL)).toHaveLength(1);
    for (const u of users) {
      expect(u.passwordHash).toMatch(/^\$argon2/);
      expect(u.passwordHash).not.toContain(seed.password);
    }
  });

  it('generates a different strong password each time', () => {
    const a = generateDemoPassword();
    expect(a).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    expect(generateDemoPassword()).not.toBe(a);
  });
  it('shows a competence matrix with gaps, an expiring certificate in the evidence library, and awareness of the AI policy', async () => {
    const m = (await demo.get(`/api/orgs/${seed.organization.id}/competence-matrix`)).body;
    const cell = (person: string, competence: string) => {
      const id = m.competences.find((c: { name: string }) => c.name === competence).id;
      return m.rows
        .find((r: { person: { name: string } }) => r.person.name === person)
        .cells.find((c: { competenceId: string }) => c.competenceId === id);
    };
    expect(cell('Tomás Ortega', 'Secure ML development')).toMatchObject({ required: true, state: 'expiring' });
    expect(cell('Tomás Ortega', 'Bias and fairness testing')).toMatchObject({ required: true, state: 'gap' });
    expect(cell('Grace Mensah', 'Bias and fairness testing')).toMatchObject({ required: true, state: 'met' });
    expect(cell('Ravi Kapoor', 'Secure ML development')).toMatchObject({ required: true, state: 'gap' });
    const awareness = Object.fromEntries(
      m.rows.map((r: { person: { name: string }; awareness: { state: string } }) => [r.person.name, r.awareness.state]),
    );
    expect(awareness).toMatchObject({
      'Priya Raman': 'acknowledged',
      'Tomás Ortega': 'acknowledged',
      'Grace Mensah': 'pending',
      'Ravi Kapoor': 'no_account',
    });
    const records = (await demo.get(`/api/orgs/${seed.organization.id}/training-assignments`)).body.items as {
      person: { name: string };
      overdue: boolean;
      completions: { evidence: { expiryState: string }[] }[];
    }[];
    expect(records.some((a) => a.person.name === 'Ravi Kapoor' && a.overdue)).toBe(true);
    expect(records.flatMap((a) => a.completions.flatMap((c) => c.evidence.map((e) => e.expiryState)))).toEqual([
      'expiring',
    ]);
  });

  it('has objectives with progress and metrics with months of measurements, one in breach with its action', async () => {
    const org = seed.organization.id;
    const objectives = (await demo.get(`/api/orgs/${org}/objectives`)).body.items as {
      progress: unknown[];
      progressPercent: number | null;
      annexCRef: string | null;
    }[];
    expect(objectives.length).toBeGreaterThanOrEqual(2);
    expect(
      objectives.filter((o) => o.progress.length >= 2 && o.progressPercent !== null).length,
    ).toBeGreaterThanOrEqual(2);
    const metrics = (await demo.get(`/api/orgs/${org}/metrics`)).body.items as {
      id: string;
      ref: string;
      openBreach: unknown;
    }[];
    expect(metrics.length).toBeGreaterThanOrEqual(3);
    expect(metrics.filter((m) => m.openBreach)).toHaveLength(1);
    const series = (await demo.get(`/api/orgs/${org}/metrics/${metrics[0]!.id}/measurements`)).body.items as unknown[];
    expect(series.length).toBeGreaterThanOrEqual(12);
    const breachActions = (await demo.get(`/api/orgs/${org}/actions?sourceType=metric_breach`)).body.items;
    expect(breachActions).toHaveLength(1);
    // The fairness objective's progress is its monthly parity metric's measurements.
    const fairness = (
      objectives as unknown as { title: string; progress: { note: string }[]; progressPercent: number }[]
    ).find((o) => /age bands/.test(o.title))!;
    expect(fairness.progress).toHaveLength(6);
    expect(fairness.progress.at(-1)!.note).toMatch(/^M-\d+ Approval-rate ratio.*: Retrained model v2\.3$/);
    expect(fairness.progressPercent).toBe(67);
  });

  it("has evidence with review dates: one expiring, one expired, each in its owner's tasks", async () => {
    const org = seed.organization.id;
    const evidence = (await demo.get(`/api/orgs/${org}/evidence`)).body.items as {
      title: string;
      expiryState: string;
      linkCount: number;
    }[];
    const states = (s: string) => evidence.filter((e) => e.expiryState === s).map((e) => e.title);
    expect(states('expired')).toContain('Data processing agreement with the LLM provider');
    expect(states('expiring')).toContain('Penetration test of the credit scoring API');
    expect(evidence.find((e) => /impact assessment method/.test(e.title))).toMatchObject({
      expiryState: 'current',
      linkCount: 1,
    });
    const renewals = (await dueItemsOf(server.handle.db, org)).filter((i) => i.kind === 'evidence_review');
    const ownerOf = (title: string) => renewals.find((i) => i.title.includes(title))?.assigneeUserId;
    expect(ownerOf('Penetration test of the credit scoring API')).toBeTruthy();
    expect(ownerOf('Data processing agreement with the LLM provider')).toBeTruthy();
  });

  it('has two data sets with provenance, two suppliers (one overdue for review) and an EU AI Act class', async () => {
    const org = seed.organization.id;
    const dataSets = (await demo.get(`/api/orgs/${org}/data-sets`)).body.items as { provenance: string }[];
    expect(dataSets).toHaveLength(2);
    for (const d of dataSets) expect(d.provenance).not.toBe('');
    const suppliers = (await demo.get(`/api/orgs/${org}/suppliers`)).body.items as { reviewState: string }[];
    expect(suppliers.map((s) => s.reviewState).sort()).toEqual(['current', 'overdue']);
    const systems = (await demo.get(`/api/orgs/${org}/ai-systems?limit=500`)).body.items as {
      id: string;
      name: string;
    }[];
    const credit = systems.find((s) => /credit scoring/i.test(s.name))!;
    const act = (await demo.get(`/api/orgs/${org}/ai-systems/${credit.id}/ai-act`)).body;
    expect(act).toMatchObject({ class: 'high_risk', fria: 'required', warnings: [] });
    expect(act.friaImpactAssessment).not.toBeNull();
  });

  it('holds an approved audit programme, a completed internal audit with findings and an open corrective action', async () => {
    const org = `/api/orgs/${seed.organization.id}`;
    const programme = (await demo.get(`${org}/audit-programme`)).body;
    expect(programme).toMatchObject({ status: 'approved', approvedRevision: 1 });
    const audits = (await demo.get(`${org}/audits`)).body.items;
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ ref: 'AUD-1', status: 'completed', findingCounts: { minor: 1, ofi: 1 } });
    const ncs = (await demo.get(`${org}/nonconformities`)).body.items;
    expect(ncs).toHaveLength(1);
    expect(ncs[0]).toMatchObject({ ref: 'NC-1', status: 'actions_planned', source: 'internal_audit' });
    expect(ncs[0].actions[0].status).toBe('open');
  });
});
