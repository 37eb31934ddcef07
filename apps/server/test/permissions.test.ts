import { beforeAll, expect, it } from 'vitest';
import { ACTIONS, can, ROLES, type Action, type Role } from '@fortytwo/domain';
import {
  addMember,
  anonymous,
  type Client,
  describeEachDialect,
  newOrgOwner,
  uniqueEmail,
  validAiSystem,
} from './harness';
import { download, upload } from './files';
import { routeAccessList } from './route-access';

/**
 * One concrete request per org-scoped route. `prepare` (run as the owner) makes what the request
 * needs, so an allowed role gets a real success and a refused role a 403 on the same request.
 */
type Case = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  route: string;
  prepare: (o: Ctx) => Promise<{ url: string; body?: Record<string, unknown>; file?: Buffer; fileName?: string }>;
};
type Ctx = { owner: Client; orgId: string; server: Parameters<typeof addMember>[0]; memberIds: string[] };

const newAiSystem = async ({ owner, orgId }: Ctx) =>
  (await owner.post(`/api/orgs/${orgId}/ai-systems`, validAiSystem({ name: `sys ${uniqueEmail()}` }))).body as {
    id: string;
    version: number;
  };

let seq = 0;
const newThirdParty = async ({ owner, orgId }: Ctx, r: 'data-sets' | 'suppliers') =>
  (await owner.post(`/api/orgs/${orgId}/${r}`, { name: `Perm ${r} ${++seq}` })).body as { id: string };
const newCustomControl = async ({ owner, orgId }: Ctx) =>
  (await owner.post(`/api/orgs/${orgId}/custom-controls`, { ref: `P-${++seq}`, title: 'T', description: 'D' }))
    .body as { id: string; version: number };
const newAssessment = async ({ owner, orgId }: Ctx) =>
  (await owner.post(`/api/orgs/${orgId}/gap-assessments`, { name: 'Perm' })).body as { id: string };
const newAction = async ({ owner, orgId }: Ctx) =>
  (await owner.post(`/api/orgs/${orgId}/actions`, { title: 'Perm action' })).body as { id: string };
/** An assessment with one evidence file uploaded on 4.1. */
const newEvidence = async (c: Ctx) => {
  const { id } = await newAssessment(c);
  const up = await upload(
    c.owner,
    `/api/orgs/${c.orgId}/gap-assessments/${id}/items/4.1/files`,
    Buffer.from('evidence'),
    { fileName: 'evidence.txt' },
  );
  return { id, fileId: (up.body as { files: { id: string }[] }).files[0]!.id };
};
const newIssue = async ({ owner, orgId }: Ctx) =>
  (await owner.post(`/api/orgs/${orgId}/context-issues`, { kind: 'internal', category: 'other', description: 'Perm' }))
    .body as { id: string };
const newParty = async ({ owner, orgId }: Ctx) =>
  (await owner.post(`/api/orgs/${orgId}/interested-parties`, { name: 'Perm', category: 'other' })).body as {
    id: string;
  };
const newActivity = async ({ owner, orgId }: Ctx) =>
  (await owner.post(`/api/orgs/${orgId}/raci`, { name: `Perm activity ${++seq}` })).body as { id: string };
// Low: a high untreated risk would block every plan and SoA approval case after it (issue 15's rules).
const newRisk = async ({ owner, orgId }: Ctx) =>
  (
    await owner.post(`/api/orgs/${orgId}/risks`, {
      title: `Perm risk ${++seq}`,
      source: 'C.3.1',
      likelihood: 1,
      consequence: 2,
    })
  ).body as { id: string; version: number };
const newTreatment = async (c: Ctx) => {
  const r = await newRisk(c);
  // With an owned, dated action: a treatment without one blocks the plan's approval (issue 15).
  const actions = [{ title: `Perm action ${++seq}`, ownerId: c.owner.user!.id, dueDate: '2099-01-31' }];
  const t = (
    await c.owner.post(`/api/orgs/${c.orgId}/risks/${r.id}/treatments`, {
      option: 'modify',
      controlRefs: ['A.6.2.4'],
      actions,
    })
  ).body as { id: string; version: number };
  return { riskId: r.id, id: t.id, version: t.version };
};
// Every effect area answered (sign-off refuses less, issue 15), societal ones stated not applicable with the reason.
const effects = Object.fromEntries(
  ['fairness', 'transparency', 'privacy', 'safety', 'accessibility', 'human_rights'].map((k) => [
    k,
    'None expected: scores are advisory',
  ]),
);
const completeImpact = {
  trigger: 'new_system',
  intendedUse: 'Scoring',
  affectedGroups: [{ group: 'Applicants', effects }],
  societalNotApplicable: 'An internal scoring aid with no societal reach',
  severity: 2,
  likelihood: 2,
  conclusion: 'Fine',
  retentionUntil: '2040-01-01',
};
const newImpact = async ({ owner, orgId }: Ctx) => {
  const aiSystemId = (await newAiSystem({ owner, orgId } as Ctx)).id;
  return (await owner.post(`/api/orgs/${orgId}/impact-assessments`, { aiSystemId, ...completeImpact })).body as {
    id: string;
    version: number;
  };
};
/** A draft of the criteria to approve or edit: started from the criteria in force when there is none. */
const criteriaDraft = async ({ owner, orgId }: Ctx) => {
  const state = (await owner.get(`/api/orgs/${orgId}/risk-criteria`)).body;
  if (state.draft) return state.draft as { version: number };
  const {
    number: _n,
    id: _i,
    status: _s,
    approvedAt: _a,
    approvedBy: _b,
    version: _v,
    updatedAt: _u,
    ...content
  } = state.inForce;
  return (await owner.put(`/api/orgs/${orgId}/risk-criteria/draft`, { ...content, version: 0 })).body.draft as {
    version: number;
  };
};
/** An approvable SoA: every control decided, and one change since the last approval. */
const soaDraft = async ({ owner, orgId }: Ctx) => {
  const soa = (await owner.get(`/api/orgs/${orgId}/soa`)).body as {
    items: { ref: string; included: boolean | null; version: number }[];
  };
  for (const i of soa.items.filter((x) => x.included === null))
    await owner.patch(`/api/orgs/${orgId}/soa/items/${i.ref}`, { version: i.version, included: true });
  const first = (await owner.get(`/api/orgs/${orgId}/soa`)).body.items[0];
  await owner.patch(`/api/orgs/${orgId}/soa/items/${first.ref}`, {
    version: first.version,
    justification: `Reason ${++seq}`,
  });
  // The SoA rests on the treatment plan as it stands being approved (issue 15): approve it when earlier cases changed it.
  const plan = (await owner.get(`/api/orgs/${orgId}/risk-treatment-plan`)).body as { number: number };
  await owner.post(`/api/orgs/${orgId}/risk-treatment-plan/approve`, {
    number: plan.number,
    acknowledgement: 'Owners are named at the next review',
  });
  return (await owner.get(`/api/orgs/${orgId}/soa`)).body as { version: number };
};
/** A custom control included in the SoA with an operating implementation (its ref and version). */
const newControl = async (c: Ctx) => {
  const ref = `PC-${++seq}`;
  await c.owner.post(`/api/orgs/${c.orgId}/custom-controls`, { ref, title: 'Perm control', description: 'D' });
  await c.owner.patch(`/api/orgs/${c.orgId}/soa/items/${ref}`, { version: 0, included: true });
  const impl = (
    await c.owner.put(`/api/orgs/${c.orgId}/controls/${ref}/implementation`, {
      version: 0,
      status: 'operating',
      cadenceMonths: 3,
    })
  ).body as { version: number };
  return { ref, version: impl.version };
};
const newOccurrence = async (c: Ctx) => {
  const { ref } = await newControl(c);
  const d = (
    await c.owner.post(`/api/orgs/${c.orgId}/controls/${ref}/occurrences`, { performedOn: '2026-01-15', outcome: 'ok' })
  ).body as { occurrences: { id: string }[] };
  return { ref, id: d.occurrences[0]!.id };
};
/** A document of a register type (no text to write, so it can be approved at once), moved as far as `to`. */
const newDocument = async (
  c: Ctx,
  to: 'draft' | 'in_review' | 'approved' | 'published' = 'draft',
  reviewerIds: string[] = [],
) => {
  const doc = (await c.owner.post(`/api/orgs/${c.orgId}/documents`, { typeId: 'roles-responsibilities' })).body as {
    id: string;
    latest: { id: string };
  };
  const url = `/api/orgs/${c.orgId}/documents/${doc.id}/versions/${doc.latest.id}`;
  let v = (await c.owner.get(url)).body as { version: number };
  if (to !== 'draft')
    v = (
      await c.owner.post(`${url}/submit`, {
        version: v.version,
        reviewerIds,
        dueDate: null,
        changeSummary: 'First issue',
      })
    ).body;
  if (to === 'approved' || to === 'published') v = (await c.owner.post(`${url}/approve`, { version: v.version })).body;
  if (to === 'published') v = (await c.owner.post(`${url}/publish`, { version: v.version })).body;
  return { id: doc.id, url, version: v.version };
};
const newCompetence = async ({ owner, orgId }: Ctx) =>
  (await owner.post(`/api/orgs/${orgId}/competences`, { name: `Perm competence ${++seq}` })).body as {
    id: string;
    version: number;
  };
const newPerson = async ({ owner, orgId }: Ctx) =>
  (await owner.post(`/api/orgs/${orgId}/people`, { name: `Perm person ${++seq}` })).body as {
    id: string;
    version: number;
  };
const newDevelopmentAction = async ({ owner, orgId }: Ctx) =>
  (await owner.post(`/api/orgs/${orgId}/development-actions`, { title: `Perm course ${++seq}`, kind: 'course' }))
    .body as { id: string; version: number };
const newAssignment = async (c: Ctx) =>
  (
    await c.owner.post(`/api/orgs/${c.orgId}/training-assignments`, {
      personId: (await newPerson(c)).id,
      actionId: (await newDevelopmentAction(c)).id,
    })
  ).body as { id: string; version: number };
const newObjective = async ({ owner, orgId }: Ctx) =>
  (await owner.post(`/api/orgs/${orgId}/objectives`, { title: `Perm objective ${++seq}` })).body as {
    id: string;
    version: number;
  };
