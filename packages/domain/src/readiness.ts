import { addMonths } from './dates';

// The readiness check of step 6: the organization's live data read as a stage-1 (and stage-2)
// certification auditor would. One small pure function per rule over a typed snapshot the server
// builds from live data. Each rule has an id, the clause or control, the grade it would draw
// (blocking: a major or a stage-2 gate; concern: a minor; note: an opportunity for improvement), and
// per failure a reason that names the exact record and a link to fix it. A rule whose data is absent
// (a step not yet used) says "lacks data" and counts as failing at its grade: it never passes silently.
// Sources: shared/iso42001/CERTIFICATION.md §1.3 (S1–S16) and §3 (operating period).

export const READINESS_GRADES = ['blocking', 'concern', 'note'] as const;
export type ReadinessGrade = (typeof READINESS_GRADES)[number];
export const READINESS_GRADE_LABELS: Record<ReadinessGrade, string> = {
  blocking: 'Blocking (major or stage-2 gate)',
  concern: 'Concern (minor)',
  note: 'Note (opportunity for improvement)',
};
export const READINESS_STATUSES = ['passed', 'failed', 'lacks_data'] as const;
export type ReadinessStatus = (typeof READINESS_STATUSES)[number];
export const READINESS_VERDICTS = ['ready', 'ready_with_concerns', 'not_ready'] as const;
export type ReadinessVerdict = (typeof READINESS_VERDICTS)[number];
export const READINESS_VERDICT_LABELS: Record<ReadinessVerdict, string> = {
  ready: 'Ready',
  ready_with_concerns: 'Ready with concerns',
  not_ready: 'Not ready',
};
export type ReadinessStage = 1 | 2;

/** The operating period CERTIFICATION.md §3 uses as a warning threshold before stage 2 (months). */
export const OPERATING_PERIOD_MONTHS = 3;

// ---- the snapshot ------------------------------------------------------------------------------
// `null` (or undefined for the optional fields) means the step holding the data was never used.

export type SnapshotAiSystem = {
  id: string;
  name: string;
  aiRoles: string[];
  lifecycleStage: string;
  status: string; // draft | active | archived
};
export type SnapshotRisk = {
  id: string;
  ref: string; // RISK-3
  title: string;
  aiSystemId: string | null;
  rated: boolean;
  /** The criteria number the latest rating used. */
  criteriaNumber: number | null;
  /** Above the acceptance level with neither treatment nor a valid acceptance. */
  needsAttention: boolean;
  /** Residual-risk acceptances still on record, with their expiry. */
  acceptanceExpiresOn: string | null;
  treatmentControlRefs: string[];
};
export type SnapshotImpactAssessment = {
  id: string;
  ref: string; // AIIA-2
  title: string;
  aiSystemId: string;
  status: string; // draft | signed_off | …
  signedOffAt: string | null;
};
export type SnapshotSoaItem = {
  ref: string;
  kind: 'annex_a' | 'custom';
  included: boolean | null;
  justification: string;
};
export type SnapshotDocument = {
  key: string; // ai-policy, or a code
  title: string;
  mandatory: boolean;
  state: string; // missing | draft | in_review | approved | published | withdrawn | records
  approvedAt: string | null;
  nextReviewAt: string | null;
  /** For the AI policy: whether the approver of the version in force is top management. */
  approvedByTopManagement?: boolean;
};
export type SnapshotObjective = {
  id: string;
  ref: string; // OBJ-1
  title: string;
  measurable: boolean;
  ownerId: string | null;
  status: string;
};
export type SnapshotPerson = {
  id: string;
  name: string;
  aiRoles: string[];
  active: boolean;
  /** Completions that give competence and are not expired today. */
  validCompletions: number;
};
export type SnapshotControl = {
  ref: string;
  status: string; // planned | implementing | operating | needs_rework | interrupted …
  occurrences: number;
  lastOccurrenceOn: string | null;
};
export type SnapshotEvidence = { id: string; ref: string; title: string; expiresOn: string | null };
export type SnapshotMetric = {
  id: string;
  ref: string; // MET-1
  name: string;
  measurements: number;
  firstAt: string | null;
  lastAt: string | null;
};
export type SnapshotTraining = { id: string; personName: string; title: string; dueOn: string | null; status: string };
export type SnapshotInternalAudit = {
  id: string;
  ref: string;
  completedOn: string | null;
  auditorIndependent: boolean;
  coversAims: boolean;
};
export type SnapshotManagementReview = {
  id: string;
  ref: string;
  heldOn: string | null;
  byTopManagement: boolean;
  missingInputs: string[];
};
export type SnapshotNonconformity = {
  id: string;
  ref: string;
  status: string; // open | closed …
  rootCause: string;
  ownerId: string | null;
  dueDate: string | null;
  correctiveActionOverdue: boolean;
};
export type SnapshotReassessment = {
  aiSystemId: string;
  changeRef: string;
  changedOn: string;
  riskAssessmentRerun: boolean;
  impactAssessmentRerun: boolean;
};

