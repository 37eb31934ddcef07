import { z } from 'zod';
import {
  defaultImpactTitle,
  IMPACT_STATUSES,
  IMPACT_TRIGGERS,
  impactGaps,
  impactSignOffProblems,
  INDIVIDUAL_EFFECT_AREAS,
  SOCIETAL_EFFECT_AREAS,
  type ZImpactFields,
  type ZRiskFields,
  type ZUpdateImpact,
} from '@fortytwo/domain';
import type { Actor } from '../../platform/audit';
import type { Db, Tx } from '../../platform/db/connect';
import type { ImpactAssessmentTable } from '../../platform/db/schema';
import { notFound, ruleViolation, staleVersion } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import { createRiskInTx } from '../risk/risks';
import { writeOne } from '../../platform/db/versioned';
import { nextNumber } from '../../platform/db/record-numbers';

// AI system impact assessments (6.1.4, 8.4, A.5): one record per assessment of one AI system,
// signed off by top management and kept until its retention date. Risks created from an assessment
// point back at it, so the trace from impact to risk register runs both ways.

const ENTITY = 'impact_assessment';

const ZGroup = z.object({
  group: z.string(),
  vulnerable: z.boolean(),
  effects: z.partialRecord(z.enum(INDIVIDUAL_EFFECT_AREAS), z.string()),
});
export const ZImpactOut = z.object({
  id: z.string(),
  ref: z.string().describe('IA-1, IA-2, …'),
  aiSystemId: z.string(),
  aiSystem: z
    .object({ id: z.string(), name: z.string() })
    .nullable()
    .describe('null once the AI system was deleted; the assessment is kept'),
  title: z.string(),
  trigger: z.enum(IMPACT_TRIGGERS),
  intendedUse: z.string(),
  foreseeableMisuse: z.string(),
  affectedGroups: z.array(ZGroup),
  societalEffects: z.partialRecord(z.enum(SOCIETAL_EFFECT_AREAS), z.string()),
  societalNotApplicable: z.string().describe('why the societal section does not apply; empty when answered'),
  severity: z.number().nullable(),
  likelihood: z.number().nullable(),
  mitigations: z.string(),
  conclusion: z.string(),
  retentionUntil: z.string().nullable(),
  status: z.enum(IMPACT_STATUSES),
  signedOffAt: z.string().nullable(),
  signedOffBy: z.object({ id: z.string().nullable(), name: z.string() }).nullable(),
  signOffProblems: z.array(z.string()),
  risks: z.array(z.object({ id: z.string(), ref: z.string(), title: z.string() })),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ImpactOut = z.infer<typeof ZImpactOut>;

type Content = Pick<
  ImpactOut,
  | 'intendedUse'
  | 'foreseeableMisuse'
  | 'affectedGroups'
  | 'societalEffects'
  | 'societalNotApplicable'
  | 'mitigations'
  | 'conclusion'
>;
const CONTENT_KEYS = [
  'intendedUse',
  'foreseeableMisuse',
  'affectedGroups',
  'societalEffects',
  'societalNotApplicable',
  'mitigations',
  'conclusion',
] as const;

async function load(
  db: Db | Tx,
  orgId: string,
  filter: { id?: string; aiSystemId?: string | undefined } = {},
): Promise<ImpactOut[]> {
  let q = db
    .selectFrom('impactAssessments')
    .leftJoin('aiSystems', 'aiSystems.id', 'impactAssessments.aiSystemId')
    .selectAll('impactAssessments')
    .select('aiSystems.name as aiSystemName')
    .where('impactAssessments.orgId', '=', orgId);
  if (filter.id) q = q.where('impactAssessments.id', '=', filter.id);
  if (filter.aiSystemId) q = q.where('impactAssessments.aiSystemId', '=', filter.aiSystemId);
  const rows = await q.orderBy('impactAssessments.number', 'desc').execute();
  if (!rows.length) return [];
  const risks = await db
    .selectFrom('risks')
    .select(['id', 'number', 'title', 'impactAssessmentId'])
    .where('orgId', '=', orgId)
    .where(
      'impactAssessmentId',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('number')
    .execute();
  return rows.map((r) =>
    present(
      r,
      r.aiSystemName,
      risks
        .filter((x) => x.impactAssessmentId === r.id)
        .map((x) => ({ id: x.id, ref: `R-${x.number}`, title: x.title })),
    ),
  );
}

function present(r: ImpactAssessmentTable, aiSystemName: string | null, risks: ImpactOut['risks']): ImpactOut {
  // Assessments stored before the societal "not applicable" reason existed read as answered-or-not.
  const content = { societalNotApplicable: '', ...(JSON.parse(r.content) as Partial<Content>) } as Content;
  const base = { ...content, severity: r.severity, likelihood: r.likelihood, retentionUntil: r.retentionUntil };
  return {
    id: r.id,
    ref: `IA-${r.number}`,
    aiSystemId: r.aiSystemId,
    aiSystem: aiSystemName !== null ? { id: r.aiSystemId, name: aiSystemName } : null,
    title: r.title,
    trigger: r.trigger as ImpactOut['trigger'],
    ...content,
    severity: r.severity,
    likelihood: r.likelihood,
    retentionUntil: r.retentionUntil,
    status: r.status as ImpactOut['status'],
    signedOffAt: r.signedOffAt,
    signedOffBy: r.signedOffByName ? { id: r.signedOffBy, name: r.signedOffByName } : null,
    signOffProblems: r.status === 'signed_off' ? [] : impactSignOffProblems(base),
    risks,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

async function find(db: Db | Tx, orgId: string, id: string) {
  return (await load(db, orgId, { id }))[0];
}

export const listImpacts = (deps: Deps, orgId: string, filter: { aiSystemId?: string | undefined }) =>
  load(deps.db, orgId, filter);

export async function getImpact(deps: Deps, orgId: string, id: string) {
  const found = await find(deps.db, orgId, id);
  if (!found) throw notFound('Impact assessment');
  return found;
}

/** The AI system's name; refused in the form's words when it is not one of this organization's. */
async function aiSystemName(tx: Tx, orgId: string, id: string): Promise<string> {
  const row = await tx
    .selectFrom('aiSystems')
    .select('name')
    .where('orgId', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw ruleViolation('AI system: not an AI system of this organization', { field: 'aiSystemId' });
  return row.name;
}

const contentOf = (v: Content) => JSON.stringify(Object.fromEntries(CONTENT_KEYS.map((k) => [k, v[k]])));

export function createImpact(deps: Deps, actor: Actor, orgId: string, input: z.output<typeof ZImpactFields>) {
  return inTransaction(deps, async (tx, audit) => {
    const systemName = await aiSystemName(tx, orgId, input.aiSystemId);
    const number = await nextNumber(tx, orgId, 'impact_assessment');
    const now = nowIso();
    const id = newId();
    await tx
      .insertInto('impactAssessments')
      .values({
        id,
        orgId,
        number,
        aiSystemId: input.aiSystemId,
        title: input.title || defaultImpactTitle(systemName, input.trigger),
        trigger: input.trigger,
        content: contentOf(input),
        severity: input.severity,
        likelihood: input.likelihood,
        retentionUntil: input.retentionUntil,
        status: 'draft',
        signedOffAt: null,
        signedOffBy: null,
        signedOffByName: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
        createdBy: actor.userId,
        updatedBy: actor.userId,
      })
      .execute();
    const created = (await find(tx, orgId, id))!;
    await audit({
      orgId,
      actor,
      action: 'impact_assessment.created',
      entityType: ENTITY,
      entityId: id,
      after: created,
    });
    return created;
  });
}

export function updateImpact(
  deps: Deps,
  actor: Actor,
  orgId: string,
  id: string,
  patch: z.output<typeof ZUpdateImpact>,
) {
  return inTransaction(deps, async (tx, audit) => {
    const before = await find(tx, orgId, id);
    if (!before) throw notFound('Impact assessment');
    if (before.version !== patch.version) throw staleVersion('impact assessment', before);
    // A signed-off result is a retained record (8.4): a change means a new assessment.
    if (before.status === 'signed_off')
      throw ruleViolation(
        `${before.ref} is signed off and kept as it is. Start a new assessment (trigger: significant change or periodic) to record changes.`,
      );
    const { version, title, trigger, severity, likelihood, retentionUntil, ...content } = patch;
    const merged = {
      ...before,
      ...Object.fromEntries(Object.entries(content).filter(([, v]) => v !== undefined)),
    } as Content;
    const set = {
      ...(title !== undefined ? { title } : {}),
      ...(trigger !== undefined ? { trigger } : {}),
      ...(severity !== undefined ? { severity } : {}),
      ...(likelihood !== undefined ? { likelihood } : {}),
      ...(retentionUntil !== undefined ? { retentionUntil } : {}),
      content: contentOf(merged),
    };
    await writeOne(
      tx
        .updateTable('impactAssessments')
        .set({ ...set, version: version + 1, updatedAt: nowIso(), updatedBy: actor.userId })
        .where('orgId', '=', orgId)
        .where('id', '=', id)
        .where('version', '=', version),
      () => staleVersion('impact assessment', before),
    );
    const after = (await find(tx, orgId, id))!;
    await audit({ orgId, actor, action: 'impact_assessment.updated', entityType: ENTITY, entityId: id, before, after });
    return after;
  });
}

export function signOffImpact(deps: Deps, actor: Actor, orgId: string, id: string, input: { version: number }) {
  return inTransaction(deps, async (tx, audit) => {
    const before = await find(tx, orgId, id);
    if (!before) throw notFound('Impact assessment');
    if (before.version !== input.version) throw staleVersion('impact assessment', before);
    if (before.status === 'signed_off') throw ruleViolation(`${before.ref} is already signed off`);
    if (before.signOffProblems.length)
      throw ruleViolation(`${before.ref} is not complete: ${before.signOffProblems.join('; ')}.`, {
        problems: before.signOffProblems,
      });
    const now = nowIso();
    await writeOne(
      tx
        .updateTable('impactAssessments')
        .set({
          status: 'signed_off',
          signedOffAt: now,
          signedOffBy: actor.userId,
          signedOffByName: actor.name,
          version: input.version + 1,
          updatedAt: now,
          updatedBy: actor.userId,
        })
        .where('orgId', '=', orgId)
        .where('id', '=', id)
        .where('version', '=', input.version),
      () => staleVersion('impact assessment', before),
    );
    const after = (await find(tx, orgId, id))!;
    await audit({
      orgId,
      actor,
      action: 'impact_assessment.signed_off',
      entityType: ENTITY,
      entityId: id,
      before: { status: before.status },
      after: { status: after.status, signedOffAt: now },
    });
    return after;
  });
}

export function removeImpact(deps: Deps, actor: Actor, orgId: string, id: string) {
  return inTransaction(deps, async (tx, audit) => {
    const before = await find(tx, orgId, id);
    if (!before) throw notFound('Impact assessment');
    if (before.status === 'signed_off' && before.retentionUntil && before.retentionUntil >= nowIso().slice(0, 10))
      throw ruleViolation(`${before.ref} is signed off and must be kept until ${before.retentionUntil} (A.5.3)`);
    await tx
      .updateTable('risks')
      .set({ impactAssessmentId: null })
      .where('orgId', '=', orgId)
      .where('impactAssessmentId', '=', id)
      .execute();
    await writeOne(tx.deleteFrom('impactAssessments').where('orgId', '=', orgId).where('id', '=', id), () =>
      notFound('Impact assessment'),
    );
    await audit({ orgId, actor, action: 'impact_assessment.deleted', entityType: ENTITY, entityId: id, before });
  });
}

/** "Create a risk from this impact": the risk is on the same AI system and points back at the assessment. */
export function riskFromImpact(
  deps: Deps,
  actor: Actor,
  orgId: string,
  id: string,
  input: z.output<typeof ZRiskFields>,
) {
  return inTransaction(deps, async (tx, audit) => {
    const ia = await find(tx, orgId, id);
    if (!ia) throw notFound('Impact assessment');
    const risk = await createRiskInTx(tx, audit, actor, orgId, {
      ...input,
      aiSystemId: ia.aiSystem ? ia.aiSystemId : null,
      impactAssessmentId: id,
    });
    return risk;
  });
}

export const ZImpactGap = z.object({
  aiSystemId: z.string(),
  aiSystemName: z.string(),
  reason: z.enum(['never_assessed', 'draft_only']),
  message: z.string(),
});

/**
 * AI systems in scope without a signed-off impact assessment. In scope: the systems of the approved
 * scope revision; before any scope is approved, every AI system that is not archived or retired.
 */
export async function listImpactGaps(deps: Deps, orgId: string, filter: { aiSystemId?: string | undefined } = {}) {
  const [systems, revision, assessments] = await Promise.all([
    deps.db
      .selectFrom('aiSystems')
      .select(['id', 'name', 'status', 'lifecycleStage'])
      .where('orgId', '=', orgId)
      .orderBy('name')
      .execute(),
    deps.db
      .selectFrom('scopeRevisions')
      .select('content')
      .where('orgId', '=', orgId)
      .orderBy('revision', 'desc')
      .executeTakeFirst(),
    deps.db.selectFrom('impactAssessments').select(['aiSystemId', 'status']).where('orgId', '=', orgId).execute(),
  ]);
  const inScope = revision
    ? new Set((JSON.parse(revision.content) as { aiSystemIds?: string[] }).aiSystemIds ?? [])
    : null;
  const candidates = systems
    .filter((s) => (inScope ? inScope.has(s.id) : s.status !== 'archived' && s.lifecycleStage !== 'retired'))
    .filter((s) => !filter.aiSystemId || s.id === filter.aiSystemId);
  return impactGaps(candidates, assessments);
}