const newMetric = async ({ owner, orgId }: Ctx) =>
  (await owner.post(`/api/orgs/${orgId}/metrics`, { name: `Perm metric ${++seq}`, upperThreshold: 10 })).body as {
    id: string;
    version: number;
  };
const newEngagement = async ({ owner, orgId }: Ctx) =>
  (await owner.post(`/api/orgs/${orgId}/certification-engagements`, { cbName: `Perm CB ${++seq}` })).body as {
    id: string;
    version: number;
  };
/** A CB audit of a fresh engagement (stage 2, done unless said), and a finding of it. */
const newCertAudit = async (c: Ctx, status = 'done') => {
  const e = await newEngagement(c);
  const a = (
    await c.owner.post(`/api/orgs/${c.orgId}/certification-engagements/${e.id}/audits`, { kind: 'stage2', status })
  ).body as { id: string; version: number };
  return { engagementId: e.id, ...a };
};
const newCertFinding = async (c: Ctx) => {
  const a = await newCertAudit(c);
  return (
    await c.owner.post(`/api/orgs/${c.orgId}/certification-audits/${a.id}/findings`, {
      grade: 'minor',
      clauseRef: '7.5',
      title: `Perm finding ${++seq}`,
    })
  ).body as { id: string; version: number };
};
const newCertificate = async (c: Ctx) => {
  const a = await newCertAudit(c);
  return (
    await c.owner.post(`/api/orgs/${c.orgId}/certification-engagements/${a.engagementId}/certificate`, {
      certificateNumber: `PERM-${++seq}`,
      decisionDate: '2026-11-01',
      issueDate: '2026-11-01',
    })
  ).body as { id: string; version: number };
};
const importFile = (id: string) =>
  `format: fortytwo/framework@1\nid: ${id}\nname: Perm\nversion: "1"\nitems:\n  - { ref: R1, kind: requirement, title: Rule one }\n`;

/** A piece of evidence (a link) in the library, and one attached to a control. */
const newLibraryEvidence = async ({ owner, orgId }: Ctx) =>
  (await owner.post(`/api/orgs/${orgId}/evidence`, { title: `Perm evidence ${++seq}`, url: 'https://x.example/perm' }))
    .body as { id: string; version: number };
const newFileEvidence = async ({ owner, orgId }: Ctx) =>
  (await upload(owner, `/api/orgs/${orgId}/evidence/files`, Buffer.from('evidence'), { fileName: 'evidence.txt' }))
    .body as { id: string; version: number };
const linkedEvidence = async (c: Ctx) => {
  const e = await newLibraryEvidence(c);
  await c.owner.post(`/api/orgs/${c.orgId}/evidence/${e.id}/links`, { subjectType: 'control', subjectId: 'A.2.2' });
  return e;
};

// Internal audit and nonconformities (issue 13). A second manager raises and owns the nonconformities
// whose review and closure are walked, since nobody reviews or closes their own.
const helpers = new Map<string, Client>();
const ncHelper = async (c: Ctx) => {
  if (!helpers.has(c.orgId)) helpers.set(c.orgId, await addMember(c.server, c.owner, c.orgId, 'manager'));
  return helpers.get(c.orgId)!;
};
const newAudit = async ({ owner, orgId }: Ctx) =>
  (await owner.post(`/api/orgs/${orgId}/audits`, { title: `Perm audit ${++seq}`, scope: { refs: ['9.2'] } })).body as {
    id: string;
    version: number;
    checklist: { id: string; version: number }[];
  };
/** A nonconformity of `by` (raised and owned), taken to `until`. */
const newNc = async (c: Ctx, until: 'open' | 'actions_planned' | 'effectiveness_review' | 'verified', by?: Client) => {
  const who = by ?? c.owner;
  const api = `/api/orgs/${c.orgId}/nonconformities`;
  let nc = (await who.post(api, { source: 'other', grade: 'minor', title: `Perm NC ${++seq}`, ownerId: who.user!.id }))
    .body as { id: string; version: number; actions: { id: string; version: number }[] };
  if (until === 'open') return nc;
  nc = (await who.patch(`${api}/${nc.id}`, { version: nc.version, correction: 'c', rootCause: 'r' })).body;
  nc = (await who.post(`${api}/${nc.id}/actions`, { title: 'a', ownerId: who.user!.id, dueDate: '2099-01-31' })).body;
  nc = (await who.post(`${api}/${nc.id}/plan`, { version: nc.version })).body;
  if (until === 'actions_planned') return nc;
  const act = nc.actions[0]!;
  await who.patch(`/api/orgs/${c.orgId}/actions/${act.id}`, { version: act.version, status: 'done' });
  nc = (await who.post(`${api}/${nc.id}/start-review`, { version: nc.version })).body;
  if (until === 'effectiveness_review') return nc;
  return (await c.owner.post(`${api}/${nc.id}/review`, { version: nc.version, effective: true, notes: 'ok' }))
    .body as typeof nc;
};

// The external auditor workspace: evidence shared with the auditors, and an auditor's request.
const aw = (c: Ctx) => `/api/orgs/${c.orgId}/auditor-workspace`;
const sharedWithAuditors = async (c: Ctx, e: { id: string }) => {
  await c.owner.put(`${aw(c)}/shares/${e.id}`, {});
  return e.id;
};
const newEvidenceRequest = async (c: Ctx) =>
  (await c.owner.post(`${aw(c)}/requests`, { title: `Perm request ${++seq}` })).body as { id: string; version: number };
const today = () => new Date().toISOString().slice(0, 10);
const newReview = async ({ owner, orgId }: Ctx, chairId: string = owner.user!.id) =>
  (
    await owner.post(`/api/orgs/${orgId}/management-reviews`, {
      title: `Perm review ${++seq}`,
      meetingDate: today(),
      chairId,
      attendeeIds: [owner.user!.id],
    })
  ).body as { id: string; version: number };
/** A held review with a conclusion, chaired by whoever will ask to sign it off. */
let signOffCalls = 0;
const heldReviewForNextRole = async (c: Ctx) => {
  // The matrix asks every role in ROLES order, preparing once per role; memberIds is in the same
  // order, so the n-th preparation names the n-th role's member as chair (only the chair signs).
  const chairId = c.memberIds[signOffCalls++ % c.memberIds.length]!;
  const r = await newReview(c, chairId);
  const held = (await c.owner.post(`/api/orgs/${c.orgId}/management-reviews/${r.id}/hold`, { version: r.version }))
    .body as { version: number };
  const concluded = (
    await c.owner.patch(`/api/orgs/${c.orgId}/management-reviews/${r.id}`, {
      version: held.version,
      conclusion: 'Suitable, adequate and effective',
    })
  ).body as { version: number };
  return { id: r.id, version: concluded.version };
};

