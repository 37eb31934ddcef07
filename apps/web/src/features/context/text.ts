// Every string of the context pages (clauses 4.1 and 4.2). Our own words: never the standard's text.
import type { AiRole, ContextIssueKind, RequirementKind } from '@fortytwo/domain';

export const STEP_CRUMBS = [{ label: 'Plan' }, { label: '2. Scope & governance' }];

export const CONTEXT_TEXT = {
  title: 'Context & roles',
  description:
    'Clause 4.1: the roles your organization plays with AI, whether climate change matters to your AIMS, and the internal and external issues that shape it.',
  tabsLabel: 'Context sections',
  tabRoles: 'Roles & climate',
  tabIssues: 'Issues',
  // roles
  rolesTitle: 'AI roles',
  rolesHint:
    'The roles your organization plays with respect to AI systems. Your roles decide which requirements and controls apply and how far, so choose every one that fits and say why.',
  rolesReadHint:
    'The roles your organization plays with respect to AI systems, and why. They decide which requirements and controls apply and how far.',
  roleChosen: 'We have this role',
  roleSuggested: (n: number) =>
    `Suggested: ${n} AI system${n === 1 ? '' : 's'} in the inventory ${n === 1 ? 'has' : 'have'} this role.`,
  roleTake: 'Take it',
  subRoles: 'Sub-roles',
  subRolesHint: 'Optional: the more specific roles you play.',
  reason: 'Why we have this role',
  reasonHint: 'What you do that makes this your role, e.g. which products or AI systems.',
  rolesChosen: (n: number) => (n === 0 ? 'No role chosen yet' : `${n} role${n === 1 ? '' : 's'} chosen`),
  // climate
  climateTitle: 'Climate change',
  climateHint:
    'Decide whether climate change is a relevant issue for your AI management system, and record why either way: auditors look for the reasoning, not only the answer.',
  climateReadHint:
    'Whether climate change is a relevant issue for the AI management system, and the reasoning behind the decision.',
  climate: 'Is climate change relevant to the AIMS?',
  climateDecision: 'Climate-change decision',
  climateRelevant: 'Relevant',
  climateNotRelevant: 'Not relevant',
  climateUndecided: 'Not decided yet',
  climateReason: 'Reason for the decision',
  climateReasonHint:
    'E.g. the energy your models use, climate risks to your operations or your customers, or why neither applies.',
  // summary
  summaryTitle: 'Summary',
  summaryHint: 'Optional: your context in a few sentences, such as your sector, your markets and where you use AI.',
  summaryReadHint: 'The context in a few sentences.',
  summary: 'Context summary',
  // saving
  save: 'Save context',
  saved: 'The context was saved.',
  neverSaved: 'Nothing recorded yet: fill in and save',
  savedAt: (version: number, at: string) => `Version ${version}, saved ${at}`,
  staleTitle: 'Someone else saved the context while you were editing',
  // read-only
  readOnly: 'Your role can read the context but not change it. Ask an owner, AIMS manager or contributor to update it.',
  notChosen: 'Not chosen',
  otherRoles: 'Roles we do not have',
  noRoles: 'No AI role has been determined yet.',
  noReason: 'No reason given.',
  noSummary: 'No summary yet.',
  // history
  historyTitle: 'History',
  historyHint: 'Every saved change to this record, who made it and when.',
} as const;

/** The roles of the 4.1 note, each explained in one line of our own words (FACTS.md §5.3). */
export const ROLE_TEXT: Record<AiRole, { title: string; explanation: string }> = {
  provider: { title: 'AI provider', explanation: 'Offers products or services that use one or more AI systems.' },
  producer: {
    title: 'AI producer',
    explanation: 'Designs, develops, tests or deploys products or services that use AI systems.',
  },
  customer: {
    title: 'AI customer',
    explanation: 'Uses an AI product or service, directly or by passing it on to its own users.',
  },
  partner: {
    title: 'AI partner',
    explanation: 'Provides services around AI for others, such as integrating AI systems or supplying data.',
  },
  subject: {
    title: 'AI subject',
    explanation: 'Is affected by an AI system, product or service, for example as a data subject.',
  },
  relevant_authority: {
    title: 'Relevant authority',
    explanation: 'Has legal or policy authority over AI, as a policymaker or a regulator does.',
  },
};

