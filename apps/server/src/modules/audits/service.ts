import { z } from 'zod';
import {
  AIMS_CLAUSES,
  AUDIT_METHODS,
  AUDIT_STATUSES,
  auditCoverage,
  CHECKLIST_RESULTS,
  covers,
  FINDING_GRADES,
  independenceWarnings,
  NONCONFORMITY_GRADES,
  programmeWarnings,
  RESPONSE_DAYS,
  addDays,
  addMonths,
  todayIn,
  type AuditScope,
  type AuditStatus,
  type CreateAudit,
  type CreateFinding,
  type FindingGrade,
  type Involvement,
  type UpdateAudit,
  type UpdateChecklistItem,
  type UpdateProgramme,
} from '@fortytwo/domain';
import type { Actor } from '../../platform/audit';
import { gateApproval } from '../../platform/approval';
import type { Db, Tx } from '../../platform/db/connect';
import { nextNumber } from '../../platform/db/record-numbers';
import type { AuditChecklistItemTable, AuditFindingTable, AuditTable } from '../../platform/db/schema';
import { writeOne } from '../../platform/db/versioned';
import { AppError, notFound, ruleViolation, staleVersion } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import { builtinCatalog } from '../catalog/builtin';
import { documentTypes } from '../documents/types';
import { evidenceForMany, linkEvidence } from '../evidence/links';
import { isActiveMember } from '../orgs/members';
import { soaItems } from '../soa/service';
import { logImprovementInTx, raiseNonconformityInTx } from '../nonconformities/service';
import { now } from '../../platform/clock';

// Internal audit (9.2): the programme (one per organization, versioned, approved), audits with their
// plan, the independence check, a checklist generated from the scope, and findings. A major or minor
// finding raises a nonconformity (modules/nonconformities); an opportunity for improvement enters the
// improvement log. A completed audit is signed off and frozen.

const today = () => todayIn(null, now());
export const auditRef = (n: number) => `AUD-${n}`;
const parse = <T>(s: string): T => JSON.parse(s) as T;

// ---- Programme ------------------------------------------------------------------------------------

const ZCoverageRow = z.object({
  unit: z.string(),
  title: z.string(),
  kind: z.enum(['clause', 'control']),
  audited: z.array(z.string()),
  planned: z.array(z.string()),
  lastAuditedOn: z.string().nullable(),
  state: z.enum(['covered', 'stale', 'planned', 'never']),
});
export const ZProgrammeOut = z.object({
  title: z.string(),
  cycleStart: z.string(),
  cycleYears: z.number(),
  cycleEnd: z.string(),
  approach: z.string().describe('how frequency is weighted by importance, risk and past results'),
  status: z.enum(['draft', 'approved']),
  approvedRevision: z.number().nullable(),
  approvals: z.array(
    z.object({ number: z.number(), approvedAt: z.string(), approvedByName: z.string(), acknowledgement: z.string() }),
  ),
  coverage: z.array(ZCoverageRow),
  warnings: z.array(z.object({ code: z.string(), message: z.string(), blocking: z.boolean() })),
  version: z.number().describe('0 before the first save'),
});
export type ProgrammeOut = z.infer<typeof ZProgrammeOut>;

/** Clauses 4–10 and every Annex A (or custom) control the SoA does not exclude. */
async function coverageUnits(db: Db | Tx, orgId: string) {
  const iso = builtinCatalog();
  const clauses = AIMS_CLAUSES.map((c) => ({
    unit: c,
    title: iso.item('iso42001', c)?.title ?? `Clause ${c}`,
    kind: 'clause' as const,
  }));
  const controls = (await soaItems(db, orgId))
    .filter((i) => i.included !== false)
    .map((i) => ({ unit: i.ref, title: i.title, kind: 'control' as const }));
  return [...clauses, ...controls];
}

async function coverageOf(db: Db | Tx, orgId: string) {
  const units = await coverageUnits(db, orgId);
  const audits = await db
    .selectFrom('audits')
    .select(['number', 'scope', 'status', 'plannedStart', 'completedAt', 'createdAt'])
    .where('orgId', '=', orgId)
    .execute();
  const rows = auditCoverage(
    units.map((u) => u.unit),
    audits.map((a) => ({
      ref: auditRef(a.number),
      refs: parse<AuditScope>(a.scope).refs,
      status: a.status as AuditStatus,
      date: (a.completedAt ?? a.plannedStart ?? a.createdAt).slice(0, 10),
    })),
    today(),
  );
  return rows.map((r, i) => ({ ...r, title: units[i]!.title, kind: units[i]!.kind }));
}