// Saved views (issue 20): each person changes only their own. The matrix prepares once per role in
// ROLES order (memberIds is in the same order), so the n-th preparation saves a view for the n-th
// role's member. A test that walks the roles, or acts as the owner (the first of memberIds), starts
// the count again (restartRoleWalk) rather than count on where another test left it.
let viewCalls = 0;
/** The next preparation names the first role's member (the owner) again, as chair and as a view's owner. */
const restartRoleWalk = () => {
  signOffCalls = 0;
  viewCalls = 0;
};
const viewOfNextRole = async (c: Ctx) => {
  const userId = c.memberIds[viewCalls++ % c.memberIds.length]!;
  const id = `perm-view-${++seq}`;
  const now = new Date().toISOString();
  await c.server.handle.db
    .insertInto('savedViews')
    .values({
      id,
      orgId: c.orgId,
      userId,
      register: 'risks',
      name: `View ${id}`,
      state: '{"filters":{},"sort":null,"order":"asc","hidden":[]}',
      version: 1,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  return { url: `/api/orgs/${c.orgId}/saved-views/${id}`, version: 1 };
};

// The AI system life cycle (issue 16): a release and a change of a fresh AI system.
const newRelease = async (c: Ctx) => {
  const sys = await newAiSystem(c);
  const r = (
    await c.owner.post(`/api/orgs/${c.orgId}/ai-systems/${sys.id}/releases`, {
      version: `1.${++seq}`,
      releasedOn: '2026-11-01',
    })
  ).body as { id: string; version: number };
  return { sys, id: r.id, version: r.version, url: `/api/orgs/${c.orgId}/ai-systems/${sys.id}/releases/${r.id}` };
};
const newChange = async (c: Ctx) => {
  const sys = await newAiSystem(c);
  const ch = (
    await c.owner.post(`/api/orgs/${c.orgId}/ai-systems/${sys.id}/changes`, {
      kind: 'vendor_model_update',
      title: `Change ${++seq}`,
      occurredOn: '2026-11-01',
    })
  ).body as { id: string; version: number; reassessments: { id: string; version: number }[] };
  return { sys, ...ch, url: `/api/orgs/${c.orgId}/ai-systems/${sys.id}/changes/${ch.id}` };
};
const VV = {
  tests: [{ area: 'performance', criterion: 'AUC ≥ 0.8', result: '0.83', passed: true }],
  decision: 'deploy',
  decidedOn: '2026-11-01',
  decidedByName: 'CI',
};

const CASES: Case[] = [
  {
    method: 'GET',
    route: '/api/orgs/:orgId/audit-programme',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/audit-programme` }),
  },
  {
    method: 'PUT',
    route: '/api/orgs/:orgId/audit-programme',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/audit-programme`,
      body: { version: (await c.owner.get(`/api/orgs/${c.orgId}/audit-programme`)).body.version, cycleYears: 3 },
    }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/audit-programme/approve',
    prepare: async (c) => {
      const cur = (await c.owner.get(`/api/orgs/${c.orgId}/audit-programme`)).body;
      const draft = (await c.owner.put(`/api/orgs/${c.orgId}/audit-programme`, { version: cur.version, cycleYears: 2 }))
        .body;
      return {
        url: `/api/orgs/${c.orgId}/audit-programme/approve`,
        body: { version: draft.version, acknowledgement: 'Planned during the cycle' },
      };
    },
  },
  { method: 'GET', route: '/api/orgs/:orgId/audits', prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/audits` }) },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/audits/export.csv',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/audits/export.csv` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/audits/export.xlsx',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/audits/export.xlsx` }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/audits',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/audits`, body: { title: 'Perm', scope: { refs: ['9.2'] } } }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/audits/:id',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/audits/${(await newAudit(c)).id}` }),
  },
  {
    method: 'PATCH',
    route: '/api/orgs/:orgId/audits/:id',
    prepare: async (c) => {
      const a = await newAudit(c);
      return { url: `/api/orgs/${c.orgId}/audits/${a.id}`, body: { version: a.version, title: 'Renamed' } };
    },
  },
  ...(['docx', 'pdf'] as const).map((format): Case => ({
    method: 'GET',
    route: `/api/orgs/:orgId/audits/:id/report.${format}`,
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/audits/${(await newAudit(c)).id}/report.${format}` }),
  })),
  {
    method: 'PATCH',
    route: '/api/orgs/:orgId/audits/:id/checklist/:itemId',
    prepare: async (c) => {
      const a = await newAudit(c);
      const item = a.checklist[0]!;
      return {
        url: `/api/orgs/${c.orgId}/audits/${a.id}/checklist/${item.id}`,
        body: { version: item.version, result: 'conforms' },
      };
    },
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/audits/:id/findings',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/audits/${(await newAudit(c)).id}/findings`,
      body: { grade: 'observation', statement: 'Perm' },
    }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/nonconformities',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/nonconformities` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/nonconformities/export.csv',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/nonconformities/export.csv` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/nonconformities/export.xlsx',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/nonconformities/export.xlsx` }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/nonconformities',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/nonconformities`,
      body: { source: 'other', grade: 'minor', title: 'Perm' },
    }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/nonconformities/:id',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/nonconformities/${(await newNc(c, 'open')).id}` }),
  },
  {
    method: 'PATCH',
    route: '/api/orgs/:orgId/nonconformities/:id',
    prepare: async (c) => {
      const nc = await newNc(c, 'open');
      return { url: `/api/orgs/${c.orgId}/nonconformities/${nc.id}`, body: { version: nc.version, correction: 'c' } };
    },
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/nonconformities/:id/actions',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/nonconformities/${(await newNc(c, 'open')).id}/actions`,
      body: { title: 'Perm', ownerId: c.owner.user!.id, dueDate: '2099-01-31' },
    }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/nonconformities/:id/plan',
    prepare: async (c) => {
      const api = `/api/orgs/${c.orgId}/nonconformities`;
      let nc = await newNc(c, 'open');
      nc = (await c.owner.patch(`${api}/${nc.id}`, { version: nc.version, correction: 'c', rootCause: 'r' })).body;
      nc = (
        await c.owner.post(`${api}/${nc.id}/actions`, { title: 'a', ownerId: c.owner.user!.id, dueDate: '2099-01-31' })
      ).body;
      return { url: `${api}/${nc.id}/plan`, body: { version: nc.version } };
    },
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/nonconformities/:id/start-review',
    prepare: async (c) => {
      const nc = await newNc(c, 'actions_planned');
      const act = nc.actions[0]!;
      await c.owner.patch(`/api/orgs/${c.orgId}/actions/${act.id}`, { version: act.version, status: 'done' });
      return { url: `/api/orgs/${c.orgId}/nonconformities/${nc.id}/start-review`, body: { version: nc.version } };
    },
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/nonconformities/:id/review',
    prepare: async (c) => {
      const nc = await newNc(c, 'effectiveness_review', await ncHelper(c));
      return {
        url: `/api/orgs/${c.orgId}/nonconformities/${nc.id}/review`,
        body: { version: nc.version, effective: true, notes: 'Checked' },
      };
    },
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/nonconformities/:id/close',
    prepare: async (c) => {
      const nc = await newNc(c, 'verified', await ncHelper(c));
      return { url: `/api/orgs/${c.orgId}/nonconformities/${nc.id}/close`, body: { version: nc.version } };
    },
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/improvements',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/improvements` }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/improvements',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/improvements`, body: { title: 'Perm' } }),
  },
  {
    method: 'PATCH',
    route: '/api/orgs/:orgId/improvements/:id',
    prepare: async (c) => {
      const imp = (await c.owner.post(`/api/orgs/${c.orgId}/improvements`, { title: 'Perm' })).body;
      return { url: `/api/orgs/${c.orgId}/improvements/${imp.id}`, body: { version: imp.version, status: 'done' } };
    },
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/sso-settings',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/sso-settings` }),
  },
  {
    method: 'PUT',
    route: '/api/orgs/:orgId/sso-settings',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/sso-settings`,
      body: {
        version: (await c.owner.get(`/api/orgs/${c.orgId}/sso-settings`)).body.version,
        allowedDomains: [`d${++seq}.example.com`],
        defaultRole: 'viewer',
        groupRoles: [],
        localSignIn: true,
      },
    }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/competences',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/competences` }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/competences',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/competences`, body: { name: `Competence ${++seq}` } }),
  },
  {
    method: 'PATCH',
    route: '/api/orgs/:orgId/competences/:id',
    prepare: async (c) => {
      const x = await newCompetence(c);
      return { url: `/api/orgs/${c.orgId}/competences/${x.id}`, body: { version: x.version, description: 'Changed' } };
    },
  },
  {
    method: 'DELETE',
    route: '/api/orgs/:orgId/competences/:id',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/competences/${(await newCompetence(c)).id}` }),
  },
  { method: 'GET', route: '/api/orgs/:orgId/people', prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/people` }) },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/people',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/people`, body: { name: 'Contractor' } }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/people/:id',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/people/${(await newPerson(c)).id}` }),
  },
  {
    method: 'PATCH',
    route: '/api/orgs/:orgId/people/:id',
    prepare: async (c) => {
      const x = await newPerson(c);
      return { url: `/api/orgs/${c.orgId}/people/${x.id}`, body: { version: x.version, organization: 'Partner Ltd' } };
    },
  },
  {
    method: 'DELETE',
    route: '/api/orgs/:orgId/people/:id',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/people/${(await newPerson(c)).id}` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/development-actions',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/development-actions` }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/development-actions',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/development-actions`,
      body: { title: 'Course', kind: 'course' },
    }),
  },
  {
    method: 'PATCH',
    route: '/api/orgs/:orgId/development-actions/:id',
    prepare: async (c) => {
      const x = await newDevelopmentAction(c);
      return {
        url: `/api/orgs/${c.orgId}/development-actions/${x.id}`,
        body: { version: x.version, validityMonths: 12 },
      };
    },
  },
  {
    method: 'DELETE',
    route: '/api/orgs/:orgId/development-actions/:id',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/development-actions/${(await newDevelopmentAction(c)).id}` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/training-assignments',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/training-assignments` }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/training-assignments',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/training-assignments`,
      body: { personId: (await newPerson(c)).id, actionId: (await newDevelopmentAction(c)).id, dueOn: '2099-01-31' },
    }),
  },
  {
    method: 'PATCH',
    route: '/api/orgs/:orgId/training-assignments/:id',
    prepare: async (c) => {
      const x = await newAssignment(c);
      return {
        url: `/api/orgs/${c.orgId}/training-assignments/${x.id}`,
        body: { version: x.version, dueOn: '2099-02-28' },
      };
    },
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/training-assignments/:id/completions',
    prepare: async (c) => {
      const x = await newAssignment(c);
      return {
        url: `/api/orgs/${c.orgId}/training-assignments/${x.id}/completions`,
        body: {
          version: x.version,
          completedOn: '2026-01-15',
          result: 'passed',
          evidenceKind: 'attestation',
          attestation: 'Signed by the trainer',
        },
      };
    },
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/competence-matrix',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/competence-matrix` }),
  },
  ...(['csv', 'xlsx'] as const).flatMap((f) =>
    ['competence-matrix', 'training-assignments', 'competences', 'people', 'development-actions'].map((r): Case => ({
      method: 'GET',
      route: `/api/orgs/:orgId/${r}/export.${f}`,
      prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/${r}/export.${f}` }),
    })),
  ),

  {
    method: 'GET',
    route: '/api/orgs/:orgId/objectives',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/objectives` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/objectives/export.csv',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/objectives/export.csv` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/objectives/export.xlsx',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/objectives/export.xlsx` }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/objectives',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/objectives`, body: { title: 'Perm' } }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/objectives/:id',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/objectives/${(await newObjective(c)).id}` }),
  },
  {
    method: 'PATCH',
    route: '/api/orgs/:orgId/objectives/:id',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/objectives/${(await newObjective(c)).id}`,
      body: { version: 1, status: 'in_progress' },
    }),
  },
  {
    method: 'DELETE',
    route: '/api/orgs/:orgId/objectives/:id',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/objectives/${(await newObjective(c)).id}` }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/objectives/:id/progress',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/objectives/${(await newObjective(c)).id}/progress`,
      body: { onDate: '2027-01-31', value: 1 },
    }),
  },
  {
    method: 'DELETE',
    route: '/api/orgs/:orgId/objectives/:id/progress/:entryId',
    prepare: async (c) => {
      const o = await newObjective(c);
      const entry = (
        await c.owner.post(`/api/orgs/${c.orgId}/objectives/${o.id}/progress`, { onDate: '2027-01-31', value: 1 })
      ).body.progress[0];
      return { url: `/api/orgs/${c.orgId}/objectives/${o.id}/progress/${entry.id}` };
    },
  },
  { method: 'GET', route: '/api/orgs/:orgId/metrics', prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/metrics` }) },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/metrics/export.csv',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/metrics/export.csv` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/metrics/export.xlsx',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/metrics/export.xlsx` }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/metrics',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/metrics`, body: { name: 'Perm' } }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/metrics/:id',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/metrics/${(await newMetric(c)).id}` }),
  },
  {
    method: 'PATCH',
    route: '/api/orgs/:orgId/metrics/:id',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/metrics/${(await newMetric(c)).id}`,
      body: { version: 1, frequency: 'weekly' },
    }),
  },
  {
    method: 'DELETE',
    route: '/api/orgs/:orgId/metrics/:id',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/metrics/${(await newMetric(c)).id}` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/metrics/:id/measurements',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/metrics/${(await newMetric(c)).id}/measurements` }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/metrics/:id/measurements',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/metrics/${(await newMetric(c)).id}/measurements`,
      body: { value: 1 },
    }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/metrics/:id/measurements/import',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/metrics/${(await newMetric(c)).id}/measurements/import?dryRun=true`,
      file: Buffer.from('at,value\n2027-01-31,1\n'),
    }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/evidence',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/evidence?expiry=current` }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/evidence',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/evidence`,
      body: { title: 'Perm link', url: 'https://x.example' },
    }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/evidence/files',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/evidence/files`,
      file: Buffer.from('evidence'),
      fileName: 'evidence.txt',
    }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/evidence/:id',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/evidence/${(await newLibraryEvidence(c)).id}` }),
  },
  {
    method: 'PATCH',
    route: '/api/orgs/:orgId/evidence/:id',
    prepare: async (c) => {
      const e = await newLibraryEvidence(c);
      return { url: `/api/orgs/${c.orgId}/evidence/${e.id}`, body: { version: e.version, title: 'Renamed' } };
    },
  },
  {
    method: 'DELETE',
    route: '/api/orgs/:orgId/evidence/:id',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/evidence/${(await newLibraryEvidence(c)).id}` }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/evidence/:id/revisions',
    prepare: async (c) => {
      const e = await newLibraryEvidence(c);
      return {
        url: `/api/orgs/${c.orgId}/evidence/${e.id}/revisions`,
        body: { version: e.version, url: 'https://x.example/v2' },
      };
    },
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/evidence/:id/revisions/file',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/evidence/${(await newFileEvidence(c)).id}/revisions/file?version=1`,
      file: Buffer.from('evidence v2'),
      fileName: 'evidence.txt',
    }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/evidence/:id/file',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/evidence/${(await newFileEvidence(c)).id}/file` }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/evidence/:id/links',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/evidence/${(await newLibraryEvidence(c)).id}/links`,
      body: { subjectType: 'control', subjectId: 'A.2.2' },
    }),
  },
  {
    method: 'DELETE',
    route: '/api/orgs/:orgId/evidence/:id/links/:subjectType/:subjectId',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/evidence/${(await linkedEvidence(c)).id}/links/control/A.2.2`,
    }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/evidence-links',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/evidence-links?subjectType=control&subjectId=A.2.2` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/evidence/export.csv',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/evidence/export.csv` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/evidence/export.xlsx',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/evidence/export.xlsx` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/evidence/export.zip',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/evidence/export.zip` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/document-types',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/document-types` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/document-settings',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/document-settings` }),
  },
  {
    method: 'PUT',
    route: '/api/orgs/:orgId/document-settings',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/document-settings`,
      body: {
        version: (await c.owner.get(`/api/orgs/${c.orgId}/document-settings`)).body.version,
        codePrefix: 'AIMS',
        classification: 'Internal',
        topManagement: `Board ${++seq}`,
        defaultOwnerId: null,
        defaultApproverId: null,
      },
    }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/documented-information',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/documented-information` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/documented-information/export.csv',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/documented-information/export.csv` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/documented-information/export.xlsx',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/documented-information/export.xlsx` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/documented-information/export.docx',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/documented-information/export.docx` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/documented-information/export.pdf',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/documented-information/export.pdf` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/documents/export.zip',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/documents/export.zip` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/documents',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/documents` }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/documents',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/documents`, body: { typeId: 'communication-plan' } }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/documents/:id',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/documents/${(await newDocument(c)).id}` }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/documents/:id/versions',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/documents/${(await newDocument(c, 'published')).id}/versions`,
      body: { material: false },
    }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/documents/:id/versions/:versionId',
    prepare: async (c) => ({ url: (await newDocument(c)).url }),
  },
  {
    method: 'PATCH',
    route: '/api/orgs/:orgId/documents/:id/versions/:versionId',
    prepare: async (c) => ({ url: (await newDocument(c)).url, body: { version: 1, title: 'Renamed' } }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/documents/:id/versions/:versionId/regenerate',
    prepare: async (c) => {
      const doc = (await c.owner.post(`/api/orgs/${c.orgId}/documents`, { typeId: 'communication-plan' })).body;
      return {
        url: `/api/orgs/${c.orgId}/documents/${doc.id}/versions/${doc.latest.id}/regenerate`,
        body: { version: 1, sectionKeys: ['purpose'] },
      };
    },
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/documents/:id/versions/:versionId/submit',
    prepare: async (c) => ({
      url: `${(await newDocument(c)).url}/submit`,
      body: { version: 1, reviewerIds: [], dueDate: null, changeSummary: 'First issue' },
    }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/documents/:id/versions/:versionId/recall',
    prepare: async (c) => {
      const d = await newDocument(c, 'in_review');
      return { url: `${d.url}/recall`, body: { version: d.version } };
    },
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/documents/:id/versions/:versionId/reviews',
    // Every member reviews, so the only refusal left is the role's.
    prepare: async (c) => {
      const d = await newDocument(c, 'in_review', c.memberIds);
      return { url: `${d.url}/reviews`, body: { version: d.version, decision: 'agree' } };
    },
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/documents/:id/versions/:versionId/send-back',
    prepare: async (c) => {
      const d = await newDocument(c, 'in_review');
      return { url: `${d.url}/send-back`, body: { version: d.version, comment: 'Add the new activity' } };
    },
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/documents/:id/versions/:versionId/approve',
    prepare: async (c) => {
      const d = await newDocument(c, 'in_review');
      return { url: `${d.url}/approve`, body: { version: d.version } };
    },
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/documents/:id/versions/:versionId/publish',
    prepare: async (c) => {
      const d = await newDocument(c, 'approved');
      return { url: `${d.url}/publish`, body: { version: d.version } };
    },
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/documents/:id/versions/:versionId/withdraw',
    prepare: async (c) => {
      const d = await newDocument(c);
      return { url: `${d.url}/withdraw`, body: { version: d.version, comment: 'Not needed' } };
    },
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/documents/:id/versions/:versionId/acknowledgements',
    prepare: async (c) => ({ url: `${(await newDocument(c)).url}/acknowledgements` }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/documents/:id/versions/:versionId/acknowledgements',
    prepare: async (c) => ({ url: `${(await newDocument(c, 'published')).url}/acknowledgements` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/documents/:id/versions/:versionId/export.docx',
    prepare: async (c) => ({ url: `${(await newDocument(c, 'approved')).url}/export.docx` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/documents/:id/versions/:versionId/export.pdf',
    prepare: async (c) => ({ url: `${(await newDocument(c)).url}/export.pdf` }),
  },
  { method: 'GET', route: '/api/orgs/:orgId', prepare: async (c) => ({ url: `/api/orgs/${c.orgId}` }) },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/overview',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/overview` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/soa/gap-results',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/soa/gap-results` }),
  },
  {
    method: 'PATCH',
    route: '/api/orgs/:orgId',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}`,
      body: { version: (await c.owner.get(`/api/orgs/${c.orgId}`)).body.version, name: 'Renamed Org' },
    }),
  },
  { method: 'GET', route: '/api/orgs/:orgId/members', prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/members` }) },
  {
    method: 'PATCH',
    route: '/api/orgs/:orgId/members/:userId',
    prepare: async (c) => {
      const target = await addMember(c.server, c.owner, c.orgId, 'viewer');
      return { url: `/api/orgs/${c.orgId}/members/${target.user!.id}`, body: { version: 1, role: 'contributor' } };
    },
  },
  {
    method: 'DELETE',
    route: '/api/orgs/:orgId/members/:userId',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/members/${(await addMember(c.server, c.owner, c.orgId, 'viewer')).user!.id}`,
    }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/members/:userId/password-reset',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/members/${(await addMember(c.server, c.owner, c.orgId, 'viewer')).user!.id}/password-reset`,
    }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/invitations',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/invitations` }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/invitations',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/invitations`,
      body: { email: uniqueEmail('inv'), role: 'viewer' },
    }),
  },
  {
    method: 'DELETE',
    route: '/api/orgs/:orgId/invitations/:id',
    prepare: async (c) => {
      const inv = await c.owner.post(`/api/orgs/${c.orgId}/invitations`, { email: uniqueEmail('inv'), role: 'viewer' });
      return { url: `/api/orgs/${c.orgId}/invitations/${inv.body.id}` };
    },
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/audit-events',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/audit-events` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/audit-events/verify',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/audit-events/verify` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/ai-systems',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/ai-systems` }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/ai-systems',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/ai-systems`, body: validAiSystem() }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/ai-systems/import',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/ai-systems/import`,
      body: { items: [validAiSystem({ name: `imported ${++seq}` })] },
    }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/ai-systems/bulk',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/ai-systems/bulk`, body: { items: [validAiSystem()] } }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/ai-systems/export.csv',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/ai-systems/export.csv` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/ai-systems/:id',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/ai-systems/${(await newAiSystem(c)).id}` }),
  },
  {
    method: 'PATCH',
    route: '/api/orgs/:orgId/ai-systems/:id',
    prepare: async (c) => {
      const s = await newAiSystem(c);
      return {
        url: `/api/orgs/${c.orgId}/ai-systems/${s.id}`,
        body: { version: s.version, lifecycleStage: 'deployment' },
      };
    },
  },
  {
    method: 'DELETE',
    route: '/api/orgs/:orgId/ai-systems/:id',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/ai-systems/${(await newAiSystem(c)).id}` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/ai-systems/:id/profile',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/ai-systems/${(await newAiSystem(c)).id}/profile` }),
  },
  {
    method: 'PUT',
    route: '/api/orgs/:orgId/ai-systems/:id/profile',
    prepare: async (c) => {
      const s = await newAiSystem(c);
      return {
        url: `/api/orgs/${c.orgId}/ai-systems/${s.id}/profile`,
        body: { version: s.version, intendedUse: 'Perm' },
      };
    },
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/ai-systems/:id/history',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/ai-systems/${(await newAiSystem(c)).id}/history` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/catalog/frameworks',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/catalog/frameworks` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/catalog/frameworks/:frameworkId',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/catalog/frameworks/iso42001` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/catalog/frameworks/:frameworkId/items/:ref',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/catalog/frameworks/iso42001/items/A.2.2` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/catalog/frameworks/:frameworkId/oscal',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/catalog/frameworks/iso42001/oscal` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/catalog/search',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/catalog/search?q=policy` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/catalog/crosswalks',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/catalog/crosswalks` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/catalog/crosswalks/:crosswalkId',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/catalog/crosswalks/iso27001--iso42001` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/custom-controls',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/custom-controls` }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/custom-controls',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/custom-controls`,
      body: { ref: `P-${++seq}`, title: 'T', description: 'D' },
    }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/custom-controls/:id',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/custom-controls/${(await newCustomControl(c)).id}` }),
  },
  {
    method: 'PATCH',
    route: '/api/orgs/:orgId/custom-controls/:id',
    prepare: async (c) => {
      const cc = await newCustomControl(c);
      return { url: `/api/orgs/${c.orgId}/custom-controls/${cc.id}`, body: { version: cc.version, title: 'Changed' } };
    },
  },
  {
    method: 'DELETE',
    route: '/api/orgs/:orgId/custom-controls/:id',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/custom-controls/${(await newCustomControl(c)).id}` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/gap-assessments',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/gap-assessments` }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/gap-assessments',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/gap-assessments`, body: { name: 'Perm' } }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/gap-assessments/progress',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/gap-assessments/progress` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/gap-assessments/:id',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/gap-assessments/${(await newAssessment(c)).id}` }),
  },
  {
    method: 'PATCH',
    route: '/api/orgs/:orgId/gap-assessments/:id',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/gap-assessments/${(await newAssessment(c)).id}`,
      body: { version: 1, name: 'Renamed' },
    }),
  },
  {
    method: 'DELETE',
    route: '/api/orgs/:orgId/gap-assessments/:id',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/gap-assessments/${(await newAssessment(c)).id}` }),
  },
  {
    method: 'PATCH',
    route: '/api/orgs/:orgId/gap-assessments/:id/items/:ref',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/gap-assessments/${(await newAssessment(c)).id}/items/4.1`,
      body: { version: 1, result: 'conformant' },
    }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/gap-assessments/:id/scores',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/gap-assessments/${(await newAssessment(c)).id}/scores` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/gap-assessments/:id/gaps',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/gap-assessments/${(await newAssessment(c)).id}/gaps` }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/gap-assessments/:id/actions',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/gap-assessments/${(await newAssessment(c)).id}/actions`,
      body: { refs: ['4.1'] },
    }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/gap-assessments/:id/snapshots',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/gap-assessments/${(await newAssessment(c)).id}/snapshots`,
      body: {},
    }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/gap-assessments/:id/export.xlsx',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/gap-assessments/${(await newAssessment(c)).id}/export.xlsx` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/gap-assessments/:id/export.csv',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/gap-assessments/${(await newAssessment(c)).id}/export.csv` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/gap-assessments/:id/report.docx',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/gap-assessments/${(await newAssessment(c)).id}/report.docx` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/gap-assessments/:id/report.pdf',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/gap-assessments/${(await newAssessment(c)).id}/report.pdf` }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/gap-assessments/:id/import',
    prepare: async (c) => {
      const url = `/api/orgs/${c.orgId}/gap-assessments/${(await newAssessment(c)).id}`;
      // The assessment's own export, unchanged: a real 200 for writers, the same bytes refused for the rest.
      return { url: `${url}/import`, file: (await download(c.owner, `${url}/export.xlsx`)).bytes };
    },
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/gap-assessments/:id/compare',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/gap-assessments/${(await newAssessment(c)).id}/compare?with=${(await newAssessment(c)).id}`,
    }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/gap-assessments/:id/items/:ref/files',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/gap-assessments/${(await newAssessment(c)).id}/items/4.1/files`,
      file: Buffer.from('evidence'),
      fileName: 'evidence.txt',
    }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/gap-assessments/:id/items/:ref/files/:fileId',
    prepare: async (c) => {
      const { id, fileId } = await newEvidence(c);
      return { url: `/api/orgs/${c.orgId}/gap-assessments/${id}/items/4.1/files/${fileId}` };
    },
  },
  {
    method: 'DELETE',
    route: '/api/orgs/:orgId/gap-assessments/:id/items/:ref/files/:fileId',
    prepare: async (c) => {
      const { id, fileId } = await newEvidence(c);
      return { url: `/api/orgs/${c.orgId}/gap-assessments/${id}/items/4.1/files/${fileId}` };
    },
  },
  { method: 'GET', route: '/api/orgs/:orgId/context', prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/context` }) },
  {
    method: 'PATCH',
    route: '/api/orgs/:orgId/context',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/context`,
      body: { version: (await c.owner.get(`/api/orgs/${c.orgId}/context`)).body.version, summary: `s ${++seq}` },
    }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/context-issues',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/context-issues` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/context-issues/export.csv',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/context-issues/export.csv` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/context-issues/export.xlsx',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/context-issues/export.xlsx` }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/context-issues',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/context-issues`,
      body: { kind: 'internal', category: 'other', description: 'Perm' },
    }),
  },
  {
    method: 'PATCH',
    route: '/api/orgs/:orgId/context-issues/:id',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/context-issues/${(await newIssue(c)).id}`,
      body: { version: 1, description: 'Changed' },
    }),
  },
  {
    method: 'DELETE',
    route: '/api/orgs/:orgId/context-issues/:id',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/context-issues/${(await newIssue(c)).id}` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/interested-parties',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/interested-parties` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/interested-parties/export.csv',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/interested-parties/export.csv` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/interested-parties/export.xlsx',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/interested-parties/export.xlsx` }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/interested-parties',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/interested-parties`,
      body: { name: 'Perm', category: 'other' },
    }),
  },
  {
    method: 'PATCH',
    route: '/api/orgs/:orgId/interested-parties/:id',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/interested-parties/${(await newParty(c)).id}`,
      body: { version: 1, name: 'Changed' },
    }),
  },
  {
    method: 'DELETE',
    route: '/api/orgs/:orgId/interested-parties/:id',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/interested-parties/${(await newParty(c)).id}` }),
  },
  { method: 'GET', route: '/api/orgs/:orgId/scope', prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/scope` }) },
  {
    method: 'PATCH',
    route: '/api/orgs/:orgId/scope',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/scope`,
      body: { version: (await c.owner.get(`/api/orgs/${c.orgId}/scope`)).body.version, units: [`Unit ${++seq}`] },
    }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/scope/approve',
    prepare: async (c) => {
      const current = (await c.owner.get(`/api/orgs/${c.orgId}/scope`)).body;
      const edited = (
        await c.owner.patch(`/api/orgs/${c.orgId}/scope`, {
          version: current.version,
          units: [`Unit ${++seq}`],
          aiSystemIds: [],
          outOfScope: [
            ...current.outOfScope,
            ...current.warnings.map((w: { aiSystemId: string }) => ({ aiSystemId: w.aiSystemId, reason: 'Test' })),
          ],
        })
      ).body;
      return { url: `/api/orgs/${c.orgId}/scope/approve`, body: { version: edited.version } };
    },
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/scope/revisions',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/scope/revisions` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/governance',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/governance` }),
  },
  {
    method: 'PATCH',
    route: '/api/orgs/:orgId/governance/:pillar',
    prepare: async (c) => {
      const pillar = (await c.owner.get(`/api/orgs/${c.orgId}/governance`)).body.items.find(
        (p: { pillar: string }) => p.pillar === 'data_governance',
      );
      return {
        url: `/api/orgs/${c.orgId}/governance/data_governance`,
        body: { version: pillar.version, objectives: [`Objective ${++seq}`] },
      };
    },
  },
  { method: 'GET', route: '/api/orgs/:orgId/raci', prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/raci` }) },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/raci/export.csv',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/raci/export.csv` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/raci/export.xlsx',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/raci/export.xlsx` }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/raci',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/raci`, body: { name: `Activity ${++seq}` } }),
  },
  {
    method: 'PATCH',
    route: '/api/orgs/:orgId/raci/:id',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/raci/${(await newActivity(c)).id}`,
      body: { version: 1, description: 'Changed' },
    }),
  },
  {
    method: 'DELETE',
    route: '/api/orgs/:orgId/raci/:id',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/raci/${(await newActivity(c)).id}` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/raci/columns',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/raci/columns` }),
  },
  {
    method: 'PUT',
    route: '/api/orgs/:orgId/raci/columns',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/raci/columns`,
      body: {
        version: (await c.owner.get(`/api/orgs/${c.orgId}/raci/columns`)).body.version,
        columns: [{ role: ROLES[++seq % ROLES.length]! }],
      },
    }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/risk-criteria',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/risk-criteria` }),
  },
  {
    method: 'PUT',
    route: '/api/orgs/:orgId/risk-criteria/draft',
    prepare: async (c) => {
      const d = (await criteriaDraft(c)) as unknown as Record<string, unknown>;
      return {
        url: `/api/orgs/${c.orgId}/risk-criteria/draft`,
        body: {
          version: d.version,
          likelihoodLabels: d.likelihoodLabels,
          consequenceLabels: d.consequenceLabels,
          levels: d.levels,
          acceptanceLevel: d.acceptanceLevel,
          method: `Method ${++seq}`,
        },
      };
    },
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/risk-criteria/approve',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/risk-criteria/approve`,
      body: { version: (await criteriaDraft(c)).version },
    }),
  },
  { method: 'GET', route: '/api/orgs/:orgId/risks', prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/risks` }) },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/risks',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/risks`,
      body: { title: 'Perm', source: 'C.3.2', likelihood: 1, consequence: 1 },
    }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/risks/:id',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/risks/${(await newRisk(c)).id}` }),
  },
  {
    method: 'PATCH',
    route: '/api/orgs/:orgId/risks/:id',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/risks/${(await newRisk(c)).id}`,
      body: { version: 1, title: 'Changed' },
    }),
  },
  {
    method: 'DELETE',
    route: '/api/orgs/:orgId/risks/:id',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/risks/${(await newRisk(c)).id}` }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/risks/:id/assessments',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/risks/${(await newRisk(c)).id}/assessments`,
      body: { likelihood: 2, consequence: 2 },
    }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/risks/:id/treatments',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/risks/${(await newRisk(c)).id}/treatments`,
      body: {
        option: 'avoid',
        actions: [{ title: `Stop it ${++seq}`, ownerId: c.owner.user!.id, dueDate: '2099-01-31' }],
      },
    }),
  },
  {
    method: 'PATCH',
    route: '/api/orgs/:orgId/risks/:id/treatments/:treatmentId',
    prepare: async (c) => {
      const t = await newTreatment(c);
      return {
        url: `/api/orgs/${c.orgId}/risks/${t.riskId}/treatments/${t.id}`,
        body: { version: t.version, verification: 'Checked' },
      };
    },
  },
  {
    method: 'DELETE',
    route: '/api/orgs/:orgId/risks/:id/treatments/:treatmentId',
    prepare: async (c) => {
      const t = await newTreatment(c);
      return { url: `/api/orgs/${c.orgId}/risks/${t.riskId}/treatments/${t.id}` };
    },
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/risks/:id/acceptances',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/risks/${(await newRisk(c)).id}/acceptances`,
      body: { rationale: 'Accepted', expiresAt: '2099-12-31' },
    }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/risk-treatment-plan',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/risk-treatment-plan` }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/risk-treatment-plan/approve',
    prepare: async (c) => {
      await newRisk(c);
      return {
        url: `/api/orgs/${c.orgId}/risk-treatment-plan/approve`,
        body: {
          number: (await c.owner.get(`/api/orgs/${c.orgId}/risk-treatment-plan`)).body.number,
          acknowledgement: 'Owners are named at the next review',
        },
      };
    },
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/risk-dashboard',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/risk-dashboard` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/impact-assessments',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/impact-assessments` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/impact-gaps',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/impact-gaps` }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/impact-assessments',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/impact-assessments`,
      body: { aiSystemId: (await newAiSystem(c)).id, trigger: 'periodic' },
    }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/impact-assessments/:id',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/impact-assessments/${(await newImpact(c)).id}` }),
  },
  {
    method: 'PATCH',
    route: '/api/orgs/:orgId/impact-assessments/:id',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/impact-assessments/${(await newImpact(c)).id}`,
      body: { version: 1, title: 'Changed' },
    }),
  },
  {
    method: 'DELETE',
    route: '/api/orgs/:orgId/impact-assessments/:id',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/impact-assessments/${(await newImpact(c)).id}` }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/impact-assessments/:id/sign-off',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/impact-assessments/${(await newImpact(c)).id}/sign-off`,
      body: { version: 1 },
    }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/impact-assessments/:id/risks',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/impact-assessments/${(await newImpact(c)).id}/risks`,
      body: { title: 'From impact', source: 'C.3.3', likelihood: 2, consequence: 2 },
    }),
  },
  ...(['docx', 'pdf'] as const).map((format): Case => ({
    method: 'GET',
    route: `/api/orgs/:orgId/impact-assessments/:id/export.${format}`,
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/impact-assessments/${(await newImpact(c)).id}/export.${format}`,
    }),
  })),
  {
    method: 'GET',
    route: '/api/orgs/:orgId/ai-systems/:id/releases',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/ai-systems/${(await newAiSystem(c)).id}/releases` }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/ai-systems/:id/releases',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/ai-systems/${(await newAiSystem(c)).id}/releases`,
      body: { version: `r${++seq}`, releasedOn: '2026-11-01', verification: VV },
    }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/ai-systems/:id/releases/:releaseId',
    prepare: async (c) => ({ url: (await newRelease(c)).url }),
  },
  {
    method: 'PATCH',
    route: '/api/orgs/:orgId/ai-systems/:id/releases/:releaseId',
    prepare: async (c) => {
      const r = await newRelease(c);
      return { url: r.url, body: { version: r.version, whatChanged: 'Changed' } };
    },
  },
  {
    method: 'PUT',
    route: '/api/orgs/:orgId/ai-systems/:id/releases/:releaseId/verification',
    prepare: async (c) => {
      const r = await newRelease(c);
      return { url: `${r.url}/verification`, body: { version: r.version, ...VV } };
    },
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/ai-systems/:id/releases/:releaseId/deployment',
    prepare: async (c) => {
      const r = await newRelease(c);
      return {
        url: `${r.url}/deployment`,
        body: { version: r.version, deployedOn: '2026-11-02', environment: 'prod' },
      };
    },
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/ai-systems/:id/changes',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/ai-systems/${(await newAiSystem(c)).id}/changes` }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/ai-systems/:id/changes',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/ai-systems/${(await newAiSystem(c)).id}/changes`,
      body: { kind: 'retraining', title: `Retrain ${++seq}`, occurredOn: '2026-11-01' },
    }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/ai-systems/:id/changes/:changeId',
    prepare: async (c) => ({ url: (await newChange(c)).url }),
  },
  {
    method: 'PUT',
    route: '/api/orgs/:orgId/ai-systems/:id/changes/:changeId/significance',
    prepare: async (c) => {
      const ch = await newChange(c);
      return {
        url: `${ch.url}/significance`,
        body: { version: ch.version, override: { significant: false, reason: 'A patch release only' } },
      };
    },
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/ai-systems/:id/reassessments/:reassessmentId/complete',
    prepare: async (c) => {
      const ch = await newChange(c);
      const r = ch.reassessments[0]!;
      return {
        url: `/api/orgs/${c.orgId}/ai-systems/${ch.sys.id}/reassessments/${r.id}/complete`,
        body: { version: r.version, note: 'Re-assessed' },
      };
    },
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/reassessments',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/reassessments?status=due` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/ai-systems/:id/operation-plan',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/ai-systems/${(await newAiSystem(c)).id}/operation-plan` }),
  },
  {
    method: 'PUT',
    route: '/api/orgs/:orgId/ai-systems/:id/operation-plan',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/ai-systems/${(await newAiSystem(c)).id}/operation-plan`,
      body: { version: 0, monitoringPlan: 'Weekly review' },
    }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/ai-log-retention-rule',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/ai-log-retention-rule` }),
  },
  {
    method: 'PUT',
    route: '/api/orgs/:orgId/ai-log-retention-rule',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/ai-log-retention-rule`,
      body: {
        version: (await c.owner.get(`/api/orgs/${c.orgId}/ai-log-retention-rule`)).body.version,
        minMonths: 6 + (++seq % 12),
      },
    }),
  },
  { method: 'GET', route: '/api/orgs/:orgId/soa', prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/soa` }) },
  {
    method: 'PATCH',
    route: '/api/orgs/:orgId/soa/items/:ref',
    prepare: async (c) => {
      const item = (await c.owner.get(`/api/orgs/${c.orgId}/soa`)).body.items.find(
        (i: { ref: string }) => i.ref === 'A.2.2',
      );
      return {
        url: `/api/orgs/${c.orgId}/soa/items/A.2.2`,
        body: { version: item.version, implementationStatus: 'planned', justification: `Because ${++seq}` },
      };
    },
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/soa/approve',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/soa/approve`,
      body: { version: (await soaDraft(c)).version, acknowledgement: 'Statuses are set at the first control review' },
    }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/risks/export.csv',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/risks/export.csv` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/risks/export.xlsx',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/risks/export.xlsx` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/risks/export.docx',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/risks/export.docx` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/risks/export.pdf',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/risks/export.pdf` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/risk-treatment-plan/export.xlsx',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/risk-treatment-plan/export.xlsx` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/risk-treatment-plan/export.docx',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/risk-treatment-plan/export.docx` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/risk-treatment-plan/export.pdf',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/risk-treatment-plan/export.pdf` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/soa/export.csv',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/soa/export.csv` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/soa/export.xlsx',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/soa/export.xlsx` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/soa/export.docx',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/soa/export.docx` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/soa/export.pdf',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/soa/export.pdf` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/soa/versions',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/soa/versions` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/soa/versions/:version',
    prepare: async (c) => {
      const versions = (await c.owner.get(`/api/orgs/${c.orgId}/soa/versions`)).body.items;
      const version =
        versions[0]?.version ??
        (await c.owner.post(`/api/orgs/${c.orgId}/soa/approve`, { version: (await soaDraft(c)).version })).body.version;
      return { url: `/api/orgs/${c.orgId}/soa/versions/${version}` };
    },
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/controls',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/controls` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/controls/due',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/controls/due` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/controls/export.csv',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/controls/export.csv` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/controls/export.xlsx',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/controls/export.xlsx` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/controls/:ref',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/controls/${(await newControl(c)).ref}` }),
  },
  {
    method: 'PUT',
    route: '/api/orgs/:orgId/controls/:ref/implementation',
    prepare: async (c) => {
      const { ref, version } = await newControl(c);
      return {
        url: `/api/orgs/${c.orgId}/controls/${ref}/implementation`,
        body: { version, description: 'Reviewed quarterly' },
      };
    },
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/controls/:ref/occurrences',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/controls/${(await newControl(c)).ref}/occurrences`,
      body: { performedOn: '2026-02-01', outcome: 'ok' },
    }),
  },
  {
    method: 'DELETE',
    route: '/api/orgs/:orgId/controls/:ref/occurrences/:id',
    prepare: async (c) => {
      const { ref, id } = await newOccurrence(c);
      return { url: `/api/orgs/${c.orgId}/controls/${ref}/occurrences/${id}` };
    },
  },
  { method: 'GET', route: '/api/orgs/:orgId/actions', prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/actions` }) },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/actions',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/actions`, body: { title: 'Write the AI policy' } }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/actions/:id',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/actions/${(await newAction(c)).id}` }),
  },
  {
    method: 'PATCH',
    route: '/api/orgs/:orgId/actions/:id',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/actions/${(await newAction(c)).id}`,
      body: { version: 1, status: 'in_progress' },
    }),
  },
  {
    method: 'DELETE',
    route: '/api/orgs/:orgId/actions/:id',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/actions/${(await newAction(c)).id}` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/catalog/imports',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/catalog/imports` }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/catalog/imports',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/catalog/imports`,
      body: { content: importFile(`perm-${++seq}`) },
    }),
  },
  {
    method: 'DELETE',
    route: '/api/orgs/:orgId/catalog/imports/:id',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/catalog/imports/${(await c.owner.post(`/api/orgs/${c.orgId}/catalog/imports`, { content: importFile(`perm-${++seq}`) })).body.id}`,
    }),
  },
  // Issue 16 items 3–5: data sets, suppliers, EU AI Act classification, the A.10.4 split.
  ...(['data-sets', 'suppliers'] as const).flatMap((r) => [
    {
      method: 'GET' as const,
      route: `/api/orgs/:orgId/${r}`,
      prepare: async (c: Ctx) => ({ url: `/api/orgs/${c.orgId}/${r}` }),
    },
    {
      method: 'POST' as const,
      route: `/api/orgs/:orgId/${r}`,
      prepare: async (c: Ctx) => ({ url: `/api/orgs/${c.orgId}/${r}`, body: { name: `Perm ${r} ${++seq}` } }),
    },
    ...(['csv', 'xlsx'] as const).map((f) => ({
      method: 'GET' as const,
      route: `/api/orgs/:orgId/${r}/export.${f}`,
      prepare: async (c: Ctx) => ({ url: `/api/orgs/${c.orgId}/${r}/export.${f}` }),
    })),
    {
      method: 'GET' as const,
      route: `/api/orgs/:orgId/${r}/:id`,
      prepare: async (c: Ctx) => ({ url: `/api/orgs/${c.orgId}/${r}/${(await newThirdParty(c, r)).id}` }),
    },
    {
      method: 'PATCH' as const,
      route: `/api/orgs/:orgId/${r}/:id`,
      prepare: async (c: Ctx) => ({
        url: `/api/orgs/${c.orgId}/${r}/${(await newThirdParty(c, r)).id}`,
        body: { version: 1, name: `Renamed ${++seq}` },
      }),
    },
    {
      method: 'DELETE' as const,
      route: `/api/orgs/:orgId/${r}/:id`,
      prepare: async (c: Ctx) => ({ url: `/api/orgs/${c.orgId}/${r}/${(await newThirdParty(c, r)).id}` }),
    },
  ]),
  {
    method: 'POST',
    route: '/api/orgs/:orgId/suppliers/:id/reviews',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/suppliers/${(await newThirdParty(c, 'suppliers')).id}/reviews`,
      body: { version: 1, reviewedOn: '2026-01-15' },
    }),
  },
  ...(['ai-act', 'customer-responsibilities'] as const).flatMap((r) => [
    {
      method: 'GET' as const,
      route: `/api/orgs/:orgId/ai-systems/:id/${r}`,
      prepare: async (c: Ctx) => ({ url: `/api/orgs/${c.orgId}/ai-systems/${(await newAiSystem(c)).id}/${r}` }),
    },
    {
      method: 'PUT' as const,
      route: `/api/orgs/:orgId/ai-systems/:id/${r}`,
      prepare: async (c: Ctx) => ({
        url: `/api/orgs/${c.orgId}/ai-systems/${(await newAiSystem(c)).id}/${r}`,
        body: r === 'ai-act' ? { version: 0, prohibitedScreened: true } : { version: 0, items: [] },
      }),
    },
  ]),
  // Certification (step 6): the readiness check and the certification body engagements.
  ...['/readiness', '/readiness/export.xlsx', '/readiness/export.csv', '/readiness/report.pdf'].map((path): Case => ({
    method: 'GET',
    route: `/api/orgs/:orgId${path}`,
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}${path}?stage=2` }),
  })),
  // OSCAL exports (issue 14 item 7): the POA&M needs an open nonconformity to have an item.
  {
    method: 'GET',
    route: '/api/orgs/:orgId/oscal/assessment-results',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/oscal/assessment-results?stage=2` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/oscal/poam',
    prepare: async (c) => {
      await newNc(c, 'open');
      return { url: `/api/orgs/${c.orgId}/oscal/poam` };
    },
  },
  // The external auditor workspace (issue 14 item 3): what it shows exists for every role's request.
  { method: 'GET', route: '/api/orgs/:orgId/auditor-workspace', prepare: async (c) => ({ url: aw(c) }) },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/auditor-workspace/documents/:id',
    prepare: async (c) => ({ url: `${aw(c)}/documents/${(await newDocument(c, 'published')).id}` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/auditor-workspace/documents/:id/export.pdf',
    prepare: async (c) => ({ url: `${aw(c)}/documents/${(await newDocument(c, 'published')).id}/export.pdf` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/auditor-workspace/soa',
    prepare: async (c) => {
      if ((await c.owner.get(`${aw(c)}/soa`)).status === 404)
        await c.owner.post(`/api/orgs/${c.orgId}/soa/approve`, {
          version: (await soaDraft(c)).version,
          acknowledgement: 'Statuses are set at the first control review',
        });
      return { url: `${aw(c)}/soa` };
    },
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/auditor-workspace/evidence/:id',
    prepare: async (c) => ({ url: `${aw(c)}/evidence/${await sharedWithAuditors(c, await newLibraryEvidence(c))}` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/auditor-workspace/evidence/:id/file',
    prepare: async (c) => ({
      url: `${aw(c)}/evidence/${await sharedWithAuditors(c, await newFileEvidence(c))}/file`,
    }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/auditor-workspace/requests/:id',
    prepare: async (c) => ({ url: `${aw(c)}/requests/${(await newEvidenceRequest(c)).id}` }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/auditor-workspace/requests',
    prepare: async (c) => ({ url: `${aw(c)}/requests`, body: { title: `Perm request ${++seq}`, ref: 'A.6.2.4' } }),
  },
  {
    method: 'PATCH',
    route: '/api/orgs/:orgId/auditor-workspace/requests/:id',
    prepare: async (c) => {
      const r = await newEvidenceRequest(c);
      return { url: `${aw(c)}/requests/${r.id}`, body: { version: r.version, dueOn: '2099-01-31' } };
    },
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/auditor-workspace/requests/:id/answer',
    prepare: async (c) => {
      const r = await newEvidenceRequest(c);
      const e = await newLibraryEvidence(c);
      return { url: `${aw(c)}/requests/${r.id}/answer`, body: { version: r.version, evidenceIds: [e.id] } };
    },
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/auditor-workspace/shares',
    prepare: async (c) => ({ url: `${aw(c)}/shares` }),
  },
  {
    method: 'PUT',
    route: '/api/orgs/:orgId/auditor-workspace/shares/:id',
    prepare: async (c) => ({ url: `${aw(c)}/shares/${(await newLibraryEvidence(c)).id}` }),
  },
  {
    method: 'DELETE',
    route: '/api/orgs/:orgId/auditor-workspace/shares/:id',
    prepare: async (c) => ({ url: `${aw(c)}/shares/${await sharedWithAuditors(c, await newLibraryEvidence(c))}` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/auditor-workspace/access-log',
    prepare: async (c) => ({ url: `${aw(c)}/access-log` }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/saved-views',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/saved-views?register=risks` }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/saved-views',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/saved-views`,
      body: { register: 'risks', name: `Perm view ${++seq}`, state: { filters: { status: 'open' } } },
    }),
  },
  {
    method: 'PATCH',
    route: '/api/orgs/:orgId/saved-views/:id',
    prepare: async (c) => {
      const v = await viewOfNextRole(c);
      return { url: v.url, body: { version: v.version, name: `Renamed ${++seq}` } };
    },
  },
  {
    method: 'DELETE',
    route: '/api/orgs/:orgId/saved-views/:id',
    prepare: async (c) => ({ url: (await viewOfNextRole(c)).url }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/certification-engagements',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/certification-engagements` }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/certification-engagements',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/certification-engagements`, body: { cbName: 'Perm CB' } }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/certification-engagements/:id',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/certification-engagements/${(await newEngagement(c)).id}` }),
  },
  {
    method: 'PATCH',
    route: '/api/orgs/:orgId/certification-engagements/:id',
    prepare: async (c) => {
      const e = await newEngagement(c);
      return {
        url: `/api/orgs/${c.orgId}/certification-engagements/${e.id}`,
        body: { version: e.version, notes: 'Perm' },
      };
    },
  },
  {
    method: 'DELETE',
    route: '/api/orgs/:orgId/certification-engagements/:id',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/certification-engagements/${(await newEngagement(c)).id}` }),
  },
  // Certification audits, findings, the certificate and its cycle (step 6, items 4 and 5).
  ...['/cycle', '/status-report.pdf'].map((path): Case => ({
    method: 'GET',
    route: `/api/orgs/:orgId/certification-engagements/:id${path}`,
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/certification-engagements/${(await newEngagement(c)).id}${path}`,
    }),
  })),
  {
    method: 'POST',
    route: '/api/orgs/:orgId/certification-engagements/:id/audits',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/certification-engagements/${(await newEngagement(c)).id}/audits`,
      body: { kind: 'stage1', startDate: '2026-09-01' },
    }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/certification-engagements/:id/certificate',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/certification-engagements/${(await newCertAudit(c)).engagementId}/certificate`,
      body: { certificateNumber: 'PERM', decisionDate: '2026-11-01', issueDate: '2026-11-02' },
    }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/certification-audits/:auditId',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/certification-audits/${(await newCertAudit(c)).id}` }),
  },
  {
    method: 'PATCH',
    route: '/api/orgs/:orgId/certification-audits/:auditId',
    prepare: async (c) => {
      const a = await newCertAudit(c, 'planned');
      return {
        url: `/api/orgs/${c.orgId}/certification-audits/${a.id}`,
        body: { version: a.version, conclusion: 'Perm' },
      };
    },
  },
  {
    method: 'DELETE',
    route: '/api/orgs/:orgId/certification-audits/:auditId',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/certification-audits/${(await newCertAudit(c)).id}` }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/certification-audits/:auditId/findings',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/certification-audits/${(await newCertAudit(c)).id}/findings`,
      body: { grade: 'ofi', clauseRef: '9.1', title: 'Perm OFI' },
    }),
  },
  {
    method: 'PATCH',
    route: '/api/orgs/:orgId/certification-findings/:findingId',
    prepare: async (c) => {
      const f = await newCertFinding(c);
      return {
        url: `/api/orgs/${c.orgId}/certification-findings/${f.id}`,
        body: { version: f.version, cbAcceptedOn: '2026-12-01' },
      };
    },
  },
  {
    method: 'PATCH',
    route: '/api/orgs/:orgId/certificates/:certificateId',
    prepare: async (c) => {
      const cert = await newCertificate(c);
      return { url: `/api/orgs/${c.orgId}/certificates/${cert.id}`, body: { version: cert.version, scope: 'Perm' } };
    },
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/no-change-confirmations',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/no-change-confirmations` }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/ai-systems/:id/no-change-confirmations',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/ai-systems/${(await newAiSystem(c)).id}/no-change-confirmations`,
      body: { note: 'Perm' },
    }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/management-reviews',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/management-reviews` }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/management-reviews',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/management-reviews`,
      body: { title: 'Perm', meetingDate: today() },
    }),
  },
  {
    method: 'GET',
    route: '/api/orgs/:orgId/management-reviews/:id',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/management-reviews/${(await newReview(c)).id}` }),
  },
  {
    method: 'PATCH',
    route: '/api/orgs/:orgId/management-reviews/:id',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/management-reviews/${(await newReview(c)).id}`,
      body: { version: 1, notes: 'Perm' },
    }),
  },
  {
    method: 'DELETE',
    route: '/api/orgs/:orgId/management-reviews/:id',
    prepare: async (c) => ({ url: `/api/orgs/${c.orgId}/management-reviews/${(await newReview(c)).id}` }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/management-reviews/:id/hold',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/management-reviews/${(await newReview(c)).id}/hold`,
      body: { version: 1 },
    }),
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/management-reviews/:id/sign-off',
    prepare: async (c) => {
      const r = await heldReviewForNextRole(c);
      return { url: `/api/orgs/${c.orgId}/management-reviews/${r.id}/sign-off`, body: { version: r.version } };
    },
  },
  {
    method: 'POST',
    route: '/api/orgs/:orgId/management-reviews/:id/actions',
    prepare: async (c) => ({
      url: `/api/orgs/${c.orgId}/management-reviews/${(await newReview(c)).id}/actions`,
      body: { title: 'Perm action' },
    }),
  },
  ...(['docx', 'pdf'] as const).map((f) => ({
    method: 'GET' as const,
    route: `/api/orgs/:orgId/management-reviews/:id/minutes.${f}`,
    prepare: async (c: Ctx) => ({
      url: `/api/orgs/${c.orgId}/management-reviews/${(await newReview(c)).id}/minutes.${f}`,
    }),
  })),
];

