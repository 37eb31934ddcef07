import {
  reassessmentDueOn,
  reassessmentDueText,
  reassessmentPlan,
  REASSESSMENT_KIND_LABELS,
  type ChangeKind,
  type DueItem,
  type ReassessmentKind,
  type ReassessmentStatus,
} from '@fortytwo/domain';
import { z } from 'zod';
import type { Actor, AuditInput } from '../../platform/audit';
import type { Db, Tx } from '../../platform/db/connect';
import { writeOne } from '../../platform/db/versioned';
import { notFound, ruleViolation, staleVersion } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';

// The re-assessments a significant change opens (8.2, 8.4): one of the system's risk assessment and
// one of its impact assessment, each for its owner, due 30 days after. A re-assessment is done when
// its owner records the conclusion, or on its own once the work is visible in the registers: an
// impact assessment of the system signed off, or a risk of the system assessed, after it opened.
// `pendingReassessments` is the question the readiness check asks; `dueItems` puts them in "my tasks".

export const ZReassessment = z.object({
  id: z.string(),
  aiSystemId: z.string(),
  aiSystemName: z.string(),
  changeId: z.string(),
  change: z.object({ kind: z.string(), title: z.string(), occurredOn: z.string() }),
  kind: z.enum(['risk_assessment', 'impact_assessment']),
  text: z.string().describe('"Re-assessment due because of change …"'),
  assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
  dueOn: z.string(),
  status: z.enum(['due', 'done', 'cancelled']),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  closedByName: z.string().nullable(),
  note: z.string(),
  satisfiedBy: z
    .string()
    .nullable()
    .describe('the register entry that answered it (an impact assessment signed off, a risk assessed after it opened)'),
  version: z.number(),
});
export type Reassessment = z.infer<typeof ZReassessment>;

type Filter = { aiSystemId?: string; status?: ReassessmentStatus; changeIds?: string[] };

/** The latest evidence, per AI system, that each assessment was redone: the newest sign-off and the newest risk assessment. */
async function latestWork(db: Db | Tx, orgId: string, systemIds: string[]) {
  const impact = new Map<string, { at: string; ref: string }>();
  const risk = new Map<string, { at: string; ref: string }>();
  if (!systemIds.length) return { impact, risk };
  const ias = await db
    .selectFrom('impactAssessments')
    .select(['aiSystemId', 'signedOffAt', 'number'])
    .where('orgId', '=', orgId)
    .where('aiSystemId', 'in', systemIds)
    .where('status', '=', 'signed_off')
    .where('signedOffAt', 'is not', null)
    .execute();
  for (const r of ias)
    if (!impact.has(r.aiSystemId) || impact.get(r.aiSystemId)!.at < r.signedOffAt!)
      impact.set(r.aiSystemId, { at: r.signedOffAt!, ref: `IA-${r.number}` });
  const ras = await db
    .selectFrom('riskAssessments')
    .innerJoin('risks', 'risks.id', 'riskAssessments.riskId')
    .select(['risks.aiSystemId', 'riskAssessments.assessedAt', 'risks.number'])
    .where('riskAssessments.orgId', '=', orgId)
    .where('risks.aiSystemId', 'in', systemIds)
    .execute();
  for (const r of ras)
    if (r.aiSystemId && (!risk.has(r.aiSystemId) || risk.get(r.aiSystemId)!.at < r.assessedAt))
      risk.set(r.aiSystemId, { at: r.assessedAt, ref: `R-${r.number}` });
  return { impact, risk };
}

