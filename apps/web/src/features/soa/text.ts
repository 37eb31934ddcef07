// Every string of the Statement of Applicability pages. Our own words: never the standard's text.

export const SOA_TEXT = {
  title: 'Statement of Applicability',
  crumbStep: 'Step 4 · Implementation',
  description:
    'Every Annex A control and every control of your own, included or excluded with the reason, and how far each is implemented. Top management approves it as a numbered version.',
  // status
  draft: (v: number) => `Draft v${v}`,
  approvedBadge: (v: number) => `Approved v${v}`,
  stamp: (v: number, who: string, at: string) => `Version ${v} approved by ${who} on ${at}.`,
  draftSince: (v: number, who: string, at: string) =>
    `Version ${v} was approved by ${who} on ${at}; the SoA has changed since.`,
  neverApproved: 'No version approved yet.',
  // counts
  countsLabel: 'Decisions',
  included: 'Included',
  excluded: 'Excluded',
  undecided: 'Undecided',
  ofTotal: (n: number) => `of ${n} controls`,
  implementationOf: (n: number) => `Implementation of the ${n} included control${n === 1 ? '' : 's'}`,
  showOnly: (what: string) => `Show only ${what.toLowerCase()} controls`,
  // teaching
  whyTitle: 'What the Statement of Applicability is',
  whyBody:
    'Clause 6.1.3 asks you to go through every Annex A control, decide whether it applies to your AI management system, and write down why, including for the controls you leave out. The result, the SoA, is one of the first documents a certification auditor asks for, and they sample its rows: an included control should show up in practice, an excluded one needs a reason that holds.',
  whyHow:
    'You do not start from a blank page. A control chosen to treat a risk is included here automatically, with the risk as its reason, and requirements of interested parties that name a control are added to its reasons. Decide the rest, add your own words, record how far each control is implemented, then have top management approve the version.',
  // warnings
  warningsTitle: (blocking: number, other: number) =>
    blocking > 0
      ? `${blocking} point${blocking === 1 ? '' : 's'} to settle before approval${other ? `, ${other} more to look at` : ''}`
      : `${other} point${other === 1 ? '' : 's'} to look at`,
  blocking: 'Blocks approval',
  notBlocking: 'For the risk plan',
  goToControl: (ref: string) => `Go to ${ref}`,
  openRisk: 'Open the risk',
  showUndecided: 'Show the undecided controls',
  // filters
  filterGroup: 'Group',
  bulkButton: (n: number) => `Decide the ${n} shown`,
  bulkTitle: (n: number) => `One decision for ${n} control${n === 1 ? '' : 's'}`,
  bulkHelp:
    "Every control listed below gets this decision. Narrow the list with the filters first (a group, the undecided ones); a control's own drawer stays the place for its details.",
  bulkChoice: 'Decision',
  bulkJustification: 'Justification',
  bulkJustificationExcluded: 'Required: the reason an auditor reads for each of these exclusions.',
  bulkJustificationIncluded: 'Optional: written on each control, beside the risks that already justify it.',
  bulkApply: (n: number) => `Apply to ${n} control${n === 1 ? '' : 's'}`,
  bulkCancel: 'Cancel',
  bulkDone: (n: number, included: boolean) => `${n} control${n === 1 ? '' : 's'} ${included ? 'included' : 'excluded'}`,
  bulkFailed: (n: number) => `${n} control${n === 1 ? ' was' : 's were'} not changed`,
  anyGroup: 'All groups',
  customGroup: 'Your own controls',
  filterDecision: 'Decision',
  anyDecision: 'Any decision',
  filterStatus: 'Implementation',
  anyStatus: 'Any status',
  noStatus: 'Not set',
  search: 'Search',
  searchPlaceholder: 'Ref, title or justification',
  clearFilters: 'Clear filters',
  showing: (n: number, total: number) => (n === total ? `${total} controls` : `${n} of ${total} controls`),
  noMatchTitle: 'No control matches these filters',
  noMatch: 'Change or clear the filters to see the other controls.',
  // table
  bulkSelected: 'Decide for the selected',
  columns: {
    ref: 'Ref',
    control: 'Control',
    decision: 'Decision',
    justification: 'Justification',
    status: 'Implementation',
  },
  groupHeading: (group: string, title: string) => (title ? `${group} ${title}` : group),
  groupCount: (included: number, total: number) => `${included} of ${total} included`,
  treatsRisk: 'Treats risk',
  usedByTreatment: 'A treatment relies on it:',
  requiredBy: (party: string) => `Required by ${party}:`,
  noJustification: 'No justification yet',
  exclusionUnjustified: 'Excluded without a justification',
  edit: (ref: string) => `Edit ${ref}`,
  editShort: 'Edit',
  // editor
  editorTitle: (ref: string) => `Decide ${ref}`,
  decision: 'Decision',
  include: 'Include',
  exclude: 'Exclude',
  leaveUndecided: 'Undecided',
  decisionHint:
    'Include the control when your AIMS needs it; exclude it only with a reason that an auditor would accept.',
  impliedInclusion: (risks: string) =>
    `Included because the treatment of ${risks} uses it. Excluding it leaves that treatment without its control: a warning will block approval.`,
  stated: 'Justification',
  statedHintInclude:
    'Optional: why you apply this control, in your own words. The risks and requirements below are added to it.',
  statedHintExclude: 'Required: why this control is not needed in your AI management system.',
  statedRequired: 'Say why this control is excluded: an exclusion needs a justification.',
  derivedTitle: 'Reasons from your records',
  derivedNone: 'No risk treatment or interested-party requirement names this control yet.',
  implementation: 'Implementation status',
  implementationHint:
    "Read from the control's implementation: its owner, status and recorded runs are kept on the control's page.",
  implementationLink: 'Open the control',
  implementationPlaceholder: 'Not set',
  save: 'Save decision',
  cancel: 'Cancel',
  saved: (ref: string) => `${ref} was saved.`,
  staleTitle: (ref: string) => `Someone else changed ${ref} while you were editing`,
  readOnly: 'Your role can read the SoA but not change it.',
  // approval
  approval: 'Approval',
  approve: 'Approve SoA',
  approveAs: (v: number) => `Approve version ${v}`,
  approveTitle: (v: number) => `Approve the Statement of Applicability as version ${v}?`,
  approveBody: (v: number) =>
    `Version ${v} is frozen as it stands: every decision, justification and status. Auditors will see who approved it and when. Any later change makes a draft of version ${v + 1}.`,
  approved: (v: number) => `The Statement of Applicability was approved as version ${v}.`,
  approveFailed: 'The SoA was not approved',
  blockedBy: (n: number) => `Settle the ${n} blocking point${n === 1 ? '' : 's'} listed below first.`,
  alreadyApproved: (v: number) =>
    `Version ${v} holds the SoA as it stands. Change a decision to prepare version ${v + 1}.`,
  whoCanApprove: 'An owner or approver (top management) approves the SoA.',
  // versions
  versions: 'Approved versions',
  versionsEmpty: 'None yet.',
  versionLabel: (v: number) => `Version ${v}`,
  versionBy: (who: string, at: string) => `${who}, ${at}`,
  versionCounts: (c: { included: number; excluded: number; undecided: number }) =>
    `${c.included} included, ${c.excluded} excluded`,
  viewVersion: (v: number) => `View version ${v}`,
  view: 'View',
  versionTitle: (v: number) => `Statement of Applicability v${v}`,
  versionReadOnly: 'An approved version is kept exactly as it was approved; it cannot be changed.',
  backToCurrent: 'Back to the current SoA',
  versionNotFound: 'This version was not found',
  // export
  export: 'Export',
  exportHint: 'The SoA as it stands, with its status on every copy',
  exportVersionHint: 'This approved version, as it was frozen',
  exports: {
    xlsx: 'Excel workbook (.xlsx)',
    csv: 'CSV file (.csv)',
    docx: 'Word document (.docx)',
    pdf: 'PDF document (.pdf)',
  },
} as const;
