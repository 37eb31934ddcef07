import { z } from 'zod';
import {
  AI_ROLES,
  CONTROL_STATUSES,
  controlStatusFromSoa,
  deriveSoa,
  IMPLEMENTATION_STATUSES,
  soaStatusOf,
  soaWarnings,
  type Acknowledgement,
  type AiRole,
  type DeclaredRole,
  type SoaItem,
  type ZSoaDecision,
} from '@fortytwo/domain';
import type { Actor } from '../../platform/audit';
import type { Db, Tx } from '../../platform/db/connect';
import { notFound, ruleViolation, staleVersion } from '../../platform/errors';
import { gateApproval } from '../../platform/approval';
import { newId, nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import { listParties } from '../context/registers';
import { readOrgContext } from '../context/org-context';
import { getPlanIn } from '../risk/plan';
import { readCriteriaInForce } from '../risk/criteria';
import { loadRisks, today, treatmentControls } from '../risk/read';
import { writeOne } from '../../platform/db/versioned';
import { readOnce } from '../../platform/read-once';
import { implementationStatuses } from '../controls/repository';
import { setStatusFromSoa } from '../controls/status';

// The Statement of Applicability (6.1.3 d): derived live from the controls, the decisions people
// recorded, the treatments and the interested parties' requirements. Approval freezes a numbered
// version; the live SoA shows as approved while it still matches it, and as the next draft after any
// change, so what an auditor was shown is never rewritten.

export const ZSoaItemOut = z.object({
  ref: z.string(),
  title: z.string(),
  kind: z.enum(['annex_a', 'custom']),
  group: z.string(),
  included: z.boolean().nullable(),
  justification: z
    .string()
    .describe('the stated words, then the risks treated and the requirements that name the control'),
  statedJustification: z.string(),
  implementationStatus: z
    .enum(IMPLEMENTATION_STATUSES)
    .nullable()
    .describe(
      "read from the control's implementation (GET /controls/:ref): planned; implementing or needs rework read as in_progress; operating reads as implemented",
    ),
  controlStatus: z
    .enum(CONTROL_STATUSES)
    .nullable()
    .optional()
    .describe("the control implementation's own status (absent in versions approved before it existed)"),
  riskIds: z.array(z.string()),
  risks: z.array(z.object({ id: z.string(), ref: z.string(), title: z.string() })),
  requirements: z.array(z.object({ partyName: z.string(), description: z.string() })),
  version: z.number().describe("the item decision's version (0 before the first decision)"),
});
const ZWarning = z.object({
  code: z.string(),
  ref: z.string().optional(),
  refs: z.array(z.string()).optional().describe('the controls a grouped warning is about'),
  riskId: z.string().optional(),
  message: z.string(),
  blocking: z.boolean().describe('true: approval is refused while it stands; false: approval needs an acknowledgement'),
});
export const ZAcknowledgementOut = z
  .object({ text: z.string(), warnings: z.array(z.object({ code: z.string(), message: z.string() })) })
  .nullable()
  .describe('the warnings the approver was shown and their words for approving past them');
const ZCounts = z.object({ total: z.number(), included: z.number(), excluded: z.number(), undecided: z.number() });
const ZApproved = z.object({
  version: z.number(),
  approvedAt: z.string(),
  approvedBy: z.object({ id: z.string().nullable(), name: z.string() }),
  acknowledgement: ZAcknowledgementOut,
});
export const ZSoaOut = z.object({
  version: z.number(),
  status: z.enum(['draft', 'approved']),
  approved: ZApproved.nullable().describe('the latest approved version'),
  items: z.array(ZSoaItemOut),
  warnings: z.array(ZWarning),
  counts: ZCounts,
});
export type SoaOut = z.infer<typeof ZSoaOut>;
export const ZSoaVersion = ZApproved.extend({ counts: ZCounts, items: z.array(ZSoaItemOut) });
export type SoaVersion = z.infer<typeof ZSoaVersion>;

const countsOf = (items: SoaItem[]) => ({
  total: items.length,
  included: items.filter((i) => i.included === true).length,
  excluded: items.filter((i) => i.included === false).length,
  undecided: items.filter((i) => i.included === null).length,
});
const essence = (items: SoaItem[]) =>
  JSON.stringify(items.map((i) => [i.ref, i.title, i.included, i.justification, i.implementationStatus]));

/** The AI roles the organization holds: declared in its context (4.1) and on its AI systems in use. */
async function declaredRoles(db: Db | Tx, orgId: string): Promise<DeclaredRole[]> {
  const [context, systems] = await Promise.all([
    readOrgContext(db, orgId),
    db
      .selectFrom('aiSystems')
      .select(['name', 'aiRoles', 'lifecycleStage', 'status'])
      .where('orgId', '=', orgId)
      .execute(),
  ]);
  const out: DeclaredRole[] = context.aiRoles.map((r) => ({ role: r.role, source: 'the organization context' }));
  for (const s of systems) {
    if (s.status === 'archived' || s.lifecycleStage === 'retired') continue;
    for (const role of JSON.parse(s.aiRoles) as string[])
      if ((AI_ROLES as readonly string[]).includes(role))
        out.push({ role: role as AiRole, source: `AI system "${s.name}"` });
  }
  return out;
}

async function liveItems(db: Db | Tx, orgId: string) {
  const [controls, decisions, risks, parties, criteria, statuses, roles, plan] = await Promise.all([
    treatmentControls(db, orgId),
    db.selectFrom('soaDecisions').selectAll().where('orgId', '=', orgId).execute(),
    loadRisks(db, orgId),
    listParties(db, orgId),
    readCriteriaInForce(db, orgId),
    implementationStatuses(db, orgId),
    declaredRoles(db, orgId),
    getPlanIn(db, orgId),
  ]);
  const openRisks = risks.filter((r) => r.status === 'open');
  // The implementation status has one home, the control implementation: the SoA reads it from there.
  const items = deriveSoa(
    controls,
    decisions.map((d) => ({
      ref: d.ref,
      included: d.decision === null ? null : d.decision === 'included',
      justification: d.justification,
      implementationStatus: null,
      version: d.version,
    })),
    openRisks.map((r) => ({
      id: r.id,
      ref: r.ref,
      title: r.title,
      controlRefs: [...new Set(r.treatments.flatMap((t) => t.controlRefs))],
    })),
    parties.flatMap((p) =>
      p.requirements.map((q) => ({ partyName: p.name, description: q.description, refs: q.refs })),
    ),
  ).map((i) => ({
    ...i,
    implementationStatus: soaStatusOf(statuses.get(i.ref) ?? null),
    controlStatus: statuses.get(i.ref) ?? null,
  }));
  const warnings = soaWarnings(
    items,
    openRisks.map((r) => ({
      ...r,
      level: r.inherentLevel,
      treated: r.treatments.length > 0,
      acceptedUntil:
        r.acceptanceState === 'in_force' || r.acceptanceState === 'expiring' ? r.acceptance!.expiresAt : null,
    })),
    criteria,
    today(),
    // With no risks at all there is no plan to approve; an empty plan is not a finding here.
    {
      declaredRoles: roles,
      criteriaApproved: criteria.status === 'approved',
      planApproved: plan.status === 'approved' || plan.risks.length === 0,
    },
  );
  return { items, warnings };
}

type StoredVersion = {
  essence: string;
  items: SoaItem[];
  counts: SoaOut['counts'];
  acknowledgement?: Acknowledgement | null;
};
const acknowledgementOf = (content: string) => (JSON.parse(content) as StoredVersion).acknowledgement ?? null;

async function latestVersion(db: Db | Tx, orgId: string) {
  return db
    .selectFrom('soaVersions')
    .selectAll()
    .where('orgId', '=', orgId)
    .orderBy('number', 'desc')
    .executeTakeFirst();
}

async function soaOf(db: Db | Tx, orgId: string): Promise<SoaOut> {
  const [{ items, warnings }, last] = await Promise.all([liveItems(db, orgId), latestVersion(db, orgId)]);
  const unchanged = last !== undefined && (JSON.parse(last.content) as { essence: string }).essence === essence(items);
  return {
    version: unchanged ? last.number : (last?.number ?? 0) + 1,
    status: unchanged ? 'approved' : 'draft',
    approved: last
      ? {
          version: last.number,
          approvedAt: last.approvedAt,
          approvedBy: { id: last.approvedBy, name: last.approvedByName },
          acknowledgement: acknowledgementOf(last.content),
        }
      : null,
    items,
    warnings: [...warnings].sort((a, b) => Number(b.blocking) - Number(a.blocking)),
    counts: countsOf(items),
  };
}

export const getSoa = (deps: Deps, orgId: string) => readOnce(deps.db, `soa ${orgId}`, () => soaOf(deps.db, orgId));

/** The SoA's items as they stand (included or not, with reasons), for the controls register. */
export const soaItems = async (db: Db | Tx, orgId: string) => (await liveItems(db, orgId)).items;

export function decideSoaItem(
  deps: Deps,
  actor: Actor,
  orgId: string,
  ref: string,
  input: z.output<typeof ZSoaDecision>,
) {
  return inTransaction(deps, async (tx, audit) => {
    const before = (await liveItems(tx, orgId)).items.find((i) => i.ref === ref);
    if (!before) throw notFound(`Control ${ref} in the Statement of Applicability`);
    if (before.version !== input.version) throw staleVersion('SoA item', before);
    const row = await tx
      .selectFrom('soaDecisions')
      .selectAll()
      .where('orgId', '=', orgId)
      .where('ref', '=', ref)
      .executeTakeFirst();
    const included =
      input.included !== undefined
        ? input.included
        : row
          ? row.decision === null
            ? null
            : row.decision === 'included'
          : null;
    const justification = input.justification ?? row?.justification ?? '';
    // An exclusion without a reason may be saved while work is in progress: a blocking warning says so.
    const values = {
      decision: included === null ? null : included ? 'included' : 'excluded',
      justification,
      version: input.version + 1,
      updatedAt: nowIso(),
      updatedBy: actor.userId,
    };
    if (row) {
      await writeOne(
        tx
          .updateTable('soaDecisions')
          .set(values)
          .where('orgId', '=', orgId)
          .where('ref', '=', ref)
          .where('version', '=', input.version),
        () => staleVersion('SoA item', before),
      );
    } else {
      await writeOne(
        tx
          .insertInto('soaDecisions')
          .values({ orgId, ref, ...values })
          .onConflict((oc) => oc.columns(['orgId', 'ref']).doNothing()),
        () => staleVersion('SoA item', before),
      );
    }
    // The status is the control implementation's: a status sent here (the API contract keeps the
    // field) is written there, in this transaction. Clearing it is done by no one: a control that
    // was implemented keeps its record, so null is refused rather than silently ignored.
    if (input.implementationStatus === null && before.controlStatus)
      throw ruleViolation(
        `The implementation status of ${ref} is kept on the control's own page (Controls, ${ref}); it cannot be cleared from the SoA.`,
        { field: 'implementationStatus' },
      );
    if (input.implementationStatus && input.implementationStatus !== before.implementationStatus)
      await setStatusFromSoa(
        tx,
        audit,
        actor,
        orgId,
        ref,
        controlStatusFromSoa(input.implementationStatus, before.controlStatus ?? null),
      );
    const after = (await liveItems(tx, orgId)).items.find((i) => i.ref === ref)!;
    await audit({ orgId, actor, action: 'soa_item.decided', entityType: 'soa_item', entityId: ref, before, after });
    return after;
  });
}

/**
 * Top management approves the SoA as it stands; refused while a blocking warning remains, and past
 * the other warnings only with an acknowledgement, kept with the version. Approvals of one
 * organization take turns (lock), so two pressed at once do not both freeze version N.
 */
export function approveSoa(
  deps: Deps,
  actor: Actor,
  orgId: string,
  input: { version: number; acknowledgement?: string | undefined },
) {
  return inTransaction(
    deps,
    async (tx, audit) => {
      const soa = await soaOf(tx, orgId);
      if (soa.version !== input.version) throw staleVersion('Statement of Applicability', soa);
      if (soa.status === 'approved')
        throw ruleViolation(
          `Version ${soa.version} is already approved: it changes when a decision, treatment or requirement does`,
        );
      const acknowledgement = gateApproval('The SoA', soa.warnings, input.acknowledgement, 'SOA_NOT_READY');
      const approvedAt = nowIso();
      const content: StoredVersion = {
        essence: essence(soa.items),
        items: soa.items,
        counts: soa.counts,
        acknowledgement,
      };
      await tx
        .insertInto('soaVersions')
        .values({
          id: newId(),
          orgId,
          number: soa.version,
          content: JSON.stringify(content),
          approvedAt,
          approvedBy: actor.userId,
          approvedByName: actor.name,
        })
        .execute();
      await audit({
        orgId,
        actor,
        action: 'soa.approved',
        entityType: 'soa',
        entityId: orgId,
        after: { version: soa.version, counts: soa.counts, acknowledgement },
      });
      return soaOf(tx, orgId);
    },
    { lock: `soa:${orgId}` },
  );
}

export async function soaVersions(deps: Deps, orgId: string) {
  const rows = await deps.db
    .selectFrom('soaVersions')
    .selectAll()
    .where('orgId', '=', orgId)
    .orderBy('number', 'desc')
    .execute();
  return rows.map((r) => ({
    version: r.number,
    approvedAt: r.approvedAt,
    approvedBy: { id: r.approvedBy, name: r.approvedByName },
    acknowledgement: acknowledgementOf(r.content),
    counts: (JSON.parse(r.content) as StoredVersion).counts,
  }));
}

export async function soaVersion(deps: Deps, orgId: string, version: number): Promise<SoaVersion> {
  const r = await deps.db
    .selectFrom('soaVersions')
    .selectAll()
    .where('orgId', '=', orgId)
    .where('number', '=', version)
    .executeTakeFirst();
  if (!r) throw notFound(`Version ${version} of the Statement of Applicability`);
  const content = JSON.parse(r.content) as StoredVersion;
  return {
    version: r.number,
    approvedAt: r.approvedAt,
    approvedBy: { id: r.approvedBy, name: r.approvedByName },
    acknowledgement: content.acknowledgement ?? null,
    counts: content.counts,
    items: content.items,
  };
}