export async function listReassessments(db: Db | Tx, orgId: string, filter: Filter = {}): Promise<Reassessment[]> {
  let q = db
    .selectFrom('aiReassessments as r')
    .innerJoin('aiChanges as c', 'c.id', 'r.changeId')
    .innerJoin('aiSystems as s', 's.id', 'r.aiSystemId')
    .leftJoin('users as u', 'u.id', 'r.assigneeId')
    .select([
      'r.id',
      'r.aiSystemId',
      's.name as aiSystemName',
      'r.changeId',
      'c.kind as changeKind',
      'c.title as changeTitle',
      'c.occurredOn',
      'r.kind',
      'r.assigneeId',
      'u.name as assigneeName',
      'r.dueOn',
      'r.status',
      'r.openedAt',
      'r.closedAt',
      'r.closedByName',
      'r.note',
      'r.version',
    ])
    .where('r.orgId', '=', orgId);
  if (filter.aiSystemId) q = q.where('r.aiSystemId', '=', filter.aiSystemId);
  if (filter.changeIds) {
    if (!filter.changeIds.length) return [];
    q = q.where('r.changeId', 'in', filter.changeIds);
  }
  const rows = await q.orderBy('r.dueOn').orderBy('r.openedAt').orderBy('r.kind').execute();
  const work = await latestWork(db, orgId, [
    ...new Set(rows.filter((r) => r.status === 'due').map((r) => r.aiSystemId)),
  ]);
  const out = rows.map((r): Reassessment => {
    const kind = r.kind as ReassessmentKind;
    const done = r.status === 'due' ? (kind === 'impact_assessment' ? work.impact : work.risk).get(r.aiSystemId) : null;
    const satisfied = done && done.at > r.openedAt ? done : null;
    return {
      id: r.id,
      aiSystemId: r.aiSystemId,
      aiSystemName: r.aiSystemName,
      changeId: r.changeId,
      change: { kind: r.changeKind, title: r.changeTitle, occurredOn: r.occurredOn },
      kind,
      text: reassessmentDueText({ kind: r.changeKind as ChangeKind, title: r.changeTitle, occurredOn: r.occurredOn }),
      assignee: r.assigneeId && r.assigneeName !== null ? { id: r.assigneeId, name: r.assigneeName } : null,
      dueOn: r.dueOn,
      status: satisfied ? 'done' : (r.status as ReassessmentStatus),
      openedAt: r.openedAt,
      closedAt: satisfied ? satisfied.at : r.closedAt,
      closedByName: r.closedByName,
      note: r.note,
      satisfiedBy: satisfied
        ? `${satisfied.ref} ${kind === 'impact_assessment' ? 'signed off' : 'assessed'} on ${satisfied.at.slice(0, 10)}`
        : null,
      version: r.version,
    };
  });
  return filter.status ? out.filter((r) => r.status === filter.status) : out;
}

/**
 * The re-assessments still due in an organization, for the readiness check and the task list:
 * a significant change whose risk or impact assessment has not been redone yet.
 */
export function pendingReassessments(db: Db | Tx, orgId: string, aiSystemId?: string): Promise<Reassessment[]> {
  return listReassessments(db, orgId, { status: 'due', ...(aiSystemId ? { aiSystemId } : {}) });
}

/** Who owns each assessment of a system: its risks' owner, its impact assessment's author, else the system's owner. */
async function ownersOf(tx: Tx, orgId: string, aiSystemId: string, systemOwnerId: string | null) {
  const risk = await tx
    .selectFrom('risks')
    .select('ownerId')
    .where('orgId', '=', orgId)
    .where('aiSystemId', '=', aiSystemId)
    .where('ownerId', 'is not', null)
    .orderBy('number')
    .limit(1)
    .executeTakeFirst();
  const impact = await tx
    .selectFrom('impactAssessments')
    .select('createdBy')
    .where('orgId', '=', orgId)
    .where('aiSystemId', '=', aiSystemId)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
  const member = async (id: string | null | undefined) =>
    id &&
    (await tx
      .selectFrom('memberships')
      .select('userId')
      .where('orgId', '=', orgId)
      .where('userId', '=', id)
      .executeTakeFirst())
      ? id
      : null;
  return {
    risk_assessment: (await member(risk?.ownerId)) ?? systemOwnerId,
    impact_assessment: (await member(impact?.createdBy)) ?? systemOwnerId,
  } satisfies Record<ReassessmentKind, string | null>;
}

/**
 * Brings a change's re-assessments in line with its significance, inside the change's transaction:
 * opens what a significant change lacks, cancels what is still due when it no longer is.
 */
