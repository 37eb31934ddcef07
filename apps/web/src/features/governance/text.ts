// Every string of the governance framework and the RACI. Our own words: never the text of the standard.
import type { Pillar, RaciLetter } from '@fortytwo/domain';

export const GOVERNANCE_TEXT = {
  title: 'Governance framework',
  crumbStep: 'Step 2 · Scope & governance',
  description:
    'Six pillars that group the work of your AI management system. Each has an owner who answers for it, objectives and policy statements, and the clauses and controls it covers, rated by your latest gap assessment.',
  teachTitle: 'How the pillars work',
  teachBody:
    'The pillars are Fortytwo’s way of grouping the AI management system, not a structure the standard imposes. They give each area one named owner, so that when an auditor asks who answers for human oversight or data quality, there is a name and a plan. Objectives say what you aim for; policy statements are the commitments your AI policy will carry.',
  summaryOwners: (n: number, total: number) => `${n} of ${total} pillars have an owner`,
  summaryObjectives: (n: number) => `${n} objective${n === 1 ? '' : 's'}`,
  summaryStatements: (n: number) => `${n} policy statement${n === 1 ? '' : 's'}`,
  // card
  owner: 'Owner',
  noOwner: 'No owner yet',
  objectives: 'Objectives',
  policyStatements: 'Policy statements',
  noneYet: 'None yet.',
  edit: 'Edit',
  editLabel: (pillar: string) => `Edit ${pillar}`,
  save: 'Save',
  cancel: 'Cancel',
  saved: (pillar: string) => `${pillar} was saved.`,
  nothingChanged: 'Nothing changed: there is nothing to save.',
  // coverage
  readinessLabel: (pillar: string, value: number | null) =>
    value === null ? `${pillar}: no readiness yet` : `${pillar}: readiness ${Math.round(value)}%`,
  readinessHint: 'Readiness of the covered ISO/IEC 42001 items in the latest gap assessment.',
  answered: (n: number, total: number) => `${n} of ${total} ISO/IEC 42001 items answered`,
  noAssessment: 'No gap assessment yet',
  noAssessmentHint: 'Readiness appears once the gap analysis rates the items this pillar covers.',
  startGap: 'Open the gap analysis',
  covered: (n: number) => `Covered clauses and controls (${n})`,
  coveredNone: 'No clause or control is tagged with this pillar.',
  showMore: (n: number) => `+${n} more`,
  /** Starts with the button's visible text, so speech input finds it. */
  chipsToggle: (visible: string, pillar: string) => `${visible}: clauses and controls of ${pillar}`,
  showLess: 'Show fewer',
  unanswered: 'Not answered',
  custom: 'Custom control',
  // form
  ownerHint: 'The member who answers for this pillar.',
  ownerPlaceholder: 'Choose a member',
  ownerNothing: 'No member with that name',
  objectivesHint: 'What you aim for in this area, ideally measurable.',
  statementsHint: 'Commitments the AI policy will carry, one per entry.',
  addObjective: 'Add objective',
  addStatement: 'Add policy statement',
  objective: (n: number) => `Objective ${n}`,
  statement: (n: number) => `Policy statement ${n}`,
  remove: (what: string) => `Remove ${what.toLowerCase()}`,
  objectivePlaceholder: 'e.g. Every high-risk AI system has a named human reviewer by Q3',
  statementPlaceholder: 'e.g. We tell people when they interact with an AI system',
  // conflict
  staleTitle: 'Someone else saved this pillar while you were editing',
  staleBody: (current: number, base: number) =>
    `Your changes were not saved, and nothing was overwritten. The saved version is ${current} (you started from ${base}). The table shows where their saved pillar differs from the one you started from.`,
  staleReapplied: 'Their version is loaded with your changes re-applied on top. Review it and save again.',
  staleField: 'Field',
  staleTheirs: 'Their saved value',
  staleYours: 'Your value',
  staleReapply: 'Load their version and re-apply my changes',
  staleDiscard: 'Discard my changes',
} as const;

/** What each pillar is about, in a sentence of our own. */
export const PILLAR_DESCRIPTIONS: Record<Pillar, string> = {
  ethics_accountability:
    'Who answers for AI decisions, the values your use of AI must respect, and how concerns are raised and handled.',
  risk_management:
    'How AI risks are found, rated against criteria set in advance, treated, and accepted by the right people.',
  transparency_explainability:
    'What people are told about your AI systems, and how an output can be explained to those it affects.',
  human_oversight:
    'Where people review, override or stop an AI system, and that they have the means and the authority to do it.',
  data_governance:
    'Where the data for AI comes from, its quality and provenance, and how it is protected across the lifecycle.',
  continuous_monitoring:
    'How AI systems are watched in use (performance, drift, incidents) and how what you learn feeds improvement.',
};