export type ReadinessSnapshot = {
  /** YYYY-MM-DD the check is run on. */
  today: string;
  scope: {
    approved: { revision: number; approvedAt: string } | null;
    changedSinceApproval: boolean;
    aiSystemIds: string[];
    units: string[];
    sites: string[];
    exclusions: { item: string; justification: string }[];
    outOfScope: { aiSystemId: string; reason: string }[];
  } | null;
  context: { aiRoles: { role: string; reason: string }[] } | null;
  aiSystems: SnapshotAiSystem[];
  roles: { topManagement: number; pillarOwners: number; raciAssigned: number } | null;
  riskCriteria: { approvedNumbers: number[]; firstApprovedAt: string | null } | null;
  risks: SnapshotRisk[] | null;
  treatmentPlan: { number: number; approvedAt: string | null; changedSinceApproval: boolean } | null;
  impactAssessments: SnapshotImpactAssessment[] | null;
  soa: { approvedVersion: number | null; changedSinceApproval: boolean; items: SnapshotSoaItem[] } | null;
  objectives: SnapshotObjective[] | null;
  people: SnapshotPerson[] | null;
  documents: SnapshotDocument[] | null;
  controls: SnapshotControl[] | null;
  evidence: SnapshotEvidence[] | null;
  metrics: SnapshotMetric[] | null;
  trainings: SnapshotTraining[] | null;
  // Built by other steps; undefined until their module feeds the loader.
  internalAudits?: SnapshotInternalAudit[];
  managementReviews?: SnapshotManagementReview[];
  nonconformities?: SnapshotNonconformity[];
  pendingReassessments?: SnapshotReassessment[];
  /**
   * "No significant change" confirmations per AI system, the newest for each (8.2, 8.4): an
   * organization with nothing to record says so instead of leaving the rule without data.
   */
  noChangeConfirmations?: { aiSystemId: string; confirmedOn: string }[];
};

// ---- rules -------------------------------------------------------------------------------------

export type ReadinessReason = { message: string; href: string };
export type RuleCheck =
  | { status: 'passed' }
  | { status: 'lacks_data'; reason: ReadinessReason }
  | { status: 'failed'; reasons: ReadinessReason[] };
export type ReadinessRule = {
  id: string;
  /** 1: checked at stage 1 and stage 2; 2: only for stage 2 (operation over time). */
  stage: ReadinessStage;
  ref: string; // clause or control, e.g. "4.3, A.4.2"
  checklist: string; // CERTIFICATION.md §1.3 item, e.g. S1, or O1… for stage 2
  title: string;
  grade: ReadinessGrade;
  check: (s: ReadinessSnapshot) => RuleCheck;
};

const PASS: RuleCheck = { status: 'passed' };
const lacks = (message: string, href: string): RuleCheck => ({ status: 'lacks_data', reason: { message, href } });
const verdictOf = (reasons: ReadinessReason[]): RuleCheck => (reasons.length ? { status: 'failed', reasons } : PASS);
const r = (message: string, href: string): ReadinessReason => ({ message, href });

/** How long a confirmation that an AI system did not change significantly holds: the surveillance year. */
export const NO_CHANGE_CONFIRMATION_MONTHS = 12;

/** AI systems the scope covers: named in the approved scope and not retired or archived. */
export function inScopeSystems(s: ReadinessSnapshot): SnapshotAiSystem[] {
  const ids = new Set(s.scope?.aiSystemIds ?? []);
  return s.aiSystems.filter((a) => ids.has(a.id) && a.status !== 'archived' && a.lifecycleStage !== 'retired');
}
const nameOf = (s: ReadinessSnapshot, id: string | null) =>
  s.aiSystems.find((a) => a.id === id)?.name ?? 'an AI system';

/** The organizational roles an AI system's own roles imply the organization holds (4.1). */
const PRODUCING_ROLES = ['provider', 'producer', 'partner'];

