import { z } from 'zod';
import {
  AIMS_CLAUSES,
  auditCoverage,
  auditFrequency,
  programmeWarnings,
  addDays,
  addMonths,
  type AuditScope,
  type AuditStatus,
  type UpdateProgramme,
} from '@fortytwo/domain';
import type { Actor } from '../../platform/audit';
import { gateApproval } from '../../platform/approval';
import type { Db, Tx } from '../../platform/db/connect';
import { writeOne } from '../../platform/db/versioned';
import { ruleViolation, staleVersion } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import { builtinCatalog } from '../catalog/builtin';
import { soaItems } from '../soa/service';
import { frequencyFacts } from './frequency';
import { auditRef, parse, today } from './read';

// The audit programme (9.2.2): one per organization, versioned and approved, with its coverage of
// clauses 4–10 and every included control.

const ZCoverageRow = z.object({
  unit: z.string(),
  title: z.string(),
  kind: z.enum(['clause', 'control']),
  audited: z.array(z.string()),
  planned: z.array(z.string()),
  lastAuditedOn: z.string().nullable(),
  state: z.enum(['covered', 'stale', 'planned', 'never']),
  frequency: z
    .object({
      weight: z.enum(['high', 'raised', 'normal']),
      intervalMonths: z.number(),
      nextDue: z.string(),
      overdue: z.boolean(),
      reasons: z.array(z.string()),
    })
    .describe('how often it is audited and why: importance, risk and past results'),
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

async function coverageOf(db: Db | Tx, orgId: string, cycleYears: number) {
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
  const facts = await frequencyFacts(db, orgId, rows);
  return rows.map((r, i) => {
    const { unit: _u, ...frequency } = auditFrequency(facts.get(r.unit)!, cycleYears, today());
    return { ...r, title: units[i]!.title, kind: units[i]!.kind, frequency };
  });
}

const DEFAULT_PROGRAMME = () => ({
  title: 'Internal audit programme',
  cycleStart: `${today().slice(0, 4)}-01-01`,
  cycleYears: 3,
  approach:
    'Every clause 4–10 and every included Annex A control is audited at least once in the cycle. What has an open nonconformity or treats a high AI risk is audited every year; what had nonconformities at its last audit, and the key processes (6 planning, 8 operation), at least every half cycle. The coverage view gives each its frequency and the reason.',
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
  const coverage = await coverageOf(db, orgId, p.cycleYears);
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
