import { z } from 'zod';
import { RISK_LEVEL_LABELS } from '@fortytwo/domain';
import type { Db } from '../../platform/db/connect';
import { listAssessmentRows, resultsByAssessment } from '../gap/repository';
import { scoresOf } from '../gap/service';
import { readOrgContext } from '../context/org-context';
import { getScope } from '../context/scope';
import { listParties } from '../context/registers';
import { readCriteriaInForce } from '../risk/criteria';
import { today } from '../risk/read';
import { positionGroups } from '../risk/summary';
import { getPlan } from '../risk/plan';
import { getSoa } from '../soa/service';
import { masterList } from '../documents/master-list';
import { readinessOf } from '../certification/routes';

// The overview's "where are we": one function per journey step, each reading live data and saying
// what is true (facts), how far the step is (state) and what to do next (links, in order). A step
// built later adds its function to STEPS; the overview and its page need no other change.

export const STEP_STATES = ['not_started', 'in_progress', 'done', 'not_built'] as const;
export const ZNextThing = z.object({
  label: z.string(),
  href: z.string().describe('a path under /orgs/:orgId, such as /risks?attention=true'),
});
export const ZStepOverview = z.object({
  slug: z.string(),
  state: z.enum(STEP_STATES),
  facts: z
    .array(z.string())
    .describe('what is true today, in plain words ("Scope approved on 2026-11-02 (revision 1)")'),
  next: z.array(ZNextThing).describe('what to do next in this step, most important first'),
});
export type StepOverview = z.infer<typeof ZStepOverview>;
type Next = z.infer<typeof ZNextThing>;

const day = (iso: string) => iso.slice(0, 10);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const stateOf = (done: boolean, started: boolean): StepOverview['state'] =>
  done ? 'done' : started ? 'in_progress' : 'not_started';

/** Step 1: the current working gap assessment, answered and scored. */
async function gapStep(db: Db, orgId: string): Promise<StepOverview> {
  const [rows, results] = await Promise.all([listAssessmentRows(db, orgId), resultsByAssessment(db, orgId)]);
  const working = rows.filter((a) => a.kind === 'working').sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
  if (!working)
    return {
      slug: 'gap-analysis',
      state: 'not_started',
      facts: ['No gap assessment yet'],
      next: [{ label: 'Start the gap analysis', href: '/gap-analysis' }],
    };
  const s = scoresOf(results.get(working.id) ?? []);
  const { answered, total } = s.counts;
  const facts = [`${answered} of ${total} requirements and controls answered in "${working.name}"`];
  if (s.overall !== null) facts.push(`Readiness ${Math.round(s.overall * 10) / 10} %`);
  const next: Next[] =
    answered < total
      ? [{ label: `Answer the gap questionnaire (${total - answered} left)`, href: `/gap-analysis/${working.id}` }]
      : [{ label: 'Turn the gaps into actions', href: `/gap-analysis/${working.id}/gaps` }];
  return {
    slug: 'gap-analysis',
    state: stateOf(answered === total && total > 0, answered > 0),
    facts,
    next: answered === total ? [] : next,
  };
}

/** Step 2: context and AI roles, interested parties, the scope, and the risk criteria (6.1.1, set before assessing). */
async function scopeStep(db: Db, orgId: string): Promise<StepOverview> {
  const deps = { db } as Parameters<typeof getScope>[0];
  const [context, parties, scope, criteria, systems] = await Promise.all([
    readOrgContext(db, orgId),
    listParties(db, orgId),
    getScope(deps, orgId),
    readCriteriaInForce(db, orgId),
    db.selectFrom('aiSystems').select(db.fn.countAll<number>().as('n')).where('orgId', '=', orgId).executeTakeFirst(),
  ]);
  const facts: string[] = [];
  const next: Next[] = [];
  if (Number(systems?.n ?? 0) === 0)
    next.push({ label: 'Add your first AI system to the inventory', href: '/ai-systems/new' });
  if (context.aiRoles.length)
    facts.push(`AI roles: ${context.aiRoles.map((r) => r.role.replace(/_/g, ' ')).join(', ')}`);
  else next.push({ label: 'Record the context and your AI roles', href: '/context' });
  facts.push(plural(parties.length, 'interested party', 'interested parties'));
  if (!parties.length) next.push({ label: 'List your interested parties', href: '/context/parties' });
  if (scope.approved)
    facts.push(
      `Scope approved on ${day(scope.approved.approvedAt)} (revision ${scope.approved.revision})${scope.status === 'draft' ? ', changed since' : ''}`,
    );
  else facts.push('Scope not approved yet');
  if (!scope.approved || scope.status === 'draft')
    next.push({ label: scope.approved ? 'Approve the changed scope' : 'Write and approve the scope', href: '/scope' });
  if (criteria.status === 'approved')
    facts.push(`Risk criteria No. ${criteria.number} approved on ${day(criteria.approvedAt ?? '')}`);
  else {
    facts.push('Risk criteria not approved yet (the defaults apply)');
    next.push({ label: 'Review and approve the risk criteria', href: '/risk-criteria' });
  }
  const done =
    !!scope.approved && scope.status === 'approved' && criteria.status === 'approved' && context.aiRoles.length > 0;
  const started =
    !!scope.approved ||
    scope.version > 0 ||
    context.version > 0 ||
    parties.length > 0 ||
    criteria.status === 'approved';
  return { slug: 'scope', state: stateOf(done, started), facts, next };
}