const DEFAULT_PROGRAMME = () => ({
  title: 'Internal audit programme',
  cycleStart: `${today().slice(0, 4)}-01-01`,
  cycleYears: 3,
  approach:
    'Every clause 4–10 and every included Annex A control is audited at least once in the cycle. Areas of high importance or risk, and areas with past nonconformities, are audited every year.',
  status: 'draft' as const,
  version: 0,
});

export async function getProgramme(db: Db | Tx, orgId: string): Promise<ProgrammeOut> {
  const row = await db.selectFrom('auditProgrammes').selectAll().where('orgId', '=', orgId).executeTakeFirst();
  const p = row ? { ...row, status: row.status as 'draft' | 'approved' } : DEFAULT_PROGRAMME();
  const approvals = await db
    .selectFrom('auditProgrammeApprovals')
    .selectAll()
    .where('orgId', '=', orgId)
    .orderBy('number', 'desc')
    .execute();
  const coverage = await coverageOf(db, orgId);
  return {
    title: p.title,
    cycleStart: p.cycleStart,
    cycleYears: p.cycleYears,
    cycleEnd: addDays(addMonths(p.cycleStart, p.cycleYears * 12), -1),
    approach: p.approach,
    status: p.status,
    approvedRevision: p.status === 'approved' ? (approvals[0]?.number ?? null) : null,
    approvals: approvals.map((a) => ({
      number: a.number,
      approvedAt: a.approvedAt,
      approvedByName: a.approvedByName,
      acknowledgement: parse<{ acknowledgement: string | null }>(a.content).acknowledgement ?? '',
    })),
    coverage,
    warnings: programmeWarnings(coverage),
    version: p.version,
  };
}

const programmeLock = (orgId: string) => `audit-programme:${orgId}`;

export function updateProgramme(deps: Deps, actor: Actor, orgId: string, patch: UpdateProgramme) {
  return inTransaction(
    deps,
    async (tx, audit) => {
      const before = await getProgramme(tx, orgId);
      if (before.version !== patch.version) throw staleVersion('audit programme', before);
      const { version, ...changes } = patch;
      const merged = {
        title: changes.title ?? before.title,
        cycleStart: changes.cycleStart ?? before.cycleStart,
        cycleYears: changes.cycleYears ?? before.cycleYears,
        approach: changes.approach ?? before.approach,
      };
      const set = { ...merged, status: 'draft', version: version + 1, updatedAt: nowIso(), updatedBy: actor.userId };
      if (version === 0)
        await tx
          .insertInto('auditProgrammes')
          .values({ orgId, ...set })
          .execute();
      else
        await writeOne(
          tx.updateTable('auditProgrammes').set(set).where('orgId', '=', orgId).where('version', '=', version),
          () => staleVersion('audit programme', before),
        );
      const after = await getProgramme(tx, orgId);
      const strip = ({ coverage: _c, approvals: _a, warnings: _w, ...rest }: ProgrammeOut) => rest;
      await audit({
        orgId,
        actor,
        action: 'audit_programme.updated',
        entityType: 'audit_programme',
        entityId: orgId,
        before: strip(before),
        after: strip(after),
      });
      return after;
    },
    { lock: programmeLock(orgId) },
  );
}

