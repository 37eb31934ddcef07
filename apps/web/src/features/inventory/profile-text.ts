import type { DataUse } from './profile-values';

// The "Resources & use" tab and its form: the A.4 record of one AI system.

export const PROFILE_TEXT = {
  tab: 'Resources & use',
  edit: 'Edit resources & use',
  describe: 'Describe resources and use',
  lastUpdated: (when: string) => `Last updated ${when}`,
  // what is missing
  gapsTitle: 'What is still missing',
  gapsProgress: (done: number, total: number) => `${done} of ${total} recorded`,
  gapsNone: 'Nothing is missing. Keep this record current when the system, its data or its people change.',
  gapsHint: 'A checklist, not a gate: save what you know now and come back for the rest.',
  // empty state
  emptyTitle: 'What does this system run on, and who does it affect?',
  emptyBody:
    'Write down what this AI system depends on: the data it learns from and works on, the tools used to build and run it, where it computes and the people who keep it going. Add how it is meant to be used, how it could be misused, who it touches and how people keep it in check.',
  emptyWhy:
    'Control group A.4 of ISO/IEC 42001 expects these resources to be documented for every AI system. The record is also where your impact assessment and risk work start: they need to know who is affected, which data carries personal information and where a human can step in.',
  emptyReadOnly: 'Your role can read this record but not change it. Ask an AIMS manager or contributor to describe it.',
  // view
  notRecorded: 'Not recorded yet',
  sectionData: 'Data resources',
  sectionDataHint: 'Datasets the system is trained, validated, tested or run on.',
  sectionTooling: 'Tooling',
  sectionToolingHint: 'Frameworks, platforms and services used to build, run or monitor it.',
  sectionCompute: 'Where it runs',
  sectionComputeHint: 'The computing it uses, and what that costs the environment.',
  sectionPeople: 'People and skills',
  sectionPeopleHint: 'The roles that build, run and oversee it, and the skills they need.',
  sectionUse: 'Intended use and foreseeable misuse',
  sectionUseHint: 'What the system is for, and how it could be used in ways you do not intend.',
  sectionAffected: 'Affected people and oversight',
  sectionAffectedHint: 'Who the system touches, and how humans watch over it and step in.',
  columnDataset: 'Dataset',
  columnUses: 'Used for',
  columnPersonal: 'Personal data',
  columnLabelling: 'Labelling',
  columnRetention: 'Retention',
  columnQuality: 'Quality and known bias',
  columnTool: 'Tool',
  columnPurpose: 'What it is used for',
  columnRole: 'Role',
  columnSkills: 'Skills',
  personalYes: 'Yes',
  personalNo: 'No',
  qualityLabel: 'Quality',
  biasLabel: 'Known bias',
  // form
  formTitle: (name: string) => `Resources and use of ${name}`,
  formIntro:
    'Everything here is optional: save what you know now. The checklist on the system shows what is still missing.',
  datasetN: (n: number) => `Dataset ${n}`,
  toolN: (n: number) => `Tool ${n}`,
  personN: (n: number) => `Role ${n}`,
  remove: (what: string) => `Remove ${what.toLowerCase()}`,
  addDataset: 'Add a dataset',
  addTool: 'Add a tool',
  addPerson: 'Add a role',
  noDatasets: 'No dataset recorded yet.',
  noTools: 'No tool recorded yet.',
  noPeople: 'No role recorded yet.',
  chooseLocation: 'Choose where it runs',
  listHint: 'Press Enter after each entry.',
  save: 'Save',
  cancel: 'Cancel',
  saved: (name: string) => `Resources and use of "${name}" were saved.`,
  nothingChanged: 'Nothing changed: there is nothing to save.',
  // stale version
  staleTitle: 'Someone else saved this AI system while you were editing',
  staleBody: (who: string) =>
    `Your changes were not saved, and nothing was overwritten. ${who} The table shows where their saved record differs from the one you started from; if it is empty, they changed the system’s details, not its resources.`,
  staleWho: (theirs: number, yours: number) => `The saved version is ${theirs} (you started from ${yours}).`,
  staleField: 'Section',
  staleTheirs: 'Their saved value',
  staleYours: 'Your value',
  staleReapply: 'Load their version and re-apply my changes',
  staleDiscard: 'Discard my changes',
  staleReapplied: 'Their version is loaded with your changes re-applied on top. Review the form and save again.',
  // history
  historyUpdated: 'Changed resources & use',
} as const;

/** Labels of the profile's parts: the same words in the view, the form, conflicts and history. */
export const PROFILE_FIELD_LABELS = {
  dataResources: 'Data resources',
  tooling: 'Tooling',
  compute: 'Where it runs',
  humanResources: 'People and skills',
  intendedUse: 'Intended use',
  foreseeableMisuse: 'Foreseeable misuse',
  affectedGroups: 'Affected individuals and groups',
  humanOversight: 'Human oversight measures',
} as const;

export const DATASET_LABELS = {
  name: 'Dataset name',
  origin: 'Origin',
  uses: 'Used for',
  labelling: 'Labelling',
  quality: 'Quality',
  retention: 'Retention',
  knownBias: 'Known bias',
  personalData: 'Contains personal data',
} as const;

export const DATASET_HELP = {
  name: 'A name people recognise, e.g. “Loan book 2019–2024”.',
  origin: 'Collected in-house, bought, public, synthetic…',
  uses: 'Every stage where this data is used.',
  labelling: 'How it is labelled or annotated, and by whom.',
  quality: 'How quality is checked; known gaps or errors.',
  retention: 'How long it is kept, and what happens after.',
  knownBias: 'Groups or situations under- or over-represented.',
  personalData: 'Data about identifiable people: the impact assessment looks at it first.',
} as const;

export const FORM_LABELS = {
  toolName: 'Tool name',
  toolPurpose: 'What it is used for',
  role: 'Role',
  skills: 'Skills and competence needed',
  computeLocation: 'Location',
  computeDetails: 'Computing details',
  environmentalNotes: 'Environmental notes',
  intendedUse: PROFILE_FIELD_LABELS.intendedUse,
  foreseeableMisuse: PROFILE_FIELD_LABELS.foreseeableMisuse,
  affectedGroups: PROFILE_FIELD_LABELS.affectedGroups,
  humanOversight: PROFILE_FIELD_LABELS.humanOversight,
} as const;

export const FORM_HELP = {
  toolPurpose: 'Build, test, deploy, monitor…',
  skills: 'What someone in this role must know or be trained in.',
  computeLocation: 'Cloud, on premises, edge devices, or a mix.',
  computeDetails: 'Provider and region, hardware, capacity: what an auditor needs to find it.',
  environmentalNotes: 'Energy use, carbon footprint or water, as far as you know it.',
  intendedUse: 'Who uses it, for what, and in which setting.',
  foreseeableMisuse: 'Reasonably foreseeable ways it could be used wrongly or for something else.',
  affectedGroups: 'Individuals and groups affected by what it does, not only its users.',
  humanOversight: 'How people review its output, override it or switch it off.',
} as const;

export const DATA_USE_LABELS: Record<DataUse, string> = {
  training: 'Training',
  validation: 'Validation',
  test: 'Test',
  production: 'Production',
};