/** Step 3: the mandatory documented information, from the master list. */
async function documentationStep(db: Db, orgId: string): Promise<StepOverview> {
  const items = (await masterList(db, orgId)).filter((i) => i.mandatory);
  const inForce = items.filter((i) => i.state === 'approved' || i.state === 'published' || i.state === 'records');
  const missing = items.filter((i) => i.state === 'missing');
  const facts = [`${inForce.length} of ${items.length} mandatory documents in force`];
  if (missing.length) facts.push(`${plural(missing.length, 'document')} not started`);
  const next: Next[] = missing.length
    ? [{ label: `Generate the missing documents (${missing.length})`, href: '/documentation' }]
    : inForce.length < items.length
      ? [{ label: 'Review and approve the documents in draft', href: '/documentation' }]
      : [];
  return {
    slug: 'documentation',
    state: stateOf(items.length > 0 && inForce.length === items.length, items.length > missing.length),
    facts,
    next,
  };
}

/** Step 4: risks against the acceptance level, the treatment plan, impact assessments and the SoA. */
async function implementationStep(db: Db, orgId: string): Promise<StepOverview> {
  const deps = { db } as Parameters<typeof getSoa>[0];
  const criteria = await readCriteriaInForce(db, orgId);
  // Counts from the positions stored on the risks' rows, grouped in SQL, not the assembled register.
  const [groups, plan, soa, impacts] = await Promise.all([
    positionGroups(db, orgId, criteria, today()),
    getPlan(deps, orgId),
    getSoa(deps, orgId),
    db.selectFrom('impactAssessments').select(['status']).where('orgId', '=', orgId).execute(),
  ]);
  const facts: string[] = [];
  const next: Next[] = [];
  const open = groups.reduce((n, g) => n + g.count, 0);
  const risks = groups.filter((g) => g.kind === 'risk');
  const unrated = risks.filter((g) => g.inherentLikelihood === null).reduce((n, g) => n + g.count, 0);
  // Every unrated open risk needs attention; the rest are rated and above the acceptance level.
  const attention = risks.reduce((n, g) => n + g.needsAttention, 0) - unrated;
  facts.push(
    `${plural(open, 'open risk')}${attention ? `, ${attention} above the acceptance level (${RISK_LEVEL_LABELS[criteria.acceptanceLevel]}) with no treatment or acceptance` : ''}`,
  );
  if (unrated) {
    facts.push(`${plural(unrated, 'risk')} not rated yet`);
    next.push({ label: `Rate the unrated risks (${unrated})`, href: '/risks?attention=true' });
  }
  if (attention)
    next.push({
      label: `Treat or accept the risks above the acceptance level (${attention})`,
      href: '/risks?attention=true',
    });
  if (!open) next.push({ label: 'Assess your AI risks', href: '/risks/new' });
  facts.push(
    plan.status === 'approved' && plan.approved
      ? `Treatment plan version ${plan.number} approved on ${day(plan.approved.approvedAt)}`
      : `Treatment plan version ${plan.number} not approved yet`,
  );
  if (plan.status !== 'approved' && open)
    next.push({ label: 'Approve the risk treatment plan', href: '/risk-treatment-plan' });
  const signed = impacts.filter((i) => i.status === 'signed_off').length;
  facts.push(`${signed} of ${plural(impacts.length, 'impact assessment')} signed off`);
  if (!impacts.length) next.push({ label: 'Assess the impact of your AI systems', href: '/impact-assessments/new' });
  else if (signed < impacts.length)
    next.push({
      label: `Finish and sign off impact assessments (${impacts.length - signed})`,
      href: '/impact-assessments',
    });
  if (soa.approved)
    facts.push(
      `SoA v${soa.approved.version} approved on ${day(soa.approved.approvedAt)}${soa.status === 'draft' ? `; v${soa.version} in draft` : ''}`,
    );
  else facts.push(`SoA not approved yet (${soa.counts.undecided} of ${soa.counts.total} controls undecided)`);
  if (soa.counts.undecided)
    next.push({ label: `Decide the SoA controls (${soa.counts.undecided} undecided)`, href: '/soa' });
  else if (soa.status !== 'approved') next.push({ label: `Approve SoA v${soa.version}`, href: '/soa' });
  const done =
    soa.status === 'approved' &&
    plan.status === 'approved' &&
    attention === 0 &&
    unrated === 0 &&
    impacts.length > 0 &&
    signed === impacts.length;
  const started = open > 0 || impacts.length > 0 || !!soa.approved || soa.counts.undecided < soa.counts.total;
  return { slug: 'implementation', state: stateOf(done, started), facts, next };
}

