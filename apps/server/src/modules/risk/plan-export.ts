import { TREATMENT_OPTION_LABELS } from '@fortytwo/domain';
import { getPlan } from './plan';
import type { RiskOut } from './schema';
import { level, rating } from './register-export';

// The treatment plan's rows and status line, for its CSV/XLSX and DOCX/PDF.

export const PLAN_COLUMNS = [
  { key: 'risk', header: 'Risk', width: 8 },
  { key: 'title', header: 'Title', width: 32 },
  { key: 'riskOwner', header: 'Risk owner', width: 20 },
  { key: 'aiSystem', header: 'AI system', width: 24 },
  { key: 'inherentLevel', header: 'Inherent level', width: 12 },
  { key: 'option', header: 'Option', width: 28 },
  { key: 'description', header: 'Treatment', width: 40 },
  { key: 'controls', header: 'Controls', width: 20 },
  { key: 'actions', header: 'Actions (owner, due)', width: 40 },
  { key: 'resources', header: 'Resources', width: 30 },
  { key: 'residual', header: 'Residual rating', width: 18 },
  { key: 'verification', header: 'Verification', width: 30 },
  { key: 'effectiveness', header: 'Effectiveness', width: 14 },
  { key: 'acceptance', header: 'Acceptance (level, rationale, by)', width: 40 },
];

/** What an auditor reads of an acceptance: the level accepted, why, by whom, until when. */
const acceptanceDetail = (r: RiskOut) =>
  r.acceptance
    ? `${level(r.acceptance.level)} accepted by ${r.acceptance.acceptedBy.name} on ${r.acceptance.acceptedAt.slice(0, 10)} until ${r.acceptance.expiresAt}${r.acceptanceState === 'expired' ? ' (lapsed)' : ''}: ${r.acceptance.rationale}`
    : '';

type Plan = Awaited<ReturnType<typeof getPlan>>;
export const planRows = (plan: Plan) =>
  plan.risks.flatMap((r) =>
    (r.treatments.length ? r.treatments : [null]).map((t) => [
      r.ref,
      r.title,
      r.owner?.name ?? 'No owner',
      r.aiSystem?.name ?? 'Organization-wide',
      level(r.inherentLevel),
      t ? TREATMENT_OPTION_LABELS[t.option] : 'No treatment yet',
      t?.description ?? '',
      t?.controlRefs.join(', ') ?? '',
      t?.actions
        .map((a) => `${a.title} (${a.owner?.name ?? 'no owner'}, ${a.dueDate ?? 'no date'}, ${a.status})`)
        .join('\n') ?? '',
      t?.resources ?? '',
      t ? rating(t.residualLikelihood, t.residualConsequence, t.residualScore, t.residualLevel) || 'Not rated' : '',
      t?.verification ?? '',
      t?.effectiveness ?? '',
      acceptanceDetail(r),
    ]),
  );
export const planStatus = (plan: Plan) =>
  plan.status === 'approved'
    ? `Version ${plan.number}, approved ${plan.approved!.approvedAt.slice(0, 10)} by ${plan.approved!.approvedBy.name}`
    : `Draft of version ${plan.number}${plan.approved ? ` (version ${plan.approved.number} approved ${plan.approved.approvedAt.slice(0, 10)})` : ''}`;
