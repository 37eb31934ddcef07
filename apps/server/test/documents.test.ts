import { createHash } from 'node:crypto';
import { beforeEach, expect, it } from 'vitest';
import { addMember, type Client, describeEachDialect, newOrgOwner, validAiSystem } from './harness';
import { download } from './files';

// Step 3: controlled documents. The AI policy from the wizard to publication, with a review that
// sends it back once; register documents frozen at review and stale when their register changes;
// the master list; the rules an auditor relies on (approval bound to the file, nothing deleted).

const ANSWERS = {
  ambition:
    'We use AI to decide faster and more fairly on credit, never to replace the judgement of our lending officers.',
  prohibitedUses: ['Automated refusal of credit without human review'],
  restrictedUses: ['Generative AI on customer data: approval by the AIMS manager'],
  thirdPartyStance: 'Every AI service is approved by the AIMS manager after a supplier assessment.',
  relatedPolicies: ['Information security policy', 'Privacy policy'],
};

describeEachDialect('documents under control (7.5)', (ctx) => {
  let owner: Client;
  let approver: Client;
  let reviewer: Client;
  let contributor: Client;
  let orgId: string;
  const url = (p: string) => `/api/orgs/${orgId}${p}`;

  // Each test its own organization (issue 22): the document codes, the master list and the
  // acknowledgements hold only what the test made, with the steps below.
  beforeEach(async () => {
    ({ owner, orgId } = await newOrgOwner(ctx(), 'Northwind Docs'));
    approver = await addMember(ctx(), owner, orgId, 'approver');
    reviewer = await addMember(ctx(), owner, orgId, 'manager');
    contributor = await addMember(ctx(), owner, orgId, 'contributor');
    const sys = (
      await owner.post(url('/ai-systems'), validAiSystem({ name: 'Credit scorer', lifecycleStage: 'operation' }))
    ).body;
    const scope = (await owner.patch(url('/scope'), { version: 0, units: ['Lending'], aiSystemIds: [sys.id] })).body;
    expect((await approver.post(url('/scope/approve'), { version: scope.version })).status).toBe(200);
  });

  /** The organization facts as the settings test saves them: prefix NWL, default owner and approver. */
  async function settings() {
    const saved = await owner.put(url('/document-settings'), {
      version: 0,
      codePrefix: 'NWL',
      classification: 'Internal',
      topManagement: 'The board of Northwind Lending',
      defaultOwnerId: reviewer.user!.id,
      defaultApproverId: approver.user!.id,
    });
    expect(saved.status, saved.text).toBe(200);
  }

  /** A first AI policy left in draft with its statement unanswered (NWL-POL-001). */
  async function draftPolicy() {
    const res = await owner.post(url('/documents'), { typeId: 'ai-policy', answers: { ...ANSWERS, ambition: '' } });
    expect(res.status, res.text).toBe(201);
  }

  /** NWL-POL-001 in draft, and NWL-POL-002 reviewed, approved and published (in force). */
  async function draftAndPublishedPolicies() {
    await draftPolicy();
    const doc = (
      await owner.post(url('/documents'), { typeId: 'ai-policy', title: 'Northwind AI policy', answers: ANSWERS })
    ).body;
    const vUrl = url(`/documents/${doc.id}/versions/${doc.latest.id}`);
    let v = (await owner.get(vUrl)).body;
    v = (
      await owner.post(`${vUrl}/submit`, {
        version: v.version,
        reviewerIds: [],
        dueDate: null,
        changeSummary: 'First issue',
      })
    ).body;
    const approved = await approver.post(`${vUrl}/approve`, { version: v.version });
    expect(approved.status, approved.text).toBe(200);
    const published = await owner.post(`${vUrl}/publish`, { version: approved.body.version });
    expect(published.status, published.text).toBe(200);
  }

  it('lists the document types with their sections and questions', async () => {
    const res = await owner.get(url('/document-types'));
    expect(res.status).toBe(200);
    const policy = res.body.items.find((t: { id: string }) => t.id === 'ai-policy');
    expect(policy).toMatchObject({
      prefix: 'POL',
      kind: 'narrative',
      refs: ['5.2', 'A.2.2', 'A.2.3', 'A.2.4'],
      meets: ['ai-policy'],
    });
    expect(
      policy.sections.find((s: { key: string }) => s.key === 'limits').questions.map((q: { key: string }) => q.key),
    ).toEqual(['prohibitedUses', 'restrictedUses']);
  });

  it('asks the organization facts once, versioned', async () => {
    const first = await owner.get(url('/document-settings'));
    expect(first.body).toMatchObject({ codePrefix: 'AIMS', classification: 'Internal', topManagement: '', version: 0 });
    const bad = await owner.put(url('/document-settings'), {
      version: 0,
      codePrefix: 'aims!',
      classification: 'Secret',
      topManagement: '',
      defaultOwnerId: null,
      defaultApproverId: null,
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Document code prefix must be 2–8 capital letters');
    const saved = await owner.put(url('/document-settings'), {
      version: 0,
      codePrefix: 'NWL',
      classification: 'Internal',
      topManagement: 'The board of Northwind Lending',
      defaultOwnerId: reviewer.user!.id,
      defaultApproverId: approver.user!.id,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(1);
    expect(
      (
        await owner.put(url('/document-settings'), {
          version: 0,
          codePrefix: 'X1',
          classification: 'Internal',
          topManagement: 'x',
          defaultOwnerId: null,
          defaultApproverId: null,
        })
      ).status,
    ).toBe(409);
  });

  it('writes the AI policy from the records and the answers, naming the organization and its AI systems', async () => {
    await settings();
    const res = await owner.post(url('/documents'), { typeId: 'ai-policy', answers: { ...ANSWERS, ambition: '' } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      code: 'NWL-POL-001',
      typeId: 'ai-policy',
      title: 'AI policy',
      ownerId: reviewer.user!.id,
      approverId: approver.user!.id,
      people: { [reviewer.user!.id]: { id: reviewer.user!.id }, [approver.user!.id]: { id: approver.user!.id } },
      inForce: null,
      latest: { label: '1.0', state: 'draft', material: true },
    });
    const v = (await owner.get(url(`/documents/${res.body.id}/versions/${res.body.latest.id}`))).body;
    const text = JSON.stringify(v.content.sections);
    expect(text).toContain('Northwind Docs');
    expect(text).toContain('Credit scorer');
    expect(text).toContain('The board of Northwind Lending');
    expect(text).toContain('Automated refusal of credit without human review');
    // The one question left unanswered stays visible, and blocks approval later.
    expect(v.placeholders).toEqual([
      {
        section: 'Policy statement',
        text: '[[Why the organization uses or builds AI, in one or two sentences of its leadership]]',
      },
    ]);
  });

  it('takes a policy from draft through review (sent back once) to approval and publication', async () => {
    await settings();
    await draftPolicy();
    const doc = (
      await owner.post(url('/documents'), {
        typeId: 'ai-policy',
        title: 'Northwind AI policy',
        answers: { ...ANSWERS, ambition: '' },
      })
    ).body;
    const vUrl = url(`/documents/${doc.id}/versions/${doc.latest.id}`);
    let v = (await owner.get(vUrl)).body;

    // Illegal moves are refused with the reason, and change nothing.
    const early = await owner.post(`${vUrl}/publish`, { version: v.version });
    expect(early.status).toBe(422);
    expect(early.body.error.message).toBe(
      'A draft version cannot be published: the first version needs review and approval first.',
    );
    expect((await approver.post(`${vUrl}/approve`, { version: v.version })).body.error.message).toContain(
      'only a version in review can be approved',
    );

    // Submitted: each reviewer gets a task.
    const submitted = await owner.post(`${vUrl}/submit`, {
      version: v.version,
      reviewerIds: [reviewer.user!.id],
      dueDate: '2099-01-31',
      changeSummary: 'First issue of the policy',
    });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({
      state: 'in_review',
      reviewDue: '2099-01-31',
      reviews: [{ reviewer: { id: reviewer.user!.id }, decision: null, round: 1 }],
    });
    const tasks = (await reviewer.get('/api/me/tasks')).body.items as { title: string; sourceType: string }[];
    expect(tasks.find((t) => t.sourceType === 'document_review')?.title).toBe(
      'Review NWL-POL-002 version 1.0: Northwind AI policy',
    );
    expect(
      (await owner.patch(vUrl, { version: submitted.body.version, title: 'Changed in review' })).body.error.message,
    ).toContain('Only a draft is edited; recall it from review to change it');
    expect(
      (await contributor.post(`${vUrl}/reviews`, { version: submitted.body.version, decision: 'agree' })).status,
    ).toBe(403);

    // The reviewer asks for changes; approval is refused while that stands, and the approver sends it back.
    const asked = await reviewer.post(`${vUrl}/reviews`, {
      version: submitted.body.version,
      decision: 'changes_requested',
      comment: 'Say why we use AI.',
    });
    expect(asked.status).toBe(200);
    expect(
      (await reviewer.get('/api/me/tasks')).body.items.filter(
        (t: { sourceType: string }) => t.sourceType === 'document_review',
      ),
    ).toEqual([]);
    const refused = await approver.post(`${vUrl}/approve`, { version: asked.body.version });
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toContain('manager person asked for changes in this review');
    expect((await approver.post(`${vUrl}/send-back`, { version: asked.body.version, comment: '' })).status).toBe(422);
    const back = await approver.post(`${vUrl}/send-back`, {
      version: asked.body.version,
      comment: 'Please complete the policy statement.',
    });
    expect(back.body.state).toBe('draft');

    // The author completes it; approval is still refused while a placeholder remains.
    v = back.body;
    const sections = v.content.sections.map((s: { key: string; body: unknown }) =>
      s.key === 'commitment'
        ? {
            ...s,
            body: {
              type: 'doc',
              content: [
                { type: 'paragraph', content: [{ type: 'text', text: 'We use AI to serve our customers fairly.' }] },
              ],
            },
          }
        : s,
    );
    const edited = await owner.patch(vUrl, { version: v.version, sections });
    expect(edited.status).toBe(200);
    expect(edited.body.placeholders).toEqual([]);
    const again = await owner.post(`${vUrl}/submit`, {
      version: edited.body.version,
      reviewerIds: [reviewer.user!.id],
      dueDate: null,
      changeSummary: 'First issue, policy statement completed',
    });
    expect(again.body.reviews.filter((r: { round: number }) => r.round === 2)).toHaveLength(1);
    const agreed = await reviewer.post(`${vUrl}/reviews`, { version: again.body.version, decision: 'agree' });

    // Only the named approver (or an owner) approves; the approval names the file it approved.
    const other = await addMember(ctx(), owner, orgId, 'approver');
    expect((await other.post(`${vUrl}/approve`, { version: agreed.body.version })).status).toBe(403);
    expect((await contributor.post(`${vUrl}/approve`, { version: agreed.body.version })).status).toBe(403);
    const approved = await approver.post(`${vUrl}/approve`, {
      version: agreed.body.version,
      comment: 'Approved at the board meeting of 3 December',
    });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      state: 'approved',
      approvedBy: { id: approver.user!.id },
      docxSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const file = await download(owner, `${vUrl}/export.docx`);
    expect(file.status).toBe(200);
    expect(createHash('sha256').update(file.bytes).digest('hex')).toBe(approved.body.docxSha256);
    expect(file.headers['x-content-sha256']).toBe(approved.body.docxSha256);
    const again2 = await download(owner, `${vUrl}/export.docx`);
    expect(again2.bytes.equals(file.bytes)).toBe(true);
    const pdf = await download(owner, `${vUrl}/export.pdf`);
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');

    // Published: in force, next review in a year.
    const published = await reviewer.post(`${vUrl}/publish`, { version: approved.body.version });
    expect(published.status).toBe(200);
    const inAYear = new Date();
    inAYear.setUTCFullYear(inAYear.getUTCFullYear() + 1);
    expect(published.body).toMatchObject({ state: 'published', nextReviewAt: inAYear.toISOString().slice(0, 10) });
    const detail = (await owner.get(url(`/documents/${doc.id}`))).body;
    expect(detail).toMatchObject({ inForce: { label: '1.0', state: 'published' }, stale: null, reviewOverdue: false });

    // The history: every step, in the audit trail of the document.
    const events = (await owner.get(url(`/audit-events?entityType=document&entityId=${doc.id}&limit=50`))).body.items
      .map((e: { action: string }) => e.action)
      .reverse();
    expect(events).toEqual([
      'document.created',
      'document_version.submitted',
      'document_version.reviewed',
      'document_version.sent_back',
      'document_version.updated',
      'document_version.submitted',
      'document_version.reviewed',
      'document_version.approved',
      'document_version.published',
    ]);
  });

  it('changes a published document through a new draft beside it: a minor one is published directly, the old one is superseded', async () => {
    await settings();
    const doc = (await owner.post(url('/documents'), { typeId: 'roles-responsibilities' })).body;
    const v1 = url(`/documents/${doc.id}/versions/${doc.latest.id}`);
    let v = (
      await owner.post(`${v1}/submit`, { version: 1, reviewerIds: [], dueDate: null, changeSummary: 'First issue' })
    ).body;
    v = (await approver.post(`${v1}/approve`, { version: v.version })).body;
    expect((await owner.post(`${v1}/publish`, { version: v.version })).status).toBe(200);
    expect((await owner.post(url(`/documents/${doc.id}/versions`), {})).status).toBe(400);
    const draft = await owner.post(url(`/documents/${doc.id}/versions`), { material: false });
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ label: '1.1', state: 'draft', material: false });
    expect((await owner.post(url(`/documents/${doc.id}/versions`), { material: true })).body.error.message).toContain(
      'Version 1.1 is still draft',
    );
    const v2 = url(`/documents/${doc.id}/versions/${draft.body.id}`);
    const major = await owner.patch(v2, { version: draft.body.version, material: true });
    expect(major.body.label).toBe('2.0');
    expect((await owner.post(`${v2}/publish`, { version: major.body.version })).body.error.message).toContain(
      'a material change needs review and approval first',
    );
    const minor = await owner.patch(v2, {
      version: major.body.version,
      material: false,
      changeSummary: 'A new activity',
    });
    const published = await owner.post(`${v2}/publish`, { version: minor.body.version });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({
      label: '1.1',
      state: 'published',
      docxSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const detail = (await owner.get(url(`/documents/${doc.id}`))).body;
    expect(detail.versions.map((x: { label: string; state: string }) => `${x.label} ${x.state}`)).toEqual([
      '1.1 published',
      '1.0 superseded',
    ]);
    expect(detail.versions[1].endReason).toBe('Superseded by version 1.1');
    // Withdrawn, never deleted.
    const withdrawn = await owner.post(`${v2}/withdraw`, {
      version: published.body.version,
      comment: 'Merged into the AIMS manual',
    });
    expect(withdrawn.body).toMatchObject({ state: 'withdrawn', endReason: 'Merged into the AIMS manual' });
    expect((await owner.get(url(`/documents/${doc.id}`))).body.inForce).toBeNull();
  });

  it('freezes a register document at review and turns it stale when its register changes after publication', async () => {
    await settings();
    const doc = (await owner.post(url('/documents'), { typeId: 'statement-of-applicability' })).body;
    const vUrl = url(`/documents/${doc.id}/versions/${doc.latest.id}`);
    expect((await owner.patch(vUrl, { version: 1, sections: [] })).body.error.message).toContain(
      'rendered from its register',
    );
    let v = (
      await owner.post(`${vUrl}/submit`, { version: 1, reviewerIds: [], dueDate: null, changeSummary: 'First SoA' })
    ).body;
    expect(v.content.frozen.sections[0].heading).toBe('Summary');
    const before = JSON.stringify(v.content.frozen);
    const item = (await owner.get(url('/soa'))).body.items.find((i: { ref: string }) => i.ref === 'A.2.2');
    await owner.patch(url('/soa/items/A.2.2'), {
      version: item.version,
      included: true,
      justification: 'Our AI policy',
    });
    v = (await owner.get(vUrl)).body;
    expect(JSON.stringify(v.content.frozen)).toBe(before);
    v = (await approver.post(`${vUrl}/approve`, { version: v.version })).body;
    v = (await owner.post(`${vUrl}/publish`, { version: v.version })).body;
    expect((await owner.get(url(`/documents/${doc.id}`))).body.stale).toBeNull();
    const again = (await owner.get(url('/soa'))).body.items.find((i: { ref: string }) => i.ref === 'A.2.3');
    await owner.patch(url('/soa/items/A.2.3'), {
      version: again.version,
      included: false,
      justification: 'No other policies touch AI',
    });
    const stale = (await owner.get(url(`/documents/${doc.id}`))).body.stale;
    expect(stale).toMatchObject({
      count: 1,
      changes: [{ action: 'soa_item.decided', entityType: 'soa_item', entityId: 'A.2.3' }],
    });
    const line = (await owner.get(url('/documented-information'))).body.items.find(
      (i: { key: string }) => i.key === 'statement-of-applicability',
    );
    expect(line).toMatchObject({ state: 'published', version: '1.0', documentId: doc.id });
    expect(line.problems).toEqual([
      'Stale: 1 change to the records it is written from since it was published (soa item).',
    ]);
  });

  it('answers the master list: every mandatory item, what meets it, and what is missing in words', async () => {
    await settings();
    await draftAndPublishedPolicies();
    const res = await owner.get(url('/documented-information'));
    expect(res.status).toBe(200);
    const items = res.body.items as {
      key: string;
      mandatory: boolean;
      state: string;
      problems: string[];
      code: string | null;
      records: string | null;
    }[];
    expect(items.filter((i) => i.mandatory)).toHaveLength(21);
    const by = (k: string) => items.find((i) => i.key === k)!;
    expect(by('ai-policy')).toMatchObject({ state: 'published', code: 'NWL-POL-002', problems: [] });
    expect(by('aims-scope')).toMatchObject({
      state: 'missing',
      problems: ['No document yet: create “Scope of the AI management system” from its template in Documents.'],
    });
    expect(by('ai-system-impact-assessments')).toMatchObject({
      state: 'missing',
      problems: [
        'No impact assessment has been signed off yet.',
        'In scope without a signed-off impact assessment: Credit scorer.',
      ],
    });
    expect(by('internal-audit-records')).toMatchObject({
      state: 'missing',
      problems: ['The internal audit programme is not approved yet.', 'No internal audit has been signed off yet.'],
    });
    expect(by('management-review-results')).toMatchObject({
      state: 'missing',
      problems: ['No management review has been held yet.'],
    });
    expect(by('nonconformity-records').state).toBe('missing');
    expect(by('ai-risk-criteria').state).toBe('missing');
    // The organization's own documents follow the mandatory items.
    expect(items.some((i) => !i.mandatory && i.code === 'NWL-POL-001')).toBe(true);
  });

  it('records who has read the version in force, and who has not yet (7.3 awareness)', async () => {
    await settings();
    await draftAndPublishedPolicies();
    const policy = (
      (await owner.get(url('/documents'))).body.items as {
        code: string;
        id: string;
        inForce: { id: string } | null;
        latest: { id: string };
      }[]
    ).find((d) => d.code === 'NWL-POL-002')!;
    const ackUrl = url(`/documents/${policy.id}/versions/${policy.inForce!.id}/acknowledgements`);
    const before = (await owner.get(ackUrl)).body;
    expect(before.acknowledged).toEqual([]);
    expect(before.pending.map((p: { id: string }) => p.id)).toContain(contributor.user!.id);
    const first = await contributor.post(ackUrl);
    expect(first.status).toBe(200);
    expect(first.body.acknowledged).toEqual([
      { user: { id: contributor.user!.id, name: 'contributor person' }, at: expect.any(String) },
    ]);
    expect(first.body.pending.map((p: { id: string }) => p.id)).not.toContain(contributor.user!.id);
    const again = await contributor.post(ackUrl);
    expect(again.body.acknowledged).toEqual(first.body.acknowledged);
    const draft = (
      (await owner.get(url('/documents'))).body.items as { code: string; id: string; latest: { id: string } }[]
    ).find((d) => d.code === 'NWL-POL-001')!;
    const refused = await contributor.post(url(`/documents/${draft.id}/versions/${draft.latest.id}/acknowledgements`));
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toBe('Only the version in force is acknowledged; version 1.0 is draft.');
    const events = (
      await owner.get(
        url(`/audit-events?entityType=document&entityId=${policy.id}&action=document_version.acknowledged`),
      )
    ).body.items;
    expect(events).toHaveLength(1);
  });

  it('keeps documents to their organization', async () => {
    await settings();
    await draftPolicy();
    const { owner: stranger, orgId: otherOrg } = await newOrgOwner(ctx(), 'Elsewhere');
    const mine = (await owner.get(url('/documents'))).body.items[0];
    expect((await stranger.get(`/api/orgs/${orgId}/documents/${mine.id}`)).status).toBe(404);
    expect((await stranger.get(`/api/orgs/${otherOrg}/documents/${mine.id}`)).status).toBe(404);
    expect(
      (await stranger.get(`/api/orgs/${otherOrg}/documents/${mine.id}/versions/${mine.latest.id}/export.pdf`)).status,
    ).toBe(404);
    expect((await stranger.get(`/api/orgs/${otherOrg}/documents`)).body.items).toEqual([]);
  });

  it('numbers documents of one type consecutively when they are created at once', async () => {
    await settings();
    const created = await Promise.all(
      Array.from({ length: 6 }, () => owner.post(url('/documents'), { typeId: 'communication-plan' })),
    );
    expect(created.map((r) => r.status)).toEqual(Array(6).fill(201));
    expect(created.map((r) => r.body.code as string).sort()).toEqual([
      'NWL-COM-001',
      'NWL-COM-002',
      'NWL-COM-003',
      'NWL-COM-004',
      'NWL-COM-005',
      'NWL-COM-006',
    ]);
  });

  it('approves a version once when two approvals arrive at the same moment', async () => {
    await settings();
    const doc = (await owner.post(url('/documents'), { typeId: 'objectives-plan' })).body;
    const vUrl = url(`/documents/${doc.id}/versions/${doc.latest.id}`);
    const v = (
      await owner.post(`${vUrl}/submit`, { version: 1, reviewerIds: [], dueDate: null, changeSummary: 'First plan' })
    ).body;
    const results = await Promise.all([
      approver.post(`${vUrl}/approve`, { version: v.version }),
      owner.post(`${vUrl}/approve`, { version: v.version }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it('writes every procedure and plan from the records: the AI systems, their suppliers, the members and the impact assessments', async () => {
    await settings();
    await owner.post(
      url('/ai-systems'),
      validAiSystem({ name: 'Support chatbot', lifecycleStage: 'design', thirdParties: ['Acme LLM API'] }),
    );
    const types = ((await owner.get(url('/document-types'))).body.items as { id: string; kind: string }[]).filter(
      (t) => t.kind === 'narrative',
    );
    expect(types.length).toBeGreaterThanOrEqual(14);
    const text: Record<string, string> = {};
    for (const t of types) {
      const res = await owner.post(url('/documents'), { typeId: t.id });
      expect(res.status, t.id).toBe(201);
      text[t.id] = JSON.stringify(
        (await owner.get(url(`/documents/${res.body.id}/versions/${res.body.latest.id}`))).body.content.sections,
      );
      expect(text[t.id], t.id).toContain('Northwind Docs');
    }
    expect(text['impact-assessment-procedure']).toContain('To be assessed first: Credit scorer.');
    expect(text['impact-assessment-procedure']).toContain('due now for Support chatbot (design)');
    expect(text['impact-assessment-procedure']).toMatch(
      /signed off by [^"]*approver person[^"]*, on behalf of the board of Northwind Lending/,
    );
    expect(text['third-party-procedure']).toContain('Acme LLM API');
    expect(text['competence-procedure']).toContain('manager person (AIMS manager)');
    expect(text['document-control-procedure']).toContain('such as NWL-POL-001 for the AI policy');
    // Nobody holds the internal auditor role here: who audits is left for the organization to say.
    expect(text['internal-audit-procedure']).toContain('[[Who carries out internal audits');
  });
});