/** Step 6: the stage-1 readiness check's verdict and why; the fix links live on the check's own page. */
async function certificationStep(db: Db, orgId: string): Promise<StepOverview> {
  const deps = { db } as Parameters<typeof readinessOf>[0];
  const [r, engagements] = await Promise.all([
    readinessOf(deps, orgId, 1),
    db
      .selectFrom('certificationEngagements')
      .select(db.fn.countAll<number>().as('n'))
      .where('orgId', '=', orgId)
      .executeTakeFirst(),
  ]);
  const engaged = Number(engagements?.n ?? 0) > 0;
  return {
    slug: 'certification',
    state: stateOf(r.verdict === 'ready', engaged || r.verdict !== 'not_ready'),
    facts: [r.summary, ...(engaged ? [plural(Number(engagements!.n), 'certification body engagement')] : [])],
    next: [],
  };
}

/** Step 5: the audit programme, completed internal audits, open nonconformities, held management reviews. */
async function internalAuditStep(db: Db, orgId: string): Promise<StepOverview> {
  const [programme, audits, ncs, reviews] = await Promise.all([
    db.selectFrom('auditProgrammes').select('status').where('orgId', '=', orgId).executeTakeFirst(),
    db.selectFrom('audits').select(['status', 'completedAt']).where('orgId', '=', orgId).execute(),
    db.selectFrom('nonconformities').select('status').where('orgId', '=', orgId).execute(),
    db.selectFrom('managementReviews').select(['status', 'meetingDate']).where('orgId', '=', orgId).execute(),
  ]);
  const facts: string[] = [];
  const next: Next[] = [];
  const completed = audits.filter((a) => a.status === 'completed');
  const open = ncs.filter((n) => n.status !== 'closed');
  const held = reviews.filter((r) => r.status === 'held' || r.status === 'signed_off');
  facts.push(programme?.status === 'approved' ? 'Audit programme approved' : 'Audit programme not approved yet');
  facts.push(
    `${plural(completed.length, 'internal audit')} completed, ${audits.length - completed.length} planned or under way`,
  );
  facts.push(`${plural(open.length, 'open nonconformity', 'open nonconformities')}`);
  facts.push(
    held.length
      ? `${plural(held.length, 'management review')} held, the last on ${[...held]
          .map((r) => r.meetingDate)
          .sort()
          .pop()}`
      : 'No management review held yet',
  );
  if (programme?.status !== 'approved')
    next.push({ label: 'Plan and approve the audit programme', href: '/internal-audit' });
  if (!completed.length) next.push({ label: 'Run and complete an internal audit', href: '/internal-audit' });
  if (open.length) next.push({ label: `Work on the open nonconformities (${open.length})`, href: '/nonconformities' });
  if (!held.length) next.push({ label: 'Hold a management review', href: '/management-reviews' });
  const done = completed.length > 0 && held.length > 0;
  const started = !!programme || audits.length > 0 || reviews.length > 0;
  return { slug: 'internal-audit', state: stateOf(done, started), facts, next };
}

/** One function per journey step, in journey order. */
export const STEPS: ((db: Db, orgId: string) => Promise<StepOverview>)[] = [
  gapStep,
  scopeStep,
  documentationStep,
  implementationStep,
  internalAuditStep,
  certificationStep,
];
