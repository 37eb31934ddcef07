// Every string of the scope builder. Our own words: never the text of the standard.

export const SCOPE_TEXT = {
  title: 'Scope',
  crumbStep: 'Step 2 · Scope & governance',
  description:
    'What your AI management system covers and what it leaves out, with reasons. The composed statement is what an approver signs off and what the certificate will name.',
  // teaching
  whyTitle: 'Why the scope matters for certification',
  whyBody:
    'The certificate names a scope, and the auditor’s first question is whether what you certify is what you actually govern. They will pick AI systems, sites and processes named here and ask for their risk assessments, owners and records, and they will look for AI systems that are live but quietly left out.',
  whyHow:
    'Name the organizational units and sites, tick the AI systems from the inventory, add the processes, products and services, and the interfaces with what stays outside. Leaving something out is allowed when you say why.',
  // status
  statusDraft: 'Draft',
  statusApproved: (n: number) => `Approved revision ${n}`,
  unsaved: 'Unsaved changes',
  draftSince: (n: number, at: string) => `Revision ${n} was approved ${at}; the draft has changed since.`,
  neverApproved: 'No revision approved yet.',
  stamp: (n: number, who: string, at: string) => `Revision ${n}, approved by ${who} on ${at}`,
  // sections
  sectionWhere: 'Where it applies',
  sectionWhereHint:
    'The parts of the organization and the places the AI management system covers. Leave both empty to cover the whole organization.',
  sectionSystems: 'AI systems',
  sectionSystemsHint:
    'Tick the systems from the inventory that the AI management system governs. A system that is live (deployment, operation) and left out needs a reason.',
  sectionActivities: 'Processes, products and services',
  sectionActivitiesHint: 'The processes the AIMS governs and what you offer that relies on AI.',
  sectionInterfaces: 'Interfaces and dependencies',
  sectionInterfacesHint:
    'Where covered activities meet ones outside the scope: a group IT team, a cloud provider, a parent company, an outsourced data labelling service.',
  sectionExclusions: 'Exclusions',
  sectionExclusionsHint:
    'Anything left out on purpose, each with the reason. An auditor accepts an exclusion that is explained; they question one that is not.',
  listHint: 'Press Enter after each entry.',
  // AI systems
  systemsCount: (inScope: number, total: number) => `${inScope} of ${total} in scope`,
  systemsFilter: 'Filter AI systems',
  systemsFilterPlaceholder: 'Name or purpose',
  systemsNoMatch: 'No AI system matches this filter.',
  systemsEmpty:
    'The inventory has no AI system yet. Add the systems you develop, provide or use there first; they appear here to be placed in scope.',
  systemsEmptyCta: 'Open the AI system inventory',
  systemsTruncated: (n: number) => `Only the first ${n} AI systems (by name) are listed.`,
  systemsDropped: (n: number) =>
    `${n} AI system${n === 1 ? '' : 's'} in the saved scope no longer exist${n === 1 ? 's' : ''} in the inventory; saving removes ${n === 1 ? 'it' : 'them'}.`,
  live: 'Live',
  liveHint: 'In deployment or operation: leaving it out needs a reason',
  archived: 'Archived',
  reasonLabel: (name: string) => `Why is ${name} left out of the scope?`,
  reasonHint: 'It is live, so the auditor will ask. Or tick it to put it in scope.',
  reasonPlaceholder: 'e.g. run by our parent company under its own management system',
  // exclusions
  exclusionGroup: (n: number) => `Exclusion ${n}`,
  exclusionItem: 'Excluded item',
  exclusionItemPlaceholder: 'e.g. the research lab in Lyon',
  exclusionJustification: 'Justification',
  exclusionJustificationPlaceholder: 'Why it is outside the AI management system',
  addExclusion: 'Add exclusion',
  removeExclusion: (n: number) => `Remove exclusion ${n}`,
  noExclusions: 'Nothing is excluded.',
  // warnings
  warningsTitle: (n: number) =>
    n === 1
      ? 'A live AI system is outside the scope without a reason'
      : `${n} live AI systems are outside the scope without a reason`,
  warningsBody: 'Approval waits until each is put in scope or has its reason.',
  addToScope: 'Put in scope',
  giveReason: 'Give a reason',
  // save
  save: 'Save draft',
  discard: 'Discard changes',
  saved: 'The scope draft was saved.',
  nothingToSave: 'No unsaved changes.',
  unsavedBar: 'You have unsaved changes.',
  // statement
  statement: 'Scope statement',
  statementPreview: 'Preview of your unsaved changes',
  statementHint: 'Composed from the fields on the left, with your AI roles from the context record.',
  copy: 'Copy statement',
  copied: 'Copied',
  print: 'Print',
  printTitle: (org: string) => `Scope of the AI management system — ${org}`,
  printDraft: 'Draft, not approved',
  // approval
  approval: 'Approval',
  approve: 'Approve',
  approveTitle: (n: number) => `Approve the scope as revision ${n}?`,
  approveBody: (n: number) =>
    `The statement as it stands becomes revision ${n}, stamped with your name and today’s date. Later changes start a new draft that needs approving again.`,
  approveConfirm: (n: number) => `Approve revision ${n}`,
  approved: (n: number) => `The scope was approved as revision ${n}.`,
  approveWhoCan: 'Owners and approvers approve the scope.',
  blockedUnsaved: 'Save your changes before approving.',
  blockedEmpty: 'Nothing to approve yet: build the scope and save it first.',
  blockedWarnings: (n: number) => `Resolve the ${n === 1 ? 'warning' : `${n} warnings`} above before approving.`,
  blockedApproved: (n: number) => `Revision ${n} already holds this draft. Change the scope to approve a new revision.`,
  // revisions
  revisions: 'Approved revisions',
  revisionsEmpty: 'None yet. Each approval keeps the statement as it was signed off.',
  revision: (n: number) => `Revision ${n}`,
  revisionBy: (who: string, at: string) => `${who} · ${at}`,
  view: 'View',
  viewRevision: (n: number) => `View revision ${n}`,
  revisionTitle: (n: number) => `Scope statement, revision ${n}`,
  // conflict
  staleTitle: 'Someone else saved the scope while you were editing',
  staleBody: (who: string) =>
    `Your changes were not saved, and nothing was overwritten. ${who} The table shows where their saved scope differs from the one you started from.`,
  staleWho: (current: number, base: number) => `The saved version is ${current} (you started from ${base}).`,
  staleReapplied: 'Their scope is loaded with your changes re-applied on top. Review it and save again.',
  staleField: 'Field',
  staleTheirs: 'Their saved value',
  staleYours: 'Your value',
  staleReapply: 'Load their scope and re-apply my changes',
  staleDiscard: 'Discard my changes',
  readOnly: 'Your role can read the scope but not change it.',
} as const;

export const SCOPE_FIELD_LABELS = {
  units: 'Organizational units',
  sites: 'Sites',
  aiSystemIds: 'AI systems in scope',
  processes: 'Processes',
  productsServices: 'Products and services',
  interfaces: 'Interfaces and dependencies',
  exclusions: 'Exclusions',
  outOfScope: 'AI systems left out, with reasons',
} as const;

export const SCOPE_FIELD_PLACEHOLDERS = {
  units: 'e.g. Claims department',
  sites: 'e.g. Paris head office',
  processes: 'e.g. Claims triage',
  productsServices: 'e.g. Online claim service',
  interfaces: 'e.g. Group IT (hosting)',
} as const;
