import { z } from 'zod';
import {
  AUDIT_METHODS,
  AUDIT_STATUSES,
  CHECKLIST_RESULTS,
  FINDING_GRADES,
  todayIn,
  type AuditScope,
  type AuditStatus,
  type FindingGrade,
} from '@fortytwo/domain';
import type { Db, Tx } from '../../platform/db/connect';
import type { AuditChecklistItemTable, AuditFindingTable, AuditTable } from '../../platform/db/schema';
import { notFound } from '../../platform/errors';
import { now } from '../../platform/clock';
import type { Deps } from '../../platform/transaction';
import { evidenceForMany } from '../evidence/links';

// Reading audits: the API shape of an audit with its plan, checklist and findings, shared by every use case.

export const today = () => todayIn(null, now());
export const auditRef = (n: number) => `AUD-${n}`;
export const parse = <T>(s: string): T => JSON.parse(s) as T;

const ZPerson = z.object({ id: z.string(), name: z.string() });
const ZWarning = z.object({ code: z.string(), message: z.string(), userId: z.string() });
export const ZChecklistItemOut = z.object({
  id: z.string(),
  position: z.number(),
  ref: z.string(),
  title: z.string(),
  looksFor: z.string().describe("the catalogue's guidance: what an auditor looks for"),
  sources: z.object({
    documents: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        version: z
          .string()
          .optional()
          .describe('the code and version to sample when the checklist was made: in force, else the latest'),
      }),
    ),
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
  reportDocumentId: z
    .string()
    .nullable()
    .describe('the report frozen as a record at sign-off, listed with the documents (internal-audit-report)'),
  checklist: z.array(ZChecklistItemOut),
  findings: z.array(ZFindingOut),
  findingCounts: z.object({ major: z.number(), minor: z.number(), observation: z.number(), ofi: z.number() }),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AuditOut = z.infer<typeof ZAuditOut>;

export async function names(db: Db | Tx, ids: string[]) {
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
      reportDocumentId: r.reportDocumentId,
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

export async function find(db: Db | Tx, orgId: string, id: string) {
  const rows = await db.selectFrom('audits').selectAll().where('orgId', '=', orgId).where('id', '=', id).execute();
  return (await presentAudits(db, orgId, rows, true))[0];
}

export async function getAudit(deps: Deps, orgId: string, id: string) {
  const a = await find(deps.db, orgId, id);
  if (!a) throw notFound('Audit');
  return a;
}