export const READINESS_RULES: ReadinessRule[] = [
  {
    id: 'scope-approved',
    stage: 1,
    ref: '4.3',
    checklist: 'S1',
    title: 'The AIMS scope is approved',
    grade: 'blocking',
    check: (s) => {
      if (!s.scope) return lacks('No scope written yet', '/scope');
      if (!s.scope.approved) return verdictOf([r('The scope was written but never approved', '/scope')]);
      return PASS;
    },
  },
  {
    id: 'scope-current',
    stage: 1,
    ref: '4.3, 7.5',
    checklist: 'S1',
    title: 'The scope in force matches the draft',
    grade: 'concern',
    check: (s) => {
      if (!s.scope?.approved) return lacks('No approved scope yet', '/scope');
      return verdictOf(
        s.scope.changedSinceApproval
          ? [r(`The scope changed since revision ${s.scope.approved.revision} was approved`, '/scope')]
          : [],
      );
    },
  },
  {
    id: 'scope-names-ai-systems',
    stage: 1,
    ref: '4.3, A.4.2',
    checklist: 'S1',
    title: 'The scope names the AI systems, and every AI system in use is in it or excluded with a reason',
    grade: 'blocking',
    check: (s) => {
      if (!s.scope) return lacks('No scope written yet', '/scope');
      if (!s.aiSystems.length) return lacks('The AI system inventory is empty', '/ai-systems/new');
      const reasons: ReadinessReason[] = [];
      if (!s.scope.aiSystemIds.length) reasons.push(r('The scope names no AI system', '/scope'));
      const inScope = new Set(s.scope.aiSystemIds);
      const out = new Set(s.scope.outOfScope.map((o) => o.aiSystemId));
      for (const a of s.aiSystems)
        if (a.status === 'active' && !inScope.has(a.id) && !out.has(a.id))
          reasons.push(r(`AI system "${a.name}" is in use but neither in the scope nor excluded from it`, '/scope'));
      return verdictOf(reasons);
    },
  },
  {
    id: 'scope-exclusions-justified',
    stage: 1,
    ref: '4.3',
    checklist: 'S1',
    title: 'Every exclusion from the scope has its reason',
    grade: 'concern',
    check: (s) => {
      if (!s.scope) return lacks('No scope written yet', '/scope');
      const reasons: ReadinessReason[] = [];
      for (const e of s.scope.exclusions)
        if (!e.justification.trim()) reasons.push(r(`Exclusion "${e.item}" has no justification`, '/scope'));
      for (const o of s.scope.outOfScope)
        if (!o.reason.trim())
          reasons.push(r(`AI system "${nameOf(s, o.aiSystemId)}" is out of scope without a reason`, '/scope'));
      if (!s.scope.units.length && !s.scope.sites.length)
        reasons.push(r('The scope names no organizational unit or site', '/scope'));
      return verdictOf(reasons);
    },
  },
  {
    id: 'ai-roles-declared',
    stage: 1,
    ref: '4.1',
    checklist: 'S2',
    title: "The organization's AI roles are determined",
    grade: 'blocking',
    check: (s) => {
      if (!s.context) return lacks('The context of the organization was never recorded', '/context');
      return verdictOf(s.context.aiRoles.length ? [] : [r('No AI role is declared in the context', '/context')]);
    },
  },
  {
    id: 'ai-roles-consistent',
    stage: 1,
    ref: '4.1',
    checklist: 'S2',
    title: 'The declared AI roles match what the AI systems do',
    grade: 'blocking',
    check: (s) => {
      if (!s.context?.aiRoles.length) return lacks('No AI role is declared in the context', '/context');
      if (!s.aiSystems.length) return lacks('The AI system inventory is empty', '/ai-systems/new');
      const declared = new Set(s.context.aiRoles.map((x) => x.role));
      const reasons: ReadinessReason[] = [];
      for (const a of s.aiSystems.filter((x) => x.status !== 'archived'))
        for (const role of a.aiRoles)
          if (!declared.has(role))
            reasons.push(
              r(
                `AI system "${a.name}" acts as ${role.replace(/_/g, ' ')}${PRODUCING_ROLES.includes(role) ? ' (it builds or offers AI, not only uses it)' : ''}, a role the context does not declare`,
                '/context',
              ),
            );
      return verdictOf(reasons);
    },
  },
  {
    id: 'roles-assigned',
    stage: 1,
    ref: '5.3, A.3.2',
    checklist: 'S4',
    title: 'Top management and AIMS responsibilities are assigned',
    grade: 'blocking',
    check: (s) => {
      if (!s.roles) return lacks('No governance roles recorded', '/governance');
      const reasons: ReadinessReason[] = [];
      if (!s.roles.topManagement) reasons.push(r('No member is marked as top management', '/members'));
      if (!s.roles.pillarOwners && !s.roles.raciAssigned)
        reasons.push(r('No governance pillar has an owner and no RACI activity is assigned', '/governance'));
      return verdictOf(reasons);
    },
  },
  {
    id: 'ai-policy-approved',
    stage: 1,
    ref: '5.2, A.2.2',
    checklist: 'S3',
    title: 'The AI policy is approved by top management',
    grade: 'blocking',
    check: (s) => {
      if (!s.documents) return lacks('No documented information yet', '/documentation');
      const policy = s.documents.find((d) => d.key === 'ai-policy');
      if (!policy || policy.state === 'missing')
        return verdictOf([r('The AI policy does not exist', '/documentation')]);
      if (!['approved', 'published'].includes(policy.state))
        return verdictOf([r(`The AI policy is ${policy.state.replace(/_/g, ' ')}, not approved`, '/documentation')]);
      if (policy.approvedByTopManagement === false)
        return verdictOf([r('The AI policy was approved by someone who is not top management', '/documentation')]);
      return PASS;
    },
  },
  {
    id: 'ai-policy-communicated',
    stage: 1,
    ref: '5.2, A.2.3',
    checklist: 'S3',
    title: 'The AI policy is published to the people it concerns',
    grade: 'concern',
    check: (s) => {
      const policy = s.documents?.find((d) => d.key === 'ai-policy');
      if (!policy || !['approved', 'published'].includes(policy.state))
        return lacks('No approved AI policy to communicate', '/documentation');
      return verdictOf(
        policy.state === 'published' ? [] : [r('The AI policy is approved but not published', '/documentation')],
      );
    },
  },
  {
    id: 'risk-criteria-approved',
    stage: 1,
    ref: '6.1.1, 6.1.2',
    checklist: 'S5',
    title: 'Risk criteria were approved before risks were rated with them',
    grade: 'blocking',
    check: (s) => {
      if (!s.riskCriteria) return lacks('No risk criteria yet', '/risk-criteria');
      if (!s.riskCriteria.approvedNumbers.length)
        return verdictOf([r('The risk criteria were never approved (the defaults apply)', '/risk-criteria')]);
      const approved = new Set(s.riskCriteria.approvedNumbers);
      const reasons = (s.risks ?? [])
        .filter((x) => x.rated && x.criteriaNumber !== null && !approved.has(x.criteriaNumber))
        .map((x) =>
          r(`${x.ref} "${x.title}" is rated with criteria No. ${x.criteriaNumber}, never approved`, `/risks/${x.id}`),
        );
      return verdictOf(reasons);
    },
  },
  {
    id: 'risk-assessment-per-system',
    stage: 1,
    ref: '6.1.2, 8.2',
    checklist: 'S6',
    title: 'Every in-scope AI system has a rated risk assessment',
    grade: 'blocking',
    check: (s) => {
      const systems = inScopeSystems(s);
      if (!systems.length) return lacks('No AI system in the approved scope', '/scope');
      if (!s.risks) return lacks('No risk assessed yet', '/risks/new');
      const reasons = systems
        .filter((a) => !s.risks!.some((x) => x.aiSystemId === a.id && x.rated))
        .map((a) => r(`AI system "${a.name}" has no rated risk`, '/risks/new'));
      return verdictOf(reasons);
    },
  },
  {
    id: 'impact-assessment-per-system',
    stage: 1,
    ref: '6.1.4, 8.4, A.5.2',
    checklist: 'S9',
    title: 'Every in-scope AI system has a signed-off impact assessment',
    grade: 'blocking',
    check: (s) => {
      const systems = inScopeSystems(s);
      if (!systems.length) return lacks('No AI system in the approved scope', '/scope');
      if (!s.impactAssessments) return lacks('No impact assessment yet', '/impact-assessments/new');
      const reasons: ReadinessReason[] = [];
      for (const a of systems) {
        const own = s.impactAssessments.filter((i) => i.aiSystemId === a.id);
        if (!own.length) reasons.push(r(`AI system "${a.name}" has no impact assessment`, '/impact-assessments/new'));
        else if (!own.some((i) => i.status === 'signed_off'))
          reasons.push(r(`${own[0]!.ref} for "${a.name}" is not signed off`, `/impact-assessments/${own[0]!.id}`));
      }
      return verdictOf(reasons);
    },
  },
  {
    id: 'reassessed-after-change',
    stage: 1,
    ref: '8.2, 8.4, A.5.2',
    checklist: 'S6, S9',
    title: 'Risk and impact assessments were re-run after significant changes',
    grade: 'blocking',
    check: (s) => {
      if (!s.pendingReassessments) {
        // No change recorded anywhere: only a recent confirmation of "no significant change" for
        // every in-scope AI system says the assessments are still current; silence is not evidence.
        const systems = inScopeSystems(s);
        if (!systems.length) return lacks('No AI system in the approved scope', '/scope');
        const since = addMonths(s.today, -NO_CHANGE_CONFIRMATION_MONTHS);
        const unconfirmed = systems.filter(
          (a) => !s.noChangeConfirmations?.some((c) => c.aiSystemId === a.id && c.confirmedOn >= since),
        );
        if (!unconfirmed.length) return PASS;
        return lacks(
          `No change recorded and no "no significant change" confirmed in the last ${NO_CHANGE_CONFIRMATION_MONTHS} months for ${unconfirmed.map((a) => `"${a.name}"`).join(', ')}: record its changes, or confirm it did not change`,
          `/ai-systems/${unconfirmed[0]!.id}`,
        );
      }
      // Changes are recorded, so a system without one did not change: only open re-assessments fail.
      const reasons: ReadinessReason[] = [];
      for (const p of s.pendingReassessments) {
        const name = nameOf(s, p.aiSystemId);
        if (!p.riskAssessmentRerun)
          reasons.push(r(`Risks of "${name}" not re-assessed after change ${p.changeRef} (${p.changedOn})`, '/risks'));
        if (!p.impactAssessmentRerun)
          reasons.push(
            r(
              `Impact of "${name}" not re-assessed after change ${p.changeRef} (${p.changedOn})`,
              '/impact-assessments/new',
            ),
          );
      }
      return verdictOf(reasons);
    },
  },
  {
    id: 'treatment-plan-approved',
    stage: 1,
    ref: '6.1.3, 8.3',
    checklist: 'S7',
    title: 'The risk treatment plan is approved',
    grade: 'blocking',
    check: (s) => {
      if (!s.treatmentPlan || !s.risks?.length) return lacks('No risk to treat yet', '/risks/new');
      if (!s.treatmentPlan.approvedAt)
        return verdictOf([
          r(`Treatment plan version ${s.treatmentPlan.number} was never approved`, '/risk-treatment-plan'),
        ]);
      return PASS;
    },
  },
  {
    id: 'residual-risks-accepted',
    stage: 1,
    ref: '6.1.3, 8.3',
    checklist: 'S7',
    title: 'Every risk above the acceptance level is treated or its residual risk accepted',
    grade: 'blocking',
    check: (s) => {
      if (!s.risks?.length) return lacks('No risk assessed yet', '/risks/new');
      return verdictOf(
        s.risks
          .filter((x) => x.needsAttention)
          .map((x) =>
            r(`${x.ref} "${x.title}" is above the acceptance level with no treatment or acceptance`, `/risks/${x.id}`),
          ),
      );
    },
  },
  {
    id: 'risk-acceptance-valid',
    stage: 1,
    ref: '6.1.3, 8.3',
    checklist: 'S7',
    title: 'No residual-risk acceptance has expired',
    grade: 'concern',
    check: (s) => {
      const accepted = (s.risks ?? []).filter((x) => x.acceptanceExpiresOn !== null);
      if (!accepted.length) return lacks('No residual risk accepted yet', '/risks');
      return verdictOf(
        accepted
          .filter((x) => x.acceptanceExpiresOn! < s.today)
          .map((x) =>
            r(`The acceptance of ${x.ref} "${x.title}" expired on ${x.acceptanceExpiresOn}`, `/risks/${x.id}`),
          ),
      );
    },
  },
  {
    id: 'soa-approved',
    stage: 1,
    ref: '6.1.3 d',
    checklist: 'S8',
    title: 'The Statement of Applicability is approved',
    grade: 'blocking',
    check: (s) => {
      if (!s.soa) return lacks('No SoA yet', '/soa');
      if (s.soa.approvedVersion === null) return verdictOf([r('The SoA was never approved', '/soa')]);
      if (s.soa.changedSinceApproval)
        return verdictOf([r(`The SoA changed since version ${s.soa.approvedVersion} was approved`, '/soa')]);
      return PASS;
    },
  },
  {
    id: 'soa-covers-annex-a',
    stage: 1,
    ref: '6.1.3 d',
    checklist: 'S8',
    title: 'The SoA decides every Annex A control',
    grade: 'blocking',
    check: (s) => {
      if (!s.soa?.items.length) return lacks('No SoA yet', '/soa');
      const undecided = s.soa.items.filter((i) => i.included === null);
      return verdictOf(
        undecided.length
          ? [
              r(
                `${undecided.length} controls undecided in the SoA: ${undecided
                  .slice(0, 5)
                  .map((i) => i.ref)
                  .join(', ')}${undecided.length > 5 ? '…' : ''}`,
                '/soa',
              ),
            ]
          : [],
      );
    },
  },
  {
    id: 'soa-exclusions-justified',
    stage: 1,
    ref: '6.1.3 d',
    checklist: 'S8',
    title: 'Every excluded control has a justification',
    grade: 'concern',
    check: (s) => {
      if (!s.soa?.items.length) return lacks('No SoA yet', '/soa');
      return verdictOf(
        s.soa.items
          .filter((i) => i.included === false && !i.justification.trim())
          .map((i) => r(`Control ${i.ref} is excluded without a justification`, `/soa`)),
      );
    },
  },
  {
    id: 'soa-includes-treatment-controls',
    stage: 1,
    ref: '6.1.3 c–d',
    checklist: 'S8',
    title: 'Every control a risk treatment uses is included in the SoA',
    grade: 'concern',
    check: (s) => {
      if (!s.soa?.items.length) return lacks('No SoA yet', '/soa');
      if (!s.risks?.some((x) => x.treatmentControlRefs.length))
        return lacks('No risk treatment names a control yet', '/risks');
      const byRef = new Map(s.soa.items.map((i) => [i.ref, i]));
      const reasons: ReadinessReason[] = [];
      for (const x of s.risks)
        for (const ref of x.treatmentControlRefs)
          if (byRef.get(ref)?.included === false)
            reasons.push(r(`${x.ref} is treated with control ${ref}, which the SoA excludes`, '/soa'));
      return verdictOf(reasons);
    },
  },
  {
    id: 'objectives-measurable',
    stage: 1,
    ref: '6.2',
    checklist: 'S10',
    title: 'AI objectives are measurable and owned',
    grade: 'concern',
    check: (s) => {
      if (!s.objectives?.length) return lacks('No AI objective yet', '/objectives');
      const reasons: ReadinessReason[] = [];
      for (const o of s.objectives.filter((x) => x.status !== 'cancelled')) {
        if (!o.measurable)
          reasons.push(r(`${o.ref} "${o.title}" has no target to measure against`, `/objectives/${o.id}`));
        if (!o.ownerId) reasons.push(r(`${o.ref} "${o.title}" has no owner`, `/objectives/${o.id}`));
      }
      return verdictOf(reasons);
    },
  },
  {
    id: 'competence-per-ai-role',
    stage: 1,
    ref: '7.2, 7.3',
    checklist: 'S11',
    title: 'Everyone in an AI role has evidence of competence',
    grade: 'concern',
    check: (s) => {
      const inRoles = (s.people ?? []).filter((p) => p.active && p.aiRoles.length);
      if (!inRoles.length) return lacks('No person with an AI role recorded', '/people');
      return verdictOf(
        inRoles
          .filter((p) => p.validCompletions === 0)
          .map((p) =>
            r(`${p.name} (${p.aiRoles.join(', ')}) has no valid training or competence record`, `/people/${p.id}`),
          ),
      );
    },
  },
  {
    id: 'mandatory-documents-approved',
    stage: 1,
    ref: '7.5',
    checklist: 'S12',
    title: 'Every mandatory documented-information item exists and is approved',
    grade: 'concern',
    check: (s) => {
      const items = (s.documents ?? []).filter((d) => d.mandatory);
      if (!items.length) return lacks('No documented information yet', '/documentation');
      return verdictOf(
        items
          .filter((d) => !['approved', 'published', 'records'].includes(d.state))
          .map((d) =>
            r(`"${d.title}" is ${d.state === 'missing' ? 'missing' : d.state.replace(/_/g, ' ')}`, '/documentation'),
          ),
      );
    },
  },
  {
    id: 'documents-reviewed',
    stage: 1,
    ref: '7.5.2',
    checklist: 'S12',
    title: 'No document is overdue for review',
    grade: 'concern',
    check: (s) => {
      const dated = (s.documents ?? []).filter((d) => d.nextReviewAt);
      if (!dated.length) return lacks('No approved document with a review date yet', '/documentation');
      return verdictOf(
        dated
          .filter((d) => d.nextReviewAt!.slice(0, 10) < s.today)
          .map((d) => r(`"${d.title}" was due for review on ${d.nextReviewAt!.slice(0, 10)}`, '/documentation')),
      );
    },
  },
  {
    id: 'operating-evidence',
    stage: 1,
    ref: '8.1, 9.1',
    checklist: 'S13',
    title: 'The AIMS has operated: monitoring results or control records exist',
    grade: 'blocking',
    check: (s) => {
      if (!s.metrics && !s.controls) return lacks('No metric and no control implementation yet', '/metrics');
      const measured = (s.metrics ?? []).some((m) => m.measurements > 0);
      const performed = (s.controls ?? []).some((c) => c.occurrences > 0);
      return verdictOf(
        measured || performed
          ? []
          : [r('No measurement and no recorded control occurrence: nothing shows the AIMS operating', '/metrics')],
      );
    },
  },
  {
    id: 'internal-audit-done',
    stage: 1,
    ref: '9.2',
    checklist: 'S14',
    title: 'At least one internal audit, by an independent auditor, covering the AIMS',
    grade: 'blocking',
    check: (s) => {
      if (!s.internalAudits) return lacks('Internal audits are not recorded in Fortytwo yet', '/internal-audit');
      const done = s.internalAudits.filter((a) => a.completedOn);
      if (!done.length) return verdictOf([r('No internal audit completed', '/internal-audit')]);
      if (!done.some((a) => a.auditorIndependent && a.coversAims))
        return verdictOf(
          done.map((a) =>
            r(
              `${a.ref} ${!a.auditorIndependent ? 'was done by an auditor auditing their own work' : 'does not cover the whole AIMS'}`,
              `/audits/${a.id}`,
            ),
          ),
        );
      return PASS;
    },
  },
  {
    id: 'management-review-held',
    stage: 1,
    ref: '9.3',
    checklist: 'S15',
    title: 'At least one management review held by top management',
    grade: 'blocking',
    check: (s) => {
      if (!s.managementReviews)
        return lacks('Management reviews are not recorded in Fortytwo yet', '/management-reviews');
      const held = s.managementReviews.filter((m) => m.heldOn);
      if (!held.length) return verdictOf([r('No management review held', '/management-reviews')]);
      if (!held.some((m) => m.byTopManagement))
        return verdictOf(held.map((m) => r(`${m.ref} was held without top management`, `/management-reviews/${m.id}`)));
      return PASS;
    },
  },
  {
    id: 'management-review-inputs',
    stage: 1,
    ref: '9.3.2',
    checklist: 'S15',
    title: 'The latest management review considered every required input',
    grade: 'concern',
    check: (s) => {
      const held = (s.managementReviews ?? []).filter((m) => m.heldOn);
      if (!held.length) return lacks('No management review held yet', '/management-reviews');
      const latest = [...held].sort((a, b) => b.heldOn!.localeCompare(a.heldOn!))[0]!;
      return verdictOf(
        latest.missingInputs.map((i) => r(`${latest.ref} did not consider: ${i}`, `/management-reviews/${latest.id}`)),
      );
    },
  },
  {
    id: 'nonconformities-handled',
    stage: 1,
    ref: '10.2',
    checklist: 'S16',
    title: 'Nonconformities have a root cause, an owner and a due date',
    grade: 'concern',
    check: (s) => {
      if (!s.nonconformities) return lacks('Nonconformities are not recorded in Fortytwo yet', '/nonconformities');
      const reasons: ReadinessReason[] = [];
      for (const n of s.nonconformities.filter((x) => x.status !== 'closed')) {
        const missing = [
          !n.rootCause.trim() && 'a root cause',
          !n.ownerId && 'an owner',
          !n.dueDate && 'a due date',
        ].filter(Boolean);
        if (missing.length) reasons.push(r(`${n.ref} has no ${missing.join(', ')}`, `/nonconformities/${n.id}`));
      }
      return verdictOf(reasons);
    },
  },
  // ---- stage 2: operation over time ----
  {
    id: 'monitoring-over-period',
    stage: 2,
    ref: '9.1',
    checklist: 'O1',
    title: `Monitoring records span the operating period (at least ${OPERATING_PERIOD_MONTHS} months)`,
    grade: 'concern',
    check: (s) => {
      const measured = (s.metrics ?? []).filter((m) => m.measurements > 0 && m.firstAt);
      if (!measured.length) return lacks('No metric has measurements yet', '/metrics');
      const first = measured.map((m) => m.firstAt!.slice(0, 10)).sort()[0]!;
      return verdictOf(
        addMonths(first, OPERATING_PERIOD_MONTHS) > s.today
          ? [
              r(
                `Monitoring records start on ${first}: less than ${OPERATING_PERIOD_MONTHS} months of operation`,
                '/metrics',
              ),
            ]
          : [],
      );
    },
  },
  {
    id: 'controls-operating',
    stage: 2,
    ref: '8.1, 6.1.3',
    checklist: 'O2',
    title: 'Every included control operates and has recorded occurrences',
    grade: 'concern',
    check: (s) => {
      const included = (s.soa?.items ?? []).filter((i) => i.included);
      if (!included.length) return lacks('No control included in the SoA yet', '/soa');
      if (!s.controls) return lacks('No control implementation recorded yet', '/controls');
      const byRef = new Map(s.controls.map((c) => [c.ref, c]));
      const reasons: ReadinessReason[] = [];
      for (const i of included) {
        const c = byRef.get(i.ref);
        if (!c || c.status !== 'operating')
          reasons.push(
            r(
              `Control ${i.ref} is included but ${c ? c.status.replace(/_/g, ' ') : 'not implemented'}`,
              `/controls/${i.ref}`,
            ),
          );
        else if (!c.occurrences)
          reasons.push(r(`Control ${i.ref} operates but no occurrence is recorded`, `/controls/${i.ref}`));
      }
      return verdictOf(reasons);
    },
  },
  {
    id: 'evidence-current',
    stage: 2,
    ref: '7.5.3',
    checklist: 'O3',
    title: 'No evidence has expired',
    grade: 'concern',
    check: (s) => {
      if (!s.evidence?.length) return lacks('No evidence in the library yet', '/evidence');
      return verdictOf(
        s.evidence
          .filter((e) => e.expiresOn && e.expiresOn < s.today)
          .map((e) => r(`${e.ref} "${e.title}" expired on ${e.expiresOn}`, `/evidence/${e.id}`)),
      );
    },
  },
  {
    id: 'training-complete',
    stage: 2,
    ref: '7.2, 7.3',
    checklist: 'O4',
    title: 'No assigned training is overdue',
    grade: 'concern',
    check: (s) => {
      if (!s.trainings?.length) return lacks('No training assigned yet', '/trainings');
      return verdictOf(
        s.trainings
          .filter((t) => t.status === 'open' && t.dueOn && t.dueOn < s.today)
          .map((t) => r(`${t.personName}: "${t.title}" was due on ${t.dueOn}`, '/trainings')),
      );
    },
  },
  {
    id: 'corrective-actions-on-time',
    stage: 2,
    ref: '10.2',
    checklist: 'O5',
    title: 'No corrective action is overdue',
    grade: 'concern',
    check: (s) => {
      if (!s.nonconformities) return lacks('Nonconformities are not recorded in Fortytwo yet', '/nonconformities');
      return verdictOf(
        s.nonconformities
          .filter((n) => n.status !== 'closed' && n.correctiveActionOverdue)
          .map((n) => r(`${n.ref} has an overdue corrective action`, `/nonconformities/${n.id}`)),
      );
    },
  },
];