/** Approves the programme as it stands: a new numbered revision with a snapshot of plan and coverage. */
export function approveProgramme(
  deps: Deps,
  actor: Actor,
  orgId: string,
  input: { version: number; acknowledgement?: string | undefined },
) {
  return inTransaction(
    deps,
    async (tx, audit) => {
      const before = await getProgramme(tx, orgId);
      if (before.version !== input.version) throw staleVersion('audit programme', before);
      if (before.version === 0) throw ruleViolation('Save the programme (its cycle and approach) before approving it.');
      if (before.status === 'approved') throw ruleViolation('This revision of the programme is already approved.');
      const ack = gateApproval('The audit programme', before.warnings, input.acknowledgement);
      const number = (before.approvals[0]?.number ?? 0) + 1;
      const now = nowIso();
      const { approvals: _a, ...snapshot } = before;
      await tx
        .insertInto('auditProgrammeApprovals')
        .values({
          id: newId(),
          orgId,
          number,
          content: JSON.stringify({ ...snapshot, acknowledgement: ack?.text ?? null }),
          approvedAt: now,
          approvedBy: actor.userId,
          approvedByName: actor.name,
        })
        .execute();
      await writeOne(
        tx
          .updateTable('auditProgrammes')
          .set({ status: 'approved', version: before.version + 1, updatedAt: now, updatedBy: actor.userId })
          .where('orgId', '=', orgId)
          .where('version', '=', before.version),
        () => staleVersion('audit programme', before),
      );
      await audit({
        orgId,
        actor,
        action: 'audit_programme.approved',
        entityType: 'audit_programme',
        entityId: orgId,
        after: { revision: number, acknowledgement: ack },
      });
      return getProgramme(tx, orgId);
    },
    { lock: programmeLock(orgId) },
  );
}

// ---- Audits ---------------------------------------------------------------------------------------

