import { expect, it } from 'vitest';
import { addMember, type Client, describeEachDialect, newOrgOwner, validAiSystem } from './harness';
import { download, upload } from './files';

// The external auditor workspace (issue 14 item 3): a curated, read-only set for the time-boxed
// external auditor, every view and download logged, and requests for more evidence that become tasks.

async function publishedDocument(owner: Client, orgId: string, publish: boolean) {
  const doc = (await owner.post(`/api/orgs/${orgId}/documents`, { typeId: 'roles-responsibilities' })).body;
  if (!publish) return doc.id as string;
  const url = `/api/orgs/${orgId}/documents/${doc.id}/versions/${doc.latest.id}`;
  let v = (await owner.get(url)).body;
  v = (
    await owner.post(`${url}/submit`, { version: v.version, reviewerIds: [], dueDate: null, changeSummary: 'First' })
  ).body;
  v = (await owner.post(`${url}/approve`, { version: v.version })).body;
  const published = await owner.post(`${url}/publish`, { version: v.version });
  expect(published.status, published.text).toBe(200);
  return doc.id as string;
}

describeEachDialect('external auditor workspace', (ctx) => {
  it('shows the curated set read-only, logs every view and download, turns requests into tasks, and closes with the time box', async () => {
    const { owner, orgId } = await newOrgOwner(ctx(), 'Audited Org');
    const api = `/api/orgs/${orgId}`;
    const ws = `${api}/auditor-workspace`;
    const contributor = await addMember(ctx(), owner, orgId, 'contributor');
    const expiresAt = new Date(Date.now() + 14 * 86_400_000).toISOString();
    const auditor = await addMember(ctx(), owner, orgId, 'external_auditor', { expiresAt });

    const published = await publishedDocument(owner, orgId, true);
    const draft = await publishedDocument(owner, orgId, false);
    const sharedFile = (
      await upload(owner, `${api}/evidence/files`, Buffer.from('training log'), { fileName: 'training.txt' })
    ).body;
    const unshared = (await owner.post(`${api}/evidence`, { title: 'Board minutes', url: 'https://wiki.example/m' }))
      .body;
    expect((await owner.put(`${ws}/shares/${sharedFile.id}`, {})).status).toBe(204);
    expect((await owner.put(`${ws}/shares/${sharedFile.id}`, {})).status).toBe(204); // twice: no change
    expect((await owner.get(`${ws}/shares`)).body.items.map((s: { evidenceId: string }) => s.evidenceId)).toEqual([
      sharedFile.id,
    ]);

    // The workspace: the published document only, the shared evidence only, no SoA approved yet.
    const home = await auditor.get(ws);
    expect(home.status, home.text).toBe(200);
    expect(home.body.accessExpiresAt).toBe(expiresAt);
    expect(home.body.documents.map((d: { id: string }) => d.id)).toEqual([published]);
    expect(home.body.evidence.map((e: { id: string }) => e.id)).toEqual([sharedFile.id]);
    expect(home.body.soa).toBeNull();
    expect((await auditor.get(`${ws}/soa`)).status).toBe(404);

    // Drafts and unshared evidence are not found, here and through the registers.
    expect((await auditor.get(`${ws}/documents/${draft}`)).status).toBe(404);
    expect((await auditor.get(`${ws}/documents/${draft}/export.pdf`)).status).toBe(404);
    expect((await auditor.get(`${ws}/evidence/${unshared.id}`)).status).toBe(404);
    expect((await auditor.get(`${ws}/evidence/${unshared.id}/file`)).status).toBe(404);
    expect((await auditor.get(`${api}/evidence/${unshared.id}`)).status).toBe(403);
    expect((await auditor.get(`${api}/documents/${draft}`)).status).toBe(403);

    // Views and downloads of what is shared.
    const doc = await auditor.get(`${ws}/documents/${published}`);
    expect(doc.status, doc.text).toBe(200);
    expect(doc.body).toMatchObject({ id: published, versionLabel: '1.0' });
    const pdf = await download(auditor, `${ws}/documents/${published}/export.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await auditor.get(`${ws}/evidence/${sharedFile.id}`)).body).toMatchObject({ title: sharedFile.title });
    const file = await download(auditor, `${ws}/evidence/${sharedFile.id}/file`);
    expect(file.bytes.toString()).toBe('training log');
    // The owner's own look is not the auditor's: not logged.
    expect((await owner.get(`${ws}/documents/${published}`)).status).toBe(200);

    const log = (await owner.get(`${ws}/access-log`)).body.items as {
      kind: string;
      entityType: string;
      entityId: string;
      auditor: string;
    }[];
    expect(log.map((l) => `${l.kind} ${l.entityType} ${l.entityId}`)).toEqual([
      `downloaded evidence ${sharedFile.id}`,
      `viewed evidence ${sharedFile.id}`,
      `downloaded document ${published}`,
      `viewed document ${published}`,
    ]);
    expect(new Set(log.map((l) => l.auditor))).toEqual(new Set([auditor.user!.name]));
    expect((await auditor.get(`${ws}/access-log`)).status).toBe(403);

    // Nothing to write but requests.
    expect((await auditor.post(`${api}/evidence`, { title: 'x', url: 'https://x.example' })).status).toBe(403);
    expect((await auditor.post(`${api}/ai-systems`, validAiSystem())).status).toBe(403);
    expect((await auditor.put(`${ws}/shares/${unshared.id}`, {})).status).toBe(403);
    expect((await auditor.delete(`${ws}/shares/${sharedFile.id}`)).status).toBe(403);

    // A request about a control goes to the control's owner as a task.
    const ctl = await owner.put(`${api}/controls/A.6.2.4/implementation`, {
      version: 0,
      ownerId: contributor.user!.id,
    });
    expect(ctl.status, ctl.text).toBe(200);
    const raised = await auditor.post(`${ws}/requests`, {
      title: 'Verification records of the last release',
      detail: 'The test report and its sign-off',
      ref: 'A.6.2.4',
    });
    expect(raised.status, raised.text).toBe(201);
    expect(raised.body).toMatchObject({ ref: 'RQ-1', status: 'open', assignee: { id: contributor.user!.id } });
    expect((await auditor.post(`${ws}/requests`, { title: ' ' })).body.error.message).toMatch(/Title/);
    const tasks = (await contributor.get('/api/me/tasks')).body.items as { kind: string; id: string }[];
    expect(tasks).toContainEqual(expect.objectContaining({ kind: 'evidence_request', id: raised.body.id }));
    expect((await auditor.patch(`${ws}/requests/${raised.body.id}`, { version: 1, dueOn: '2099-01-01' })).status).toBe(
      403,
    );
    expect(
      (await auditor.post(`${ws}/requests/${raised.body.id}/answer`, { version: 1, evidenceIds: [unshared.id] }))
        .status,
    ).toBe(403);

    // The assignee answers with evidence from the library; the auditor sees the answer and the evidence.
    const stale = await contributor.post(`${ws}/requests/${raised.body.id}/answer`, {
      version: 9,
      evidenceIds: [unshared.id],
    });
    expect(stale.status).toBe(409);
    const answered = await contributor.post(`${ws}/requests/${raised.body.id}/answer`, {
      version: 1,
      answer: 'See the minutes',
      evidenceIds: [unshared.id],
    });
    expect(answered.status, answered.text).toBe(200);
    const seen = (await auditor.get(`${ws}/requests/${raised.body.id}`)).body;
    expect(seen).toMatchObject({
      status: 'answered',
      answer: 'See the minutes',
      answeredByName: contributor.user!.name,
    });
    expect(seen.evidence).toEqual([{ id: unshared.id, reference: unshared.reference, title: 'Board minutes' }]);
    expect((await auditor.get(`${ws}/evidence/${unshared.id}`)).status).toBe(200);
    expect(((await contributor.get('/api/me/tasks')).body.items as { id: string }[]).map((t) => t.id)).not.toContain(
      raised.body.id,
    );

    // The audit trail has the request and the sharing.
    const events = (await owner.get(`${api}/audit-events?limit=200`)).body.items as { action: string }[];
    const actions = events.map((e) => e.action);
    for (const a of ['evidence_request.created', 'evidence_request.answered', 'evidence.shared_with_auditors'])
      expect(actions).toContain(a);

    // The time box closes: the workspace is gone for the auditor.
    await ctx()
      .handle.db.updateTable('memberships')
      .set({ expiresAt: new Date(Date.now() - 1000).toISOString() })
      .where('orgId', '=', orgId)
      .where('userId', '=', auditor.user!.id)
      .execute();
    expect((await auditor.get(ws)).status).toBe(404);
    expect((await auditor.get(`${ws}/evidence/${sharedFile.id}/file`)).status).toBe(404);
    expect((await auditor.post(`${ws}/requests`, { title: 'More' })).status).toBe(404);
  });

  it('lets managers assign a request and unshare evidence, and answers 404 to another organization', async () => {
    const { owner, orgId } = await newOrgOwner(ctx(), 'Org A');
    const ws = `/api/orgs/${orgId}/auditor-workspace`;
    const manager = await addMember(ctx(), owner, orgId, 'manager');
    const r = (await owner.post(`${ws}/requests`, { title: 'Risk register extract' })).body;
    expect(r.assignee).toBeNull();
    const assigned = await manager.patch(`${ws}/requests/${r.id}`, {
      version: r.version,
      assigneeId: manager.user!.id,
    });
    expect(assigned.status, assigned.text).toBe(200);
    expect(assigned.body).toMatchObject({ assignee: { id: manager.user!.id }, version: 2 });
    expect((await manager.patch(`${ws}/requests/${r.id}`, { version: 1, dueOn: null })).status).toBe(409);
    expect(
      (await manager.patch(`${ws}/requests/${r.id}`, { version: 2, assigneeId: 'nobody' })).body.error.message,
    ).toMatch(/Assignee/);

    const ev = (await owner.post(`/api/orgs/${orgId}/evidence`, { title: 'Policy', url: 'https://x.example/p' })).body;
    await manager.put(`${ws}/shares/${ev.id}`, {});
    expect((await manager.delete(`${ws}/shares/${ev.id}`)).status).toBe(204);
    expect((await manager.get(`${ws}/shares`)).body.items).toEqual([]);

    const other = await newOrgOwner(ctx(), 'Org B');
    expect((await other.owner.get(`${ws}/requests/${r.id}`)).status).toBe(404);
    expect((await other.owner.put(`/api/orgs/${other.orgId}/auditor-workspace/shares/${ev.id}`, {})).status).toBe(404);
  });
});