export async function syncReassessments(
  tx: Tx,
  audit: (e: AuditInput) => Promise<void>,
  actor: Actor,
  orgId: string,
  change: { id: string; aiSystemId: string; significant: boolean; title: string },
): Promise<void> {
  const existing = await tx
    .selectFrom('aiReassessments')
    .select(['id', 'kind', 'status'])
    .where('orgId', '=', orgId)
    .where('changeId', '=', change.id)
    .execute();
  const plan = reassessmentPlan(
    change.significant,
    existing.map((e) => ({ kind: e.kind as ReassessmentKind, status: e.status as ReassessmentStatus })),
  );
  const now = nowIso();
  if (plan.cancelDue) {
    const due = existing.filter((e) => e.status === 'due');
    for (const e of due) {
      await writeOne(
        tx
          .updateTable('aiReassessments')
          .set({
            status: 'cancelled',
            closedAt: now,
            closedBy: actor.userId,
            closedByName: actor.name,
            note: 'The change is no longer considered significant',
            version: (eb) => eb('version', '+', 1),
          })
          .where('id', '=', e.id)
          .where('status', '=', 'due'),
        () => staleVersion('re-assessment', e),
      );
      await audit({
        orgId,
        actor,
        action: 'ai_reassessment.cancelled',
        entityType: 'ai_system',
        entityId: change.aiSystemId,
        before: { id: e.id, kind: e.kind, changeId: change.id, status: 'due' },
        after: { id: e.id, kind: e.kind, changeId: change.id, status: 'cancelled' },
      });
    }
  }
  if (!plan.open.length) return;
  const system = await tx
    .selectFrom('aiSystems')
    .select('ownerId')
    .where('orgId', '=', orgId)
    .where('id', '=', change.aiSystemId)
    .executeTakeFirstOrThrow();
  const owners = await ownersOf(tx, orgId, change.aiSystemId, system.ownerId);
  for (const kind of plan.open) {
    const row = {
      id: newId(),
      orgId,
      aiSystemId: change.aiSystemId,
      changeId: change.id,
      kind,
      assigneeId: owners[kind],
      dueOn: reassessmentDueOn(now.slice(0, 10)),
      status: 'due',
      openedAt: now,
      closedAt: null,
      closedBy: null,
      closedByName: null,
      note: '',
      version: 1,
    };
    await tx.insertInto('aiReassessments').values(row).execute();
    await audit({
      orgId,
      actor,
      action: 'ai_reassessment.opened',
      entityType: 'ai_system',
      entityId: change.aiSystemId,
      after: {
        id: row.id,
        kind,
        changeId: change.id,
        change: change.title,
        assigneeId: row.assigneeId,
        dueOn: row.dueOn,
      },
    });
  }
}

/** The owner records what the re-assessment concluded: it is done. */
export function completeReassessment(
  deps: Deps,
  actor: Actor,
  orgId: string,
  aiSystemId: string,
  id: string,
  input: { version: number; note: string },
): Promise<Reassessment> {
  return inTransaction(deps, async (tx, audit) => {
    const [before] = (await listReassessments(tx, orgId, { aiSystemId })).filter((r) => r.id === id);
    if (!before) throw notFound('Re-assessment');
    if (before.version !== input.version) throw staleVersion('re-assessment', before);
    const stored = await tx
      .selectFrom('aiReassessments')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    if (stored.status !== 'due') throw ruleViolation(`This re-assessment is ${stored.status} already`);
    await writeOne(
      tx
        .updateTable('aiReassessments')
        .set({
          status: 'done',
          note: input.note,
          closedAt: nowIso(),
          closedBy: actor.userId,
          closedByName: actor.name,
          version: input.version + 1,
        })
        .where('orgId', '=', orgId)
        .where('id', '=', id)
        .where('version', '=', input.version),
      () => staleVersion('re-assessment', before),
    );
    const [after] = (await listReassessments(tx, orgId, { aiSystemId })).filter((r) => r.id === id);
    await audit({
      orgId,
      actor,
      action: 'ai_reassessment.completed',
      entityType: 'ai_system',
      entityId: aiSystemId,
      before: { id, kind: before.kind, status: before.status },
      after: { id, kind: before.kind, status: 'done', note: input.note },
    });
    return after!;
  });
}

/** The due re-assessments as tasks of their owners; each links to the assessment it reopens. */
export async function dueItems(db: Db, orgId: string): Promise<DueItem[]> {
  const pending = await pendingReassessments(db, orgId);
  if (!pending.length) return [];
  const latestIa = await db
    .selectFrom('impactAssessments')
    .select(['id', 'aiSystemId', 'number'])
    .where('orgId', '=', orgId)
    .where(
      'aiSystemId',
      'in',
      pending.map((p) => p.aiSystemId),
    )
    .orderBy('number', 'desc')
    .execute();
  const org = `/orgs/${orgId}`;
  return pending.map((p) => {
    const ia = latestIa.find((r) => r.aiSystemId === p.aiSystemId);
    const href =
      p.kind === 'impact_assessment' && ia
        ? `${org}/impact-assessments/${ia.id}`
        : `${org}/ai-systems/${p.aiSystemId}?tab=releases`;
    return {
      kind: 'reassessment',
      id: p.id,
      title: `${REASSESSMENT_KIND_LABELS[p.kind]} of ${p.aiSystemName}: ${p.text}`,
      dueOn: p.dueOn,
      assigneeUserId: p.assignee?.id ?? null,
      href,
    };
  });
}
