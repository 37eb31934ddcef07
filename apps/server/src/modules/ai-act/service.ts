import { z } from 'zod';
import {
  AI_ACT_CLASSES,
  AI_ACT_ROLES,
  ANNEX_III_CATEGORIES,
  classificationWarnings,
  classify,
  FRIA_STATES,
  friaState,
  obligations,
  PROHIBITED_PRACTICES,
  TRANSPARENCY_TRIGGERS,
  type AiActAnswers,
  type AiActClassificationInput,
  type CustomerResponsibilities,
} from '@fortytwo/domain';
import type { Actor } from '../../platform/audit';
import type { Db, Tx } from '../../platform/db/connect';
import type { AiActClassificationTable } from '../../platform/db/schema';
import { changedOne } from '../../platform/db/versioned';
import { notFound, ruleViolation, staleVersion } from '../../platform/errors';
import { nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import { builtinCatalog } from '../catalog/builtin';

// Per AI system: its EU AI Act classification (issue 16 item 5) and, when the organization provides
// it, the split of responsibilities with customers (A.10.4). Both are one versioned record per
// system, written whole (PUT with the version read, 0 for the first save). Their events are on the
// AI system, so they show in its history. The class and obligations are derived (packages/domain/
// eu-ai-act.ts); each obligation carries the ISO/IEC 42001 items the catalogue's crosswalk links.

const ZLinked = z.object({ ref: z.string(), title: z.string(), relationship: z.string() });
export const ZAiActOut = z.object({
  aiSystemId: z.string(),
  version: z.number().describe('0 until the first save'),
  prohibitedScreened: z.boolean(),
  prohibitedPractices: z.array(z.enum(PROHIBITED_PRACTICES)),
  annexIProduct: z.boolean(),
  annexIIICategory: z.enum(ANNEX_III_CATEGORIES).nullable(),
  derogationReason: z.string(),
  profilesPeople: z.boolean(),
  roles: z.array(z.enum(AI_ACT_ROLES)),
  transparencyTriggers: z.array(z.enum(TRANSPARENCY_TRIGGERS)),
  publicService: z.boolean(),
  friaImpactAssessmentId: z.string().nullable(),
  friaImpactAssessment: z
    .object({ id: z.string(), ref: z.string(), title: z.string(), status: z.string() })
    .nullable()
    .describe('the 42001 impact assessment that covers the fundamental-rights assessment'),
  notes: z.string(),
  class: z.enum(AI_ACT_CLASSES),
  fria: z.enum(FRIA_STATES).describe('whether a fundamental-rights impact assessment (Art. 27) is due'),
  obligations: z.array(
    z.object({
      ref: z.string(),
      title: z.string().describe("the article's title in the catalogue; empty for articles it does not list"),
      because: z.string(),
      iso42001: z.array(ZLinked).describe('42001 items the eu-ai-act→iso42001 crosswalk links to the article'),
    }),
  ),
  warnings: z.array(z.string()),
  updatedAt: z.string().nullable(),
});
export type AiActOut = z.infer<typeof ZAiActOut>;

async function assertSystem(db: Db | Tx, orgId: string, id: string) {
  const s = await db
    .selectFrom('aiSystems')
    .select(['id', 'aiRoles'])
    .where('orgId', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!s) throw notFound('AI system');
  return s;
}

const EMPTY: Omit<AiActClassificationTable, 'aiSystemId' | 'orgId' | 'updatedAt' | 'updatedBy'> = {
  prohibitedScreened: 0,
  prohibitedPractices: '[]',
  annexOneProduct: 0,
  annexThreeCategory: null,
  derogationReason: '',
  profilesPeople: 0,
  roles: '[]',
  transparencyTriggers: '[]',
  publicService: 0,
  friaImpactAssessmentId: null,
  notes: '',
  version: 0,
};

async function read(db: Db | Tx, orgId: string, aiSystemId: string): Promise<AiActOut> {
  await assertSystem(db, orgId, aiSystemId);
  const row = await db
    .selectFrom('aiActClassifications')
    .selectAll()
    .where('orgId', '=', orgId)
    .where('aiSystemId', '=', aiSystemId)
    .executeTakeFirst();
  const r = row ?? { ...EMPTY, updatedAt: null };
  const answers: AiActAnswers = {
    prohibitedScreened: r.prohibitedScreened === 1,
    prohibitedPractices: JSON.parse(r.prohibitedPractices) as AiActAnswers['prohibitedPractices'],
    annexIProduct: r.annexOneProduct === 1,
    annexIIICategory: r.annexThreeCategory as AiActAnswers['annexIIICategory'],
    derogationReason: r.derogationReason,
    profilesPeople: r.profilesPeople === 1,
    roles: JSON.parse(r.roles) as AiActAnswers['roles'],
    transparencyTriggers: JSON.parse(r.transparencyTriggers) as AiActAnswers['transparencyTriggers'],
    publicService: r.publicService === 1,
  };
  const ia = r.friaImpactAssessmentId
    ? await db
        .selectFrom('impactAssessments')
        .select(['id', 'number', 'title', 'status'])
        .where('orgId', '=', orgId)
        .where('id', '=', r.friaImpactAssessmentId)
        .executeTakeFirst()
    : undefined;
  const catalog = builtinCatalog();
  return {
    aiSystemId,
    version: r.version,
    ...answers,
    friaImpactAssessmentId: r.friaImpactAssessmentId,
    friaImpactAssessment: ia ? { id: ia.id, ref: `IA-${ia.number}`, title: ia.title, status: ia.status } : null,
    notes: r.notes,
    class: classify(answers),
    fria: friaState(answers),
    obligations: obligations(answers).map((o) => ({
      ...o,
      title: catalog.item('eu-ai-act', o.ref)?.title ?? '',
      iso42001: catalog
        .linksOf('eu-ai-act', o.ref)
        .filter((l) => l.frameworkId === 'iso42001')
        .map((l) => ({ ref: l.ref, title: l.title, relationship: l.relationship })),
    })),
    warnings: classificationWarnings({ ...answers, friaImpactAssessmentId: r.friaImpactAssessmentId }),
    updatedAt: r.updatedAt,
  };
}

export const getAiActClassification = (deps: Deps, orgId: string, aiSystemId: string) =>
  read(deps.db, orgId, aiSystemId);

const derived = ({ friaImpactAssessment: _i, obligations: _o, warnings: _w, updatedAt: _u, ...rest }: AiActOut) => rest;

export function saveAiActClassification(
  deps: Deps,
  actor: Actor,
  orgId: string,
  aiSystemId: string,
  input: AiActClassificationInput,
) {
  return inTransaction(deps, async (tx, audit) => {
    const before = await read(tx, orgId, aiSystemId);
    if (before.version !== input.version) throw staleVersion('EU AI Act classification', before);
    if (input.friaImpactAssessmentId) {
      const ia = await tx
        .selectFrom('impactAssessments')
        .select(['aiSystemId'])
        .where('orgId', '=', orgId)
        .where('id', '=', input.friaImpactAssessmentId)
        .executeTakeFirst();
      if (!ia || ia.aiSystemId !== aiSystemId)
        throw ruleViolation(
          'Fundamental-rights impact assessment: pick an impact assessment of this AI system (or start one)',
          { field: 'friaImpactAssessmentId' },
        );
    }
    const now = nowIso();
    const columns = {
      prohibitedScreened: input.prohibitedScreened ? 1 : 0,
      prohibitedPractices: JSON.stringify(input.prohibitedPractices),
      annexOneProduct: input.annexIProduct ? 1 : 0,
      annexThreeCategory: input.annexIIICategory,
      derogationReason: input.derogationReason,
      profilesPeople: input.profilesPeople ? 1 : 0,
      roles: JSON.stringify(input.roles),
      transparencyTriggers: JSON.stringify(input.transparencyTriggers),
      publicService: input.publicService ? 1 : 0,
      friaImpactAssessmentId: input.friaImpactAssessmentId,
      notes: input.notes,
      version: input.version + 1,
      updatedAt: now,
      updatedBy: actor.userId,
    };
    const written =
      input.version === 0
        ? await changedOne(
            tx
              .insertInto('aiActClassifications')
              .values({ aiSystemId, orgId, ...columns })
              .onConflict((oc) => oc.column('aiSystemId').doNothing()),
          )
        : await changedOne(
            tx
              .updateTable('aiActClassifications')
              .set(columns)
              .where('orgId', '=', orgId)
              .where('aiSystemId', '=', aiSystemId)
              .where('version', '=', input.version),
          );
    if (!written) throw staleVersion('EU AI Act classification', before);
    const after = await read(tx, orgId, aiSystemId);
    await audit({
      orgId,
      actor,
      action: 'ai_system.ai_act_classified',
      entityType: 'ai_system',
      entityId: aiSystemId,
      before: before.version === 0 ? null : derived(before),
      after: derived(after),
    });
    return after;
  });
}

// A.10.4: the split of responsibilities with customers, for a system the organization provides.

export const ZCustomerResponsibilitiesOut = z.object({
  aiSystemId: z.string(),
  version: z.number().describe('0 until the first save'),
  applies: z.boolean().describe('the organization is a provider of this AI system (its AI roles include provider)'),
  items: z.array(z.object({ topic: z.string(), ours: z.string(), customers: z.string() })),
  updatedAt: z.string().nullable(),
});
export type CustomerResponsibilitiesOut = z.infer<typeof ZCustomerResponsibilitiesOut>;

async function readSplit(db: Db | Tx, orgId: string, aiSystemId: string): Promise<CustomerResponsibilitiesOut> {
  const system = await assertSystem(db, orgId, aiSystemId);
  const row = await db
    .selectFrom('customerResponsibilities')
    .selectAll()
    .where('orgId', '=', orgId)
    .where('aiSystemId', '=', aiSystemId)
    .executeTakeFirst();
  return {
    aiSystemId,
    version: row?.version ?? 0,
    applies: (JSON.parse(system.aiRoles) as string[]).includes('provider'),
    items: row ? (JSON.parse(row.items) as CustomerResponsibilitiesOut['items']) : [],
    updatedAt: row?.updatedAt ?? null,
  };
}

export const getCustomerResponsibilities = (deps: Deps, orgId: string, aiSystemId: string) =>
  readSplit(deps.db, orgId, aiSystemId);

export function saveCustomerResponsibilities(
  deps: Deps,
  actor: Actor,
  orgId: string,
  aiSystemId: string,
  input: CustomerResponsibilities,
) {
  return inTransaction(deps, async (tx, audit) => {
    const before = await readSplit(tx, orgId, aiSystemId);
    if (before.version !== input.version) throw staleVersion('responsibility split', before);
    if (!before.applies)
      throw ruleViolation(
        'The split with customers (A.10.4) is for systems the organization provides: add the provider role to the AI system first',
        { field: 'items' },
      );
    const now = nowIso();
    const columns = {
      items: JSON.stringify(input.items),
      version: input.version + 1,
      updatedAt: now,
      updatedBy: actor.userId,
    };
    const written =
      input.version === 0
        ? await changedOne(
            tx
              .insertInto('customerResponsibilities')
              .values({ aiSystemId, orgId, ...columns })
              .onConflict((oc) => oc.column('aiSystemId').doNothing()),
          )
        : await changedOne(
            tx
              .updateTable('customerResponsibilities')
              .set(columns)
              .where('orgId', '=', orgId)
              .where('aiSystemId', '=', aiSystemId)
              .where('version', '=', input.version),
          );
    if (!written) throw staleVersion('responsibility split', before);
    const after = await readSplit(tx, orgId, aiSystemId);
    await audit({
      orgId,
      actor,
      action: 'ai_system.customer_responsibilities_updated',
      entityType: 'ai_system',
      entityId: aiSystemId,
      before: { items: before.items },
      after: { items: after.items },
    });
    return after;
  });
}
