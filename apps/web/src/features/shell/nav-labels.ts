// The labels the signed-in frame's navigation shows for each feature, kept here rather than read from
// the features' text.ts: every signed-in page loads the frame, and importing sixteen text files for
// thirty labels cost every first page some 25 KB gzip (issue 20, item 6). nav-labels.test.ts checks
// that each label still says what its feature's own text says.

export const NAV_LABELS = {
  audits: 'Audit programme',
  competences: 'Competences',
  competenceMatrix: 'Competence matrix',
  people: 'People',
  trainings: 'Trainings',
  context: 'Context & roles',
  controls: 'Controls',
  governance: 'Governance framework',
  impact: 'Impact assessments',
  metrics: 'Monitoring',
  nonconformities: 'Nonconformities',
  objectives: 'AI objectives',
  parties: 'Interested parties',
  raci: 'RACI',
  reviews: 'Management review',
  riskCriteria: 'Risk criteria',
  riskTreatmentPlan: 'Risk treatment plan',
  riskRegister: 'AI risks',
  scope: 'Scope',
  soa: 'Statement of Applicability',
  tasks: 'My tasks',
  suppliers: 'Suppliers (A.10)',
  /** The gap badge's label: the readiness figure follows. */
  gapOverall: 'Overall readiness',
  /** The tasks badge's label. */
  openTasks: (n: number) => `${n} open task${n === 1 ? '' : 's'}`,
} as const;