const ZPerson = z.object({ id: z.string(), name: z.string() });
const ZWarning = z.object({ code: z.string(), message: z.string(), userId: z.string() });
export const ZChecklistItemOut = z.object({
  id: z.string(),
  position: z.number(),
  ref: z.string(),
  title: z.string(),
  looksFor: z.string().describe("the catalogue's guidance: what an auditor looks for"),
  sources: z.object({
    documents: z.array(z.object({ id: z.string(), title: z.string() })),
    evidence: z.array(z.object({ id: z.string(), reference: z.string(), title: z.string() })),
    expectedEvidence: z.array(z.string()),
  }),
  result: z.enum(CHECKLIST_RESULTS),
  notes: z.string(),
  sampled: z.string(),
  sampleSize: z.number().nullable(),
  population: z.string(),
  evidenceIds: z.array(z.string()),
  version: z.number(),
});
export const ZFindingOut = z.object({
  id: z.string(),
  ref: z.string().describe('F-1, F-2, … across the organization'),
  grade: z.enum(FINDING_GRADES),
  clauseRef: z.string().nullable(),
  checklistItemId: z.string().nullable(),
  requirement: z.string(),
  evidence: z.string().describe('the objective evidence'),
  statement: z.string(),
  nonconformityId: z.string().nullable(),
  improvementId: z.string().nullable(),
  evidenceIds: z.array(z.string()),
  createdAt: z.string(),
});
export const ZAuditOut = z.object({
  id: z.string(),
  ref: z.string().describe('AUD-1, AUD-2, …'),
  title: z.string(),
  status: z.enum(AUDIT_STATUSES),
  objectives: z.string(),
  criteria: z.string(),
  scope: z.object({
    refs: z.array(z.string()),
    aiSystemIds: z.array(z.string()),
    units: z.array(z.string()),
    sites: z.array(z.string()),
  }),
  lead: ZPerson.nullable(),
  team: z.array(ZPerson),
  auditees: z.array(z.string()),
  method: z.enum(AUDIT_METHODS),
  plannedStart: z.string().nullable(),
  plannedEnd: z.string().nullable(),
  independenceWarnings: z.array(ZWarning).describe('as acknowledged by the justification'),
  independenceJustification: z.string(),
  conclusion: z.string(),
  completedAt: z.string().nullable(),
  checklist: z.array(ZChecklistItemOut),
  findings: z.array(ZFindingOut),
  findingCounts: z.object({ major: z.number(), minor: z.number(), observation: z.number(), ofi: z.number() }),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AuditOut = z.infer<typeof ZAuditOut>;

async function names(db: Db | Tx, ids: string[]) {
  if (!ids.length) return new Map<string, string>();
  const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

const presentItem = (i: AuditChecklistItemTable) => ({
  id: i.id,
  position: i.position,
  ref: i.ref,
  title: i.title,
  looksFor: i.looksFor,
  sources: parse<z.infer<typeof ZChecklistItemOut>['sources']>(i.sources),
  result: i.result as z.infer<typeof ZChecklistItemOut>['result'],
  notes: i.notes,
  sampled: i.sampled,
  sampleSize: i.sampleSize,
  population: i.population,
  evidenceIds: parse<string[]>(i.evidenceIds),
  version: i.version,
});

async function presentAudits(db: Db | Tx, orgId: string, rows: AuditTable[], full: boolean): Promise<AuditOut[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const people = await names(db, [
    ...new Set(rows.flatMap((r) => [...(r.leadId ? [r.leadId] : []), ...parse<string[]>(r.teamIds)])),
  ]);
  const findings = await db
    .selectFrom('auditFindings')
    .selectAll()
    .where('orgId', '=', orgId)
    .where('auditId', 'in', ids)
    .orderBy('number')
    .execute();
  const items = full
    ? await db
        .selectFrom('auditChecklistItems')
        .selectAll()
        .where('orgId', '=', orgId)
        .where('auditId', 'in', ids)
        .orderBy('position')
        .execute()
    : [];
  const findingEvidence = full
    ? await evidenceForMany(
        db,
        orgId,
        'finding',
        findings.map((f) => f.id),
      )
    : new Map();
  const person = (id: string) => ({ id, name: people.get(id) ?? 'Former member' });
  return rows.map((r) => {
    const mine = findings.filter((f) => f.auditId === r.id);
    const count = (g: FindingGrade) => mine.filter((f) => f.grade === g).length;
    return {
      id: r.id,
      ref: auditRef(r.number),
      title: r.title,
      status: r.status as AuditStatus,
      objectives: r.objectives,
      criteria: r.criteria,
      scope: parse<AuditScope>(r.scope),
      lead: r.leadId ? person(r.leadId) : null,
      team: parse<string[]>(r.teamIds).map(person),
      auditees: parse<string[]>(r.auditees),
      method: r.method as AuditOut['method'],
      plannedStart: r.plannedStart,
      plannedEnd: r.plannedEnd,
      independenceWarnings: parse<AuditOut['independenceWarnings']>(r.independenceWarnings),
      independenceJustification: r.independenceJustification,
      conclusion: r.conclusion,
      completedAt: r.completedAt,
      checklist: items.filter((i) => i.auditId === r.id).map(presentItem),
      findings: mine.map((f: AuditFindingTable) => ({
        id: f.id,
        ref: `F-${f.number}`,
        grade: f.grade as FindingGrade,
        clauseRef: f.ref,
        checklistItemId: f.checklistItemId,
        requirement: f.requirement,
        evidence: f.evidence,
        statement: f.statement,
        nonconformityId: f.nonconformityId,
        improvementId: f.improvementId,
        evidenceIds: ((findingEvidence.get(f.id) ?? []) as { id: string }[]).map((e) => e.id),
        createdAt: f.createdAt,
      })),
      findingCounts: {
        major: count('major'),
        minor: count('minor'),
        observation: count('observation'),
        ofi: count('ofi'),
      },
      version: r.version,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    };
  });
}

export async function listAudits(db: Db | Tx, orgId: string, full = false): Promise<AuditOut[]> {
  const rows = await db.selectFrom('audits').selectAll().where('orgId', '=', orgId).orderBy('number').execute();
  return presentAudits(db, orgId, rows, full);
}

async function find(db: Db | Tx, orgId: string, id: string) {
  const rows = await db.selectFrom('audits').selectAll().where('orgId', '=', orgId).where('id', '=', id).execute();
  return (await presentAudits(db, orgId, rows, true))[0];
}

export async function getAudit(deps: Deps, orgId: string, id: string) {
  const a = await find(deps.db, orgId, id);
  if (!a) throw notFound('Audit');
  return a;
}

/** Work people own or did, for the independence check: control owners, RACI R/A, document owners and authors. */
async function involvements(db: Db | Tx, orgId: string, userIds: string[]): Promise<Involvement[]> {
  if (!userIds.length) return [];
  const out: Involvement[] = [];
  const controls = await db
    .selectFrom('controlImplementations')
    .select(['ref', 'ownerId'])
    .where('orgId', '=', orgId)
    .where('ownerId', 'in', userIds)
    .execute();
  for (const c of controls) out.push({ userId: c.ownerId!, what: `owns control ${c.ref}`, ref: c.ref });
  const raci = await db
    .selectFrom('raciActivities')
    .select(['name', 'assignments'])
    .where('orgId', '=', orgId)
    .execute();
  for (const a of raci)
    for (const x of parse<{ assignee: { userId?: string }; letter: string }[]>(a.assignments))
      if (x.assignee.userId && userIds.includes(x.assignee.userId) && (x.letter === 'R' || x.letter === 'A'))
        out.push({
          userId: x.assignee.userId,
          what: `is ${x.letter === 'R' ? 'Responsible' : 'Accountable'} for "${a.name}" in the RACI`,
          ref: null,
        });
  const types = new Map(documentTypes().map((t) => [t.id, t.refs]));
  const docs = await db
    .selectFrom('documents')
    .select(['id', 'title', 'typeId', 'ownerId'])
    .where('orgId', '=', orgId)
    .execute();
  const authors = await db
    .selectFrom('documentVersions')
    .select(['documentId', 'createdBy'])
    .where('orgId', '=', orgId)
    .where('createdBy', 'in', userIds)
    .execute();
  for (const d of docs) {
    const who = new Set<string>();
    if (d.ownerId && userIds.includes(d.ownerId)) who.add(d.ownerId);
    for (const a of authors) if (a.documentId === d.id && a.createdBy) who.add(a.createdBy);
    for (const userId of who)
      for (const ref of types.get(d.typeId) ?? [])
        out.push({ userId, what: `owns or wrote the document "${d.title}" (${ref})`, ref });
  }
  return out;
}

async function checkPlan(
  tx: Tx,
  orgId: string,
  plan: { leadId: string | null; teamIds: string[]; scope: AuditScope; independenceJustification: string },
) {
  const people = [...new Set([...(plan.leadId ? [plan.leadId] : []), ...plan.teamIds])];
  for (const id of people)
    if (!(await isActiveMember(tx, orgId, id)))
      throw ruleViolation('The lead and team must be current members of this organization', { field: 'teamIds' });
  if (plan.scope.aiSystemIds.length) {
    const found = await tx
      .selectFrom('aiSystems')
      .select('id')
      .where('orgId', '=', orgId)
      .where('id', 'in', plan.scope.aiSystemIds)
      .execute();
    if (found.length !== new Set(plan.scope.aiSystemIds).size)
      throw ruleViolation('Every AI system in scope must be one of this organization', { field: 'scope.aiSystemIds' });
  }
  const nameOf = await names(tx, people);
  const warnings = independenceWarnings(
    people.map((id) => ({ id, name: nameOf.get(id) ?? id })),
    plan.scope.refs,
    await involvements(tx, orgId, people),
  );
  if (warnings.length && !plan.independenceJustification.trim())
    throw new AppError(
      'ACKNOWLEDGEMENT_REQUIRED',
      `Independence: an auditor may not audit work they own or did. ${warnings.map((w) => w.message).join(' ')} Change the team or scope, or give a written justification (independenceJustification) to proceed.`,
      { warnings },
    );
  return warnings.map(({ code, message, userId }) => ({ code, message, userId }));
}

/** The checklist of a scope: each assessable clause or control under a scope ref, with what an auditor looks for. */
async function checklistFor(db: Db | Tx, orgId: string, refs: string[]) {
  const iso = builtinCatalog();
  const items = (iso.framework('iso42001')?.items ?? []).filter(
    (i) => i.assessable && refs.some((r) => r === i.ref || i.ref.startsWith(`${r}.`)),
  );
  const custom = await db
    .selectFrom('customControls')
    .select(['ref', 'title', 'description'])
    .where('orgId', '=', orgId)
    .where('ref', 'in', refs.length ? refs : ['\u0000'])
    .execute();
  const all = [
    ...items.map((i) => ({
      ref: i.ref,
      title: i.title,
      looksFor: i.guidance?.auditorLooksFor ?? i.summary ?? '',
      expected: i.guidance?.evidence ?? [],
    })),
    ...custom.map((c) => ({ ref: c.ref, title: c.title, looksFor: c.description, expected: [] as string[] })),
  ];
  const evidence = await evidenceForMany(
    db,
    orgId,
    'control',
    all.map((i) => i.ref),
  );
  const types = documentTypes();
  const docs = await db.selectFrom('documents').select(['id', 'title', 'typeId']).where('orgId', '=', orgId).execute();
  return all.map((i) => ({
    ...i,
    sources: {
      documents: docs
        .filter((d) =>
          (types.find((t) => t.id === d.typeId)?.refs ?? []).some((r) => covers([r], i.ref) || covers([i.ref], r)),
        )
        .map((d) => ({ id: d.id, title: d.title })),
      evidence: (evidence.get(i.ref) ?? []).map((e) => ({ id: e.id, reference: e.reference, title: e.title })),
      expectedEvidence: i.expected,
    },
  }));
}

async function writeChecklist(tx: Tx, orgId: string, auditId: string, refs: string[], actor: Actor) {
  await tx.deleteFrom('auditChecklistItems').where('orgId', '=', orgId).where('auditId', '=', auditId).execute();
  const items = await checklistFor(tx, orgId, refs);
  const now = nowIso();
  let position = 0;
  for (const i of items)
    await tx
      .insertInto('auditChecklistItems')
      .values({
        id: newId(),
        orgId,
        auditId,
        position: ++position,
        ref: i.ref,
        title: i.title,
        looksFor: i.looksFor,
        sources: JSON.stringify(i.sources),
        result: 'open',
        notes: '',
        sampled: '',
        sampleSize: null,
        population: '',
        evidenceIds: '[]',
        version: 1,
        updatedAt: now,
        updatedBy: actor.userId,
      })
      .execute();
}

function assertRefs(refs: string[]) {
  const iso = builtinCatalog();
  const unknown = refs.filter((r) => !iso.item('iso42001', r) && !/^[A-Z]+-/.test(r));
  if (unknown.length)
    throw ruleViolation(
      `Unknown clause or control: ${unknown.join(', ')}. Use refs of ISO/IEC 42001 such as 6.1.2 or A.6.2.4.`,
      { field: 'scope.refs' },
    );
}

const auditedAudit = (a: AuditOut) => {
  const { checklist: _c, findings: _f, ...rest } = a;
  return rest;
};

export function createAudit(deps: Deps, actor: Actor, orgId: string, input: CreateAudit) {
  return inTransaction(deps, async (tx, audit) => {
    assertRefs(input.scope.refs);
    const warnings = await checkPlan(tx, orgId, input);
    const number = await nextNumber(tx, orgId, 'audit');
    const now = nowIso();
    const id = newId();
    await tx
      .insertInto('audits')
      .values({
        id,
        orgId,
        number,
        title: input.title,
        status: 'planned',
        objectives: input.objectives,
        criteria: input.criteria,
        scope: JSON.stringify(input.scope),
        leadId: input.leadId,
        teamIds: JSON.stringify([...new Set(input.teamIds)]),
        auditees: JSON.stringify(input.auditees),
        method: input.method,
        plannedStart: input.plannedStart,
        plannedEnd: input.plannedEnd,
        independenceWarnings: JSON.stringify(warnings),
        independenceJustification: warnings.length ? input.independenceJustification : '',
        conclusion: '',
        completedAt: null,
        version: 1,
        createdAt: now,
        createdBy: actor.userId,
        updatedAt: now,
        updatedBy: actor.userId,
      })
      .execute();
    await writeChecklist(tx, orgId, id, input.scope.refs, actor);
    const created = (await find(tx, orgId, id))!;
    await audit({
      orgId,
      actor,
      action: 'audit.created',
      entityType: 'audit',
      entityId: id,
      after: auditedAudit(created),
    });
    return created;
  });
}

export function updateAudit(deps: Deps, actor: Actor, orgId: string, id: string, patch: UpdateAudit) {
  return inTransaction(deps, async (tx, audit) => {
    const before = await find(tx, orgId, id);
    if (!before) throw notFound('Audit');
    if (before.version !== patch.version) throw staleVersion('audit', before);
    if (before.status === 'completed' || before.status === 'cancelled')
      throw ruleViolation(`${before.ref} is ${before.status}: its plan and report are a record and no longer change.`);
    const { version, scope, teamIds, auditees, status, ...rest } = patch;
    const plan = {
      leadId: rest.leadId !== undefined ? rest.leadId : (before.lead?.id ?? null),
      teamIds: teamIds ?? before.team.map((t) => t.id),
      scope: scope ?? before.scope,
      independenceJustification: rest.independenceJustification ?? before.independenceJustification,
    };
    if (scope) assertRefs(scope.refs);
    const start = rest.plannedStart !== undefined ? rest.plannedStart : before.plannedStart;
    const end = rest.plannedEnd !== undefined ? rest.plannedEnd : before.plannedEnd;
    if (start && end && end < start)
      throw ruleViolation('Planned end must be on or after the planned start', { field: 'plannedEnd' });
    const warnings = await checkPlan(tx, orgId, plan);
    const next = status ?? before.status;
    if (next === 'completed') {
      const open = before.checklist.filter((i) => i.result === 'open');
      if (open.length)
        throw new AppError(
          'NOT_READY',
          `Every checklist item needs a result before the audit is completed: ${open.map((i) => i.ref).join(', ')} are not checked (mark them not sampled if they were not).`,
        );
      const conclusion = rest.conclusion ?? before.conclusion;
      if (!conclusion.trim())
        throw new AppError('NOT_READY', 'Write the conclusion of the audit before completing it.', {
          field: 'conclusion',
        });
    }
    if (next === 'planned' && before.status !== 'planned')
      throw ruleViolation('An audit under way cannot go back to planned.');
    await writeOne(
      tx
        .updateTable('audits')
        .set({
          ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
          ...(scope ? { scope: JSON.stringify(scope) } : {}),
          ...(teamIds ? { teamIds: JSON.stringify([...new Set(teamIds)]) } : {}),
          ...(auditees ? { auditees: JSON.stringify(auditees) } : {}),
          status: next,
          independenceWarnings: JSON.stringify(warnings),
          ...(next === 'completed' ? { completedAt: nowIso() } : {}),
          version: version + 1,
          updatedAt: nowIso(),
          updatedBy: actor.userId,
        })
        .where('orgId', '=', orgId)
        .where('id', '=', id)
        .where('version', '=', version),
      () => staleVersion('audit', before),
    );
    // A changed scope regenerates the checklist, only while nothing in it was answered.
    if (scope && JSON.stringify(scope.refs) !== JSON.stringify(before.scope.refs)) {
      if (before.checklist.some((i) => i.result !== 'open') || before.findings.length)
        throw ruleViolation('The checklist has answers or findings: the scope can no longer change.', {
          field: 'scope',
        });
      await writeChecklist(tx, orgId, id, scope.refs, actor);
    }
    const after = (await find(tx, orgId, id))!;
    await audit({
      orgId,
      actor,
      action: next === 'completed' ? 'audit.completed' : 'audit.updated',
      entityType: 'audit',
      entityId: id,
      before: auditedAudit(before),
      after: auditedAudit(after),
    });
    return after;
  });
}

async function openAudit(tx: Tx, orgId: string, id: string) {
  const a = await find(tx, orgId, id);
  if (!a) throw notFound('Audit');
  if (a.status === 'completed' || a.status === 'cancelled')
    throw ruleViolation(`${a.ref} is ${a.status}: its checklist and findings are frozen.`);
  return a;
}

async function assertEvidence(tx: Tx, orgId: string, ids: string[]) {
  if (!ids.length) return;
  const found = await tx
    .selectFrom('evidence')
    .select('id')
    .where('orgId', '=', orgId)
    .where('id', 'in', ids)
    .execute();
  if (found.length !== new Set(ids).size)
    throw ruleViolation('Every attached evidence must be a record of this organization’s evidence library', {
      field: 'evidenceIds',
    });
}

export function updateChecklistItem(
  deps: Deps,
  actor: Actor,
  orgId: string,
  auditId: string,
  itemId: string,
  patch: UpdateChecklistItem,
) {
  return inTransaction(deps, async (tx, audit) => {
    const a = await openAudit(tx, orgId, auditId);
    const before = a.checklist.find((i) => i.id === itemId);
    if (!before) throw notFound('Checklist item');
    if (before.version !== patch.version) throw staleVersion('checklist item', before);
    const { version, evidenceIds, ...rest } = patch;
    if (evidenceIds) await assertEvidence(tx, orgId, evidenceIds);
    await writeOne(
      tx
        .updateTable('auditChecklistItems')
        .set({
          ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
          ...(evidenceIds ? { evidenceIds: JSON.stringify([...new Set(evidenceIds)]) } : {}),
          version: version + 1,
          updatedAt: nowIso(),
          updatedBy: actor.userId,
        })
        .where('orgId', '=', orgId)
        .where('id', '=', itemId)
        .where('version', '=', version),
      () => staleVersion('checklist item', before),
    );
    // Answering the first item starts the audit.
    if (a.status === 'planned')
      await tx
        .updateTable('audits')
        // Bumped in SQL: another item answered at the same moment must not land on the same version.
        .set((eb) => ({
          status: 'in_progress',
          version: eb('version', '+', 1),
          updatedAt: nowIso(),
          updatedBy: actor.userId,
        }))
        .where('id', '=', auditId)
        .where('status', '=', 'planned')
        .execute();
    const after = (await find(tx, orgId, auditId))!.checklist.find((i) => i.id === itemId)!;
    await audit({
      orgId,
      actor,
      action: 'audit.checklist_answered',
      entityType: 'audit',
      entityId: auditId,
      before,
      after,
    });
    return after;
  });
}

export function addFinding(
  deps: Deps,
  actor: Actor,
  orgId: string,
  auditId: string,
  input: CreateFinding & { evidenceIds: string[] },
) {
  return inTransaction(deps, async (tx, audit) => {
    const a = await openAudit(tx, orgId, auditId);
    const item = input.checklistItemId ? a.checklist.find((i) => i.id === input.checklistItemId) : undefined;
    if (input.checklistItemId && !item) throw notFound('Checklist item');
    const ref = input.ref ?? item?.ref ?? null;
    if (NONCONFORMITY_GRADES.includes(input.grade) && !ref)
      throw ruleViolation('A nonconformity names the clause or control it is against (ref).', { field: 'ref' });
    await assertEvidence(tx, orgId, input.evidenceIds);
    const number = await nextNumber(tx, orgId, 'audit_finding');
    const id = newId();
    let nonconformityId: string | null = null;
    let improvementId: string | null = null;
    if (NONCONFORMITY_GRADES.includes(input.grade)) {
      const grade = input.grade as 'major' | 'minor';
      const nc = await raiseNonconformityInTx(tx, audit, actor, orgId, {
        source: 'internal_audit',
        sourceId: auditId,
        sourceRef: `${a.ref} F-${number}`,
        grade,
        ref,
        title: input.statement.length > 140 ? `${input.statement.slice(0, 139)}…` : input.statement,
        statement: [
          input.statement,
          input.requirement && `Requirement: ${input.requirement}`,
          input.evidence && `Objective evidence: ${input.evidence}`,
        ]
          .filter(Boolean)
          .join('\n\n'),
        ownerId: input.ownerId,
        responseDue: addDays(today(), RESPONSE_DAYS[grade]),
        reviewAfterDays: 60,
      });
      nonconformityId = nc.id;
    } else if (input.grade === 'ofi') {
      improvementId = (
        await logImprovementInTx(tx, audit, actor, orgId, {
          title: input.statement.length > 140 ? `${input.statement.slice(0, 139)}…` : input.statement,
          description: input.evidence,
          source: 'audit_finding',
          ownerId: input.ownerId,
          status: 'proposed',
          sourceId: id,
          sourceRef: `${a.ref} F-${number}`,
        })
      ).id;
    }
    await tx
      .insertInto('auditFindings')
      .values({
        id,
        orgId,
        auditId,
        number,
        grade: input.grade,
        ref,
        checklistItemId: input.checklistItemId,
        requirement: input.requirement,
        evidence: input.evidence,
        statement: input.statement,
        nonconformityId,
        improvementId,
        createdAt: nowIso(),
        createdBy: actor.userId,
      })
      .execute();
    for (const evidenceId of new Set(input.evidenceIds))
      await linkEvidence(tx, { orgId, evidenceId, subjectType: 'finding', subjectId: id, by: actor, audit });
    const after = (await find(tx, orgId, auditId))!;
    const finding = after.findings.find((f) => f.id === id)!;
    await audit({
      orgId,
      actor,
      action: 'audit.finding_added',
      entityType: 'audit',
      entityId: auditId,
      after: finding,
    });
    return after;
  });
}
