// The six steps of the certification journey, as the navigation and the dashboard show them.
// Descriptions are our own words (never the standard's text).

export type Phase = 'Plan' | 'Do' | 'Check' | 'Act';

export type JourneyStep = {
  number: number;
  slug: string;
  phase: Phase;
  title: string;
  /** What the step will do, in one sentence. */
  summary: string;
  /** What the page lists as coming, in a few bullets. */
  parts: string[];
};

export const JOURNEY: JourneyStep[] = [
  {
    number: 1,
    slug: 'gap-analysis',
    phase: 'Plan',
    title: 'Gap analysis',
    summary:
      'Assess every requirement of clauses 4–10 and every Annex A control against how you work today, with readiness scores and a prioritized list of gaps that becomes your action plan.',
    parts: [
      'Status, result, maturity and evidence per requirement',
      'Readiness per clause, per Annex A group and overall',
      'Snapshots to show progress, Excel round-trip, a gap report',
    ],
  },
  {
    number: 2,
    slug: 'scope',
    phase: 'Plan',
    title: 'Scope & governance',
    summary:
      'Record the context of your organization, its AI roles and interested parties, the AI systems in scope, the scope statement and the governance framework with its roles and responsibilities.',
    parts: [
      'Internal and external issues, interested parties and their requirements',
      'Scope statement with justified exclusions',
      'Governance framework and a RACI for AI roles',
    ],
  },
  {
    number: 3,
    slug: 'documentation',
    phase: 'Plan',
    title: 'Documentation',
    summary:
      'Generate the AIMS manual, AI policy, procedures and the Statement of Applicability from live data, then review, approve, publish and version them as controlled documents.',
    parts: [
      'Documents generated from your registers',
      'Review, approval and publication with versions kept',
      'A master list of mandatory documented information; DOCX and PDF export',
    ],
  },
  {
    number: 4,
    slug: 'implementation',
    phase: 'Do',
    title: 'Implementation',
    summary:
      'Assess and treat AI risks, run impact assessments, derive the Statement of Applicability, and track controls, evidence, training and objectives with owners and due dates.',
    parts: [
      'Risk criteria, assessment, treatment and residual-risk acceptance',
      'AI system impact assessments',
      'Controls with owners and evidence; training records; objectives and KPIs',
    ],
  },
  {
    number: 5,
    slug: 'internal-audit',
    phase: 'Check',
    title: 'Internal audit & management review',
    summary:
      'Plan an audit programme that covers every clause and control over the cycle, record findings and reports, and hold management reviews whose inputs are compiled from live data.',
    parts: [
      'Audit programme, plans, checklists and sampling',
      'Findings: nonconformities, observations, opportunities for improvement',
      'Management review inputs and decisions turned into actions',
    ],
  },
  {
    number: 6,
    slug: 'certification',
    phase: 'Act',
    title: 'Certification',
    summary:
      'Check readiness the way a stage 1 and stage 2 auditor would, manage the certification body engagement and auditor access, and take each nonconformity through to a verified corrective action.',
    parts: [
      'Readiness check clause by clause, with reasons',
      'Certification body engagement and time-boxed external-auditor access',
      'Corrective actions, the certificate and its three-year cycle',
    ],
  },
];

export const PHASES: Phase[] = ['Plan', 'Do', 'Check', 'Act'];

export const stepBySlug = (slug: string | undefined) => JOURNEY.find((s) => s.slug === slug);