// ---- the check ---------------------------------------------------------------------------------

export type ReadinessFinding = {
  id: string;
  ref: string;
  checklist: string;
  title: string;
  grade: ReadinessGrade;
  status: ReadinessStatus;
  reasons: ReadinessReason[];
};
export type ReadinessResult = {
  stage: ReadinessStage;
  verdict: ReadinessVerdict;
  /** Why, in one sentence. */
  summary: string;
  counts: { passed: number; blocking: number; concern: number; note: number; lacksData: number };
  findings: ReadinessFinding[];
};

const GRADE_ORDER: Record<ReadinessGrade, number> = { blocking: 0, concern: 1, note: 2 };
const STATUS_ORDER: Record<ReadinessStatus, number> = { failed: 0, lacks_data: 1, passed: 2 };

/** Runs the rules of a stage (stage 2 runs stage 1's too). Findings: failing first, blocking first. */
export function runReadiness(
  snapshot: ReadinessSnapshot,
  stage: ReadinessStage,
  rules: ReadinessRule[] = READINESS_RULES,
): ReadinessResult {
  const findings: ReadinessFinding[] = rules
    .filter((rule) => rule.stage <= stage)
    .map((rule) => {
      const c = rule.check(snapshot);
      return {
        id: rule.id,
        ref: rule.ref,
        checklist: rule.checklist,
        title: rule.title,
        grade: rule.grade,
        status: c.status,
        reasons: c.status === 'passed' ? [] : c.status === 'lacks_data' ? [c.reason] : c.reasons,
      };
    })
    .sort(
      (a, b) =>
        STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
        (a.status === 'passed' ? 0 : GRADE_ORDER[a.grade] - GRADE_ORDER[b.grade]),
    );
  const open = findings.filter((f) => f.status !== 'passed');
  const counts = {
    passed: findings.length - open.length,
    blocking: open.filter((f) => f.grade === 'blocking').length,
    concern: open.filter((f) => f.grade === 'concern').length,
    note: open.filter((f) => f.grade === 'note').length,
    lacksData: open.filter((f) => f.status === 'lacks_data').length,
  };
  const verdict: ReadinessVerdict = counts.blocking
    ? 'not_ready'
    : counts.concern || counts.note
      ? 'ready_with_concerns'
      : 'ready';
  const blockers = open.filter((f) => f.grade === 'blocking');
  const summary =
    verdict === 'not_ready'
      ? `Not ready for stage ${stage}: ${blockers.length} blocking finding${blockers.length === 1 ? '' : 's'} (${blockers
          .slice(0, 3)
          .map((f) => `${f.title}${f.status === 'lacks_data' ? ' — lacks data' : ''}`)
          .join('; ')}${blockers.length > 3 ? '; …' : ''})`
      : verdict === 'ready_with_concerns'
        ? `Ready for stage ${stage} with ${counts.concern + counts.note} concern${counts.concern + counts.note === 1 ? '' : 's'} an auditor would likely raise`
        : `Ready for stage ${stage}: every rule passes`;
  return { stage, verdict, summary, counts, findings };
}