export const ISSUE_KIND_LABELS: Record<ContextIssueKind, string> = { internal: 'Internal', external: 'External' };

export const ISSUES_TEXT = {
  add: 'Add issue',
  export: 'Export',
  exportHint: 'The issues shown, with the filters applied',
  filterKind: 'Kind',
  allKinds: 'All',
  filterCategory: 'Category',
  anyCategory: 'Any category',
  clearFilters: 'Clear filters',
  showing: (n: number) => `${n} issue${n === 1 ? '' : 's'}`,
  overdueSummary: (n: number) =>
    `${n} issue${n === 1 ? ' is' : 's are'} past the review date: look at ${n === 1 ? 'it' : 'them'} again and set the next date.`,
  noMatchTitle: 'No issue matches these filters',
  noMatch: 'Try another kind or category, or clear the filters.',
  columns: {
    kind: 'Kind',
    category: 'Category',
    description: 'Issue and its effect on the AIMS',
    source: 'Source',
    reviewDate: 'Review by',
  },
  actions: 'Actions',
  overdue: 'Overdue',
  dueSoon: 'Due soon',
  noReviewDate: 'No review date',
  emptyTitle: 'Record the issues that shape your AIMS',
  emptyBody:
    'Clause 4.1 asks you to understand what, inside and around your organization, affects what your AI management system can achieve. Internal issues are things like your teams, skills, technology and culture; external ones include laws and regulators, customer expectations, the market, society and the environment.',
  emptyWhy:
    'For each issue, note its effect on the AIMS and where you learned of it, and set a date to look at it again. Auditors expect the list to cover AI law, regulator guidance and ethical expectations; management reviews look at how it changed.',
  emptyCta: 'Add your first issue',
  emptyReadOnly: 'Your role can read the issues but not add them. Ask an owner, AIMS manager or contributor.',
  // form
  newTitle: 'Add an issue',
  editTitle: 'Edit issue',
  create: 'Add issue',
  save: 'Save',
  cancel: 'Cancel',
  created: 'The issue was added.',
  savedIssue: 'Changes to the issue were saved.',
  staleTitle: 'Someone else saved this issue while you were editing',
  // row actions
  edit: 'Edit',
  history: 'History',
  historyTitle: 'History of the issue',
  delete: 'Delete',
  deleteTitle: 'Delete this issue?',
  deleteBody: (description: string) =>
    `"${description}" will be removed from the register. Its history stays in the audit trail.`,
  deleted: 'The issue was deleted. Its history stays in the audit trail.',
} as const;

export const ISSUE_FIELD_LABELS = {
  kind: 'Internal or external',
  category: 'Category',
  description: 'Issue',
  effect: 'Effect on the AIMS',
  source: 'Source',
  reviewDate: 'Review date',
} as const;

export const ISSUE_FIELD_HELP = {
  kind: 'Internal: within your organization. External: around it.',
  category: 'The kind of issue, to group and filter the register.',
  description: 'What the issue is, in a sentence or two.',
  effect: 'How it affects what the AIMS must do or can achieve.',
  source: 'Where it comes from: a law, a report, a survey.',
  reviewDate: 'When to look at it again.',
} as const;

export const REQUIREMENT_KIND_LABELS: Record<RequirementKind, string> = {
  legal: 'Legal',
  contractual: 'Contractual',
  ethical: 'Ethical',
  other: 'Other',
};

