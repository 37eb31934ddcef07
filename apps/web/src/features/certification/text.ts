import type { ReadinessGrade, ReadinessStatus, ReadinessVerdict } from '@fortytwo/domain';

export const CERTIFICATION_TEXT = {
  readinessTitle: 'Readiness check',
  readinessDescription:
    'Your live data read the way a certification auditor would at stage 1 (documents and design) or stage 2 (operation over time). Each finding names the record and links to where you fix it. The verdict is never "ready" while a blocking finding stands, and a rule without data never passes.',
  stage: (n: number) => `Stage ${n}`,
  export: 'Export',
  verdict: { ready: 'Ready', ready_with_concerns: 'Ready with concerns', not_ready: 'Not ready' } satisfies Record<
    ReadinessVerdict,
    string
  >,
  grade: { blocking: 'Blocking', concern: 'Concern', note: 'Note' } satisfies Record<ReadinessGrade, string>,
  gradeHint: {
    blocking: 'a major nonconformity or a stage-2 gate',
    concern: 'a minor nonconformity',
    note: 'an opportunity for improvement',
  } satisfies Record<ReadinessGrade, string>,
  status: { passed: 'Passed', failed: 'Failed', lacks_data: 'Lacks data' } satisfies Record<ReadinessStatus, string>,
  counts: (c: { blocking: number; concern: number; passed: number; lacksData: number }) =>
    `${c.blocking} blocking · ${c.concern} concerns · ${c.passed} passed · ${c.lacksData} lacking data`,
  fix: 'Fix',
  passedTitle: (n: number) => `Passed (${n})`,
  checked: (ms: number) => `Checked in ${ms} ms`,
  engagementsTitle: 'Certification body',
  engagementsDescription:
    'Your certification body, its accreditation, the audit team, the stage dates and the scope as submitted. The audit time is an estimate from the inputs you give the CB: the ISO/IEC 42006 table is not public, so the CB quotes the real figure.',
  addEngagement: 'Add certification body',
  editEngagement: 'Edit',
  deleteEngagement: 'Delete',
  emptyEngagements: 'No certification body recorded yet.',
  estimateTitle: 'Audit time (estimate)',
  estimate: (e: {
    initialDays: number;
    stage1Days: number;
    stage2Days: number;
    surveillanceDays: number;
    recertificationDays: number;
  }) =>
    `About ${e.initialDays} auditor-days for the initial audit (stage 1 ≈ ${e.stage1Days}, stage 2 ≈ ${e.stage2Days}); each surveillance ≈ ${e.surveillanceDays}; recertification ≈ ${e.recertificationDays}.`,
  fields: {
    cbName: 'Certification body',
    accreditationBody: 'Accreditation body',
    accredited: 'Accredited for ISO/IEC 42001',
    accreditationRef: 'Accreditation reference',
    stage1Date: 'Stage 1 date',
    stage2Date: 'Stage 2 date',
    submittedScope: 'Scope as submitted',
    headcount: 'AI-related headcount',
    aiRoles: 'AI roles declared',
    aiSystems: 'AI systems in scope',
    highRiskAiSystems: 'High-risk AI systems',
    sites: 'Sites',
    auditTeam: 'Audit team (one per line: name, role)',
    status: 'Status',
    notes: 'Notes',
  },
  save: 'Save',
  cancel: 'Cancel',
  saved: 'Saved',
  portfolioTitle: 'Portfolio',
  portfolioDescription:
    'Every organization you belong to, what needs you first on top: an audit within 30 days while not ready, then overdue tasks, then blocking findings.',
  portfolioColumns: [
    'Organization',
    'Readiness (stage 1)',
    'Blocking',
    'Next audit',
    'Overdue tasks',
    'Open majors / minors',
  ],
  none: '—',
  notRecorded: 'not recorded yet',
};