export const RACI_TEXT = {
  title: 'RACI',
  crumbStep: 'Step 2 · Scope & governance',
  description:
    'Who does what in your AI management system: for each activity, who is responsible, who is accountable, who is consulted and who is informed.',
  teachTitle: 'What a RACI is',
  teachBody:
    'A RACI names, for each recurring activity of the AI management system, who does the work (Responsible), the one person who answers for the outcome (Accountable), who is asked before a decision (Consulted) and who is told afterwards (Informed).',
  teachWhy:
    'Auditors check that responsibilities are assigned and known: they will ask the people named here what they do. Each activity needs exactly one Accountable and at least one Responsible; a person may hold both. Name a person, or a role when everyone holding it shares the task.',
  legend: 'Legend',
  letterHints: {
    R: 'does the work',
    A: 'answers for it; exactly one',
    C: 'asked before',
    I: 'told after',
  } satisfies Record<RaciLetter, string>,
  activity: 'Activity',
  addActivity: 'Add activity',
  export: 'Export',
  exportHint: 'One row per assignment, with the problems of each activity',
  onlyProblems: 'Only activities that need attention',
  allGood: 'Every activity has one Accountable and a Responsible.',
  accountabilityTitle: 'Clause 5.3: two assignments need one Accountable',
  accountabilityIntro:
    'Top management must assign who makes sure the AIMS conforms to ISO/IEC 42001, and who reports its performance to top management. An auditor asks for both by name.',
  withProblems: (n: number) => `${n} activit${n === 1 ? 'y has' : 'ies have'} a problem`,
  notAssigned: (n: number) => `${n} not assigned yet`,
  unassigned: 'Not assigned yet: name one Accountable and at least one Responsible.',
  noProblemsFiltered: 'Every activity is assigned without problems.',
  addColumn: 'Add a column',
  addColumnPlaceholder: 'A person or a role',
  people: 'People',
  roles: 'Roles',
  roleSuffix: 'role',
  formerMember: 'Former member',
  removeColumn: (label: string) => `Remove the column ${label}`,
  columnsStale:
    'Someone else changed the columns at the same time. The matrix now shows their choice: add or remove the column again.',
  columnsNotSaved: 'Columns not saved',
  noColumns: 'Add a person or a role as a column to start assigning.',
  // The name starts with the letters the cell shows, so what is seen and what is heard agree.
  cellLabel: (activity: string, who: string, letters: string, spoken: string) =>
    `${activity}, ${who}: ${letters ? `${letters} (${spoken})` : 'not involved'}`,
  cellGroup: (who: string, activity: string) => `${who} in ${activity}`,
  saving: 'Saving…',
  actionsFor: (name: string) => `Actions for ${name}`,
  rename: 'Rename or describe',
  delete: 'Delete',
  deleteTitle: 'Delete this activity?',
  deleteBody: (name: string) =>
    `"${name}" and its assignments will be removed from the RACI. Its history stays in the audit trail.`,
  deleted: (name: string) => `"${name}" was removed from the RACI.`,
  stale: (name: string) =>
    `Someone else changed "${name}" at the same time. The row now shows their version: apply your change again.`,
  readOnly: 'Your role can read the RACI but not change it.',
  emptyTitle: 'No activities in the RACI',
  emptyBody:
    'Add the recurring activities of your AI management system (risk assessment, impact assessment, internal audit, incident handling…) and say who does what.',
  emptyCta: 'Add the first activity',
  // activity form
  newTitle: 'Add an activity',
  editTitle: (name: string) => `Edit ${name}`,
  name: 'Activity',
  nameHint: 'A short name, e.g. "Model release review".',
  descriptionLabel: 'Description',
  descriptionHint: 'Optional: what the activity involves, and the clauses or controls it serves.',
  create: 'Add activity',
  save: 'Save',
  cancel: 'Cancel',
  created: (name: string) => `"${name}" was added to the RACI.`,
  savedActivity: (name: string) => `"${name}" was saved.`,
} as const;

export const RACI_COLORS: Record<RaciLetter, string> = { R: 'blue', A: 'grape', C: 'teal', I: 'gray' };