export const PARTIES_TEXT = {
  title: 'Interested parties',
  description:
    'Clause 4.2: who has a stake in your AI management system, what they require of you, and which of those requirements the AIMS takes on.',
  add: 'Add interested party',
  export: 'Export',
  exportHint: 'Every party and requirement, one row per requirement',
  filterCategory: 'Category',
  anyCategory: 'Any category',
  showing: (shown: number, total: number) =>
    shown === total ? `${total} part${total === 1 ? 'y' : 'ies'}` : `${shown} of ${total} parties`,
  totals: (requirements: number, addressed: number) =>
    `${requirements} requirement${requirements === 1 ? '' : 's'}, ${addressed} addressed by the AIMS`,
  noMatchTitle: 'No party in this category',
  columns: {
    name: 'Party',
    category: 'Category',
    requirements: 'Requirements',
    addressed: 'Addressed by the AIMS',
    updatedAt: 'Updated',
  },
  addressedOf: (addressed: number, total: number) => `${addressed} of ${total}`,
  emptyTitle: 'List the parties your AIMS answers to',
  emptyBody:
    'Clause 4.2 asks you to identify who has an interest in how your organization develops, provides or uses AI: customers, regulators, employees, suppliers, the people your AI systems affect. Then note what each of them requires of you, such as laws, contract terms and ethical expectations.',
  emptyWhy:
    'For every requirement, decide whether your AI management system addresses it and through which clauses or controls. Auditors look for that decision, requirement by requirement, and the scope of the AIMS builds on it.',
  emptyCta: 'Add your first interested party',
  emptyReadOnly:
    'Your role can read the interested parties but not add them. Ask an owner, AIMS manager or contributor.',
  // detail
  notFound: 'This interested party was not found. It may have been deleted.',
  details: 'Details',
  history: 'History',
  edit: 'Edit',
  delete: 'Delete',
  deleteTitle: 'Delete this interested party?',
  deleteBody: (name: string) => `"${name}" and its requirements will be removed. The history stays in the audit trail.`,
  deleted: (name: string) => `"${name}" was deleted. Its history stays in the audit trail.`,
  noDescription: 'No description.',
  requirementsTitle: 'Requirements',
  noRequirements: 'No requirements recorded for this party yet.',
  addressed: 'Addressed',
  notAddressed: 'Not addressed',
  through: 'through',
  requirementColumns: { kind: 'Kind', description: 'Requirement', addressed: 'By the AIMS', how: 'Addressed through' },
  lastUpdatedLabel: 'Last updated',
  lastUpdated: (at: string, version: number) => `${at} (version ${version})`,
  // form
  newTitle: 'Add an interested party',
  editTitle: (name: string) => `Edit ${name}`,
  sectionParty: 'The party',
  sectionPartyHint: 'Who they are, and why they matter to your AI management system.',
  sectionRequirements: 'Requirements',
  sectionRequirementsHint:
    'What this party requires of you: legal, contractual, ethical or other. For each, decide whether the AIMS addresses it, and if so through which clauses or controls, or how.',
  requirementN: (n: number) => `Requirement ${n}`,
  addRequirement: 'Add requirement',
  removeRequirement: (n: number) => `Remove requirement ${n}`,
  editorEmpty: 'No requirements yet. Add what this party expects of your organization.',
  refsPlaceholder: 'Search by ref or title, e.g. A.8.2',
  refsNothing: 'No ISO/IEC 42001 item matches',
  create: 'Add interested party',
  save: 'Save',
  cancel: 'Cancel',
  created: (name: string) => `"${name}" was added to the interested parties.`,
  saved: (name: string) => `Changes to "${name}" were saved.`,
  staleTitle: 'Someone else saved this interested party while you were editing',
} as const;

export const PARTY_FIELD_LABELS = {
  name: 'Name',
  category: 'Category',
  description: 'Description',
  requirements: 'Requirements',
} as const;

export const PARTY_FIELD_HELP = {
  name: 'E.g. "Data protection authority" or "Enterprise customers".',
  category: 'The kind of party, to group and filter the list.',
  description: 'Optional: who they are and their interest in your use of AI.',
} as const;

export const REQUIREMENT_FIELD_LABELS = {
  kind: 'Kind',
  description: 'Requirement',
  addressed: 'Addressed by the AIMS',
  refs: 'Addressed through (ISO/IEC 42001)',
  how: 'How it is addressed',
} as const;

export const REQUIREMENT_FIELD_HELP = {
  addressed: 'Does your AI management system take this requirement on?',
  refs: 'The clauses or Annex A controls that address it.',
  how: 'Or in your own words, e.g. a procedure or a contract clause.',
} as const;

/** Shared wording of the conflict table and the history. */
export const COMMON_TEXT = {
  historyCreated: 'Created',
  historyUpdated: 'Changed',
  historyDeleted: 'Deleted',
  historyNotAllowed: 'Your role does not include reading the audit trail, so the history is not shown here.',
  chooseCategory: 'Choose a category',
  chooseKind: 'Choose a kind',
  chooseKindError: 'Choose the kind of requirement',
  closeHistory: 'Close history',
  loading: 'Loading…',
  fieldsNeedAttention: 'Some fields need attention: see the messages below.',
} as const;