describeEachDialect('permission matrix', (ctx) => {
  let c: Ctx;
  const members = new Map<Role, Client>();

  beforeAll(async () => {
    const { owner, orgId } = await newOrgOwner(ctx());
    c = { owner, orgId, server: ctx(), memberIds: [owner.user!.id] };
    members.set('owner', owner);
    const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString();
    for (const role of ROLES.filter((r) => r !== 'owner')) {
      members.set(
        role,
        await addMember(ctx(), owner, orgId, role, role === 'external_auditor' ? { expiresAt: inAMonth } : {}),
      );
      c.memberIds.push(members.get(role)!.user!.id);
    }
  });

  it('declares exactly the routes and access rules written out in route-access.ts', () => {
    const declared = ctx().app.apiRoutes.map((r) => `${r.method} ${r.url} ${r.access}`);
    const expected = routeAccessList().map((r) => `${r.method} ${r.url} ${r.access}`);
    expect(declared.sort()).toEqual(expected.sort());
    for (const r of routeAccessList()) expect(['public', 'user', ...ACTIONS]).toContain(r.access);
  });

  it('has a case for every org-scoped route', () => {
    const orgRoutes = routeAccessList()
      .filter((r) => r.access !== 'public' && r.access !== 'user')
      .map((r) => `${r.method} ${r.url}`);
    expect(orgRoutes.sort()).toEqual(CASES.map((k) => `${k.method} ${k.route}`).sort());
  });

  it('allows exactly what the permission table allows, for every role on every route', async () => {
    // The sign-off and saved-view cases name each role's member in ROLES order, counting their preparations.
    restartRoleWalk();
    // The access rule comes from the hand-written list, not from the route under test.
    const actionOf = (k: Case) =>
      routeAccessList().find((r) => r.method === k.method && r.url === k.route)!.access as Action;
    const verdicts: string[] = [];
    for (const k of CASES) {
      for (const role of ROLES) {
        const { url, body, file, fileName } = await k.prepare(c);
        const res = file
          ? await upload(members.get(role)!, url, file, fileName ? { fileName } : {})
          : await members.get(role)!.request(k.method, url, body);
        const allowed = can(role, actionOf(k));
        const ok = allowed
          ? res.status >= 200 && res.status < 300
          : res.status === 403 && res.body.error.code === 'FORBIDDEN';
        if (!ok)
          verdicts.push(
            `${role} ${k.method} ${k.route}: expected ${allowed ? '2xx' : '403'}, got ${res.status} ${res.text.slice(0, 200)}`,
          );
      }
    }
    expect(verdicts).toEqual([]);
    // Every role on every route, one after the other: the walk grows with the API and outlasts the default timeout on a busy machine.
  }, 600_000);

  // Issue 22: every versioned write, found from the OpenAPI document (a body with `version`), so a
  // new one cannot be forgotten: a version that is not the current one is 409 and changes nothing.
  it('refuses a stale version with 409 and changes nothing, on every versioned write', async () => {
    // Run as the owner: the saved view and the review to sign off are the owner's (the first of the walk).
    restartRoleWalk();
    const openapi = (await c.owner.get('/api/openapi.json')).body as OpenApi;
    const versioned = versionedWrites(openapi).filter((r) => r.startsWith('/api/orgs/', r.indexOf(' ') + 1));
    const cases = CASES.filter((k) => versioned.includes(`${k.method} ${k.route}`));
    expect(cases.map((k) => `${k.method} ${k.route}`).sort()).toEqual([...versioned].sort());
    const problems: string[] = [];
    for (const k of cases) {
      const { url, body } = await k.prepare(c);
      const current = body!.version as number;
      // The record as GET shows it, where the same address reads it.
      const readable = CASES.some((g) => g.method === 'GET' && g.route === k.route);
      const before = readable ? (await c.owner.get(url)).body : undefined;
      const res = await c.owner.request(k.method, url, { ...body, version: current + 1 });
      if (res.status !== 409 || res.body.error.code !== 'STALE_VERSION')
        problems.push(
          `${k.method} ${k.route}: expected 409 STALE_VERSION, got ${res.status} ${res.text.slice(0, 160)}`,
        );
      if (readable) {
        const after = (await c.owner.get(url)).body;
        if (JSON.stringify(after) !== JSON.stringify(before))
          problems.push(`${k.method} ${k.route}: changed by a refused write`);
      }
    }
    expect(problems).toEqual([]);
  }, 300_000);

  // Issue 22: a record of one organization is not found through another one, on every route that
  // names a record by its id (GET, writes and deletes alike).
  it('answers 404 to another organization on every route that names a record', async () => {
    const other = await newOrgOwner(ctx(), 'Other tenant');
    const problems: string[] = [];
    const named = CASES.filter((k) => /:(id|userId|treatmentId|versionId|fileId|entryId|subjectId)\b/.test(k.route));
    expect(named.length).toBeGreaterThan(40);
    for (const k of named) {
      const { url, body, file, fileName } = await k.prepare(c);
      const theirs = url.replace(`/api/orgs/${c.orgId}`, `/api/orgs/${other.orgId}`);
      const res = file
        ? await upload(other.owner, theirs, file, fileName ? { fileName } : {})
        : await other.owner.request(k.method, theirs, body);
      if (res.status !== 404)
        problems.push(`${k.method} ${k.route}: expected 404, got ${res.status} ${res.text.slice(0, 160)}`);
    }
    expect(problems).toEqual([]);
  }, 300_000);

  it('lets only owners make owners, and never removes the last owner', async () => {
    const manager = members.get('manager')!;
    const inv = await manager.post(`/api/orgs/${c.orgId}/invitations`, { email: uniqueEmail(), role: 'owner' });
    expect(inv.status).toBe(403);
    const ownerId = c.owner.user!.id;
    const demote = await c.owner.patch(`/api/orgs/${c.orgId}/members/${ownerId}`, { version: 1, role: 'viewer' });
    expect(demote.status).toBe(422);
    expect(demote.body.error.message).toMatch(/last owner/);
  });

  it('answers 401 to anonymous callers on every non-public route', async () => {
    for (const r of ctx().app.apiRoutes.filter((x) => x.access !== 'public')) {
      const url = r.url.replace(':orgId', c.orgId).replace(/:[a-zA-Z]+/g, 'x');
      const res = await anonymous(ctx()).request(r.method as 'GET', url, r.method === 'GET' ? undefined : {});
      expect(res.status, `${r.method} ${r.url}`).toBe(401);
    }
  });
});

type OpenApi = {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
  components?: { schemas?: Record<string, Schema> };
};
type Schema = {
  $ref?: string;
  type?: string;
  properties?: Record<string, unknown>;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
};

/** "METHOD /api/…/:param" of every write whose JSON body has a numeric `version` (a record's version, not a release's name). */
function versionedWrites(doc: OpenApi): string[] {
  const versionOf = (s: Schema | undefined): Schema | undefined => {
    if (!s) return undefined;
    if (s.$ref) return versionOf(doc.components?.schemas?.[s.$ref.split('/').pop()!]);
    const own = s.properties?.version as Schema | undefined;
    if (own) return own;
    for (const x of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])]) {
      const found = versionOf(x);
      if (found) return found;
    }
    return undefined;
  };
  const numeric = (s: Schema | undefined): boolean =>
    !!s && (s.type === 'integer' || s.type === 'number' || [...(s.anyOf ?? []), ...(s.oneOf ?? [])].some(numeric));
  const out: string[] = [];
  for (const [path, ops] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(ops)) {
      if (!['post', 'put', 'patch', 'delete'].includes(method)) continue;
      if (numeric(versionOf(op.requestBody?.content?.['application/json']?.schema)))
        out.push(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`);
    }
  return out;
}
