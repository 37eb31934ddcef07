// Every string of the catalogue pages. Our own words: never the text of a standard.

export const CATALOG_TEXT = {
  title: 'Catalogue',
  description: 'What each requirement asks, what auditors check, how frameworks map.',
  tabBrowse: 'Browse',
  tabCustom: 'Custom controls',
  tabImports: 'Imports',
  tabsLabel: 'Catalogue sections',
  // browse
  framework: 'Framework',
  chooseFramework: 'Choose a framework',
  loading: 'Loading…',
  frameworksError: 'The list of frameworks could not be loaded.',
  sideLabel: 'Contents and search',
  itemCount: (n: number) => `${n} item${n === 1 ? '' : 's'}`,
  opensInNewTab: '(opens in a new tab)',
  exportOscal: 'Export OSCAL',
  exportOscalHint: (name: string) => `Download ${name} as an OSCAL catalog (JSON) for other GRC tools`,
  treeLabel: (name: string) => `Contents of ${name}`,
  treeToggle: (ref: string) => `Items under ${ref}`,
  assessable: 'Assessable',
  assessableHint: 'Assessable: answered in the gap analysis',
  assessableSuffix: ', assessable',
  legendAssessable: 'Assessable: answered in the gap analysis',
  expandAll: 'Expand all',
  collapseAll: 'Collapse all',
  frameworkNotFound: 'Framework not found',
  frameworkNotFoundBody: (id: string) =>
    `There is no framework "${id}" in this organization's catalogue. It may have been an import that was removed.`,
  backToCatalogue: 'Open ISO/IEC 42001',
  // search
  search: 'Search the catalogue',
  searchPlaceholder: 'Ref, title or words, e.g. event logs',
  searchHint: 'Press / to search',
  clearSearch: 'Clear search',
  searchScope: 'Search in',
  searchAll: 'All frameworks',
  searchThis: 'This framework',
  searchResults: (n: number, q: string) =>
    n === 0 ? `No results for “${q}”` : `${n}${n >= 50 ? '+' : ''} result${n === 1 ? '' : 's'} for “${q}”`,
  searchEmpty: 'Nothing matches every word. Try fewer or other words, a ref such as A.6.2.8, or search all frameworks.',
  // item
  notFoundTitle: 'Item not found',
  notFound: (ref: string, framework: string) =>
    `${framework} has no item "${ref}". Check the reference, or pick an item from the tree.`,
  breadcrumb: 'Place in the framework',
  guidance: 'Guidance',
  documentationToKeep: 'What to document:',
  asks: 'What it asks',
  auditor: 'What an auditor looks for',
  evidence: 'Typical evidence',
  documents: 'Required documents',
  documentsHint: 'Documented information that this item asks for, as listed in the framework’s overview.',
  documentation: 'Documented information',
  related: 'Related controls',
  children: 'Contents',
  crosswalk: 'Crosswalk links',
  crosswalkHint:
    'How this item compares with items of other frameworks, read from this item: equal (they ask the same), subset (this item asks for part of the other), superset (it asks for more), intersects (they overlap).',
  crosswalkEmpty: 'No crosswalk links this item to another framework yet.',
  noGuidance: 'This item has no guidance: it groups the items below it.',
  noGuidanceLeaf: 'No guidance was given for this item.',
  pdca: (phase: string) => `PDCA: ${phase}`,
  pillarsLabel: 'Governance pillars',
  // overview
  overview: 'Overview',
  publisher: 'Publisher',
  version: 'Version',
  items: 'Items',
  assessableItems: 'Assessable',
  origin: 'Source',
  website: 'Website',
  startHint: 'Pick an item in the tree, or search, to read what it asks and what an auditor looks for.',
  mandatoryDocuments: 'Mandatory documented information',
  mandatoryDocumentsHint:
    'What the framework asks you to keep available, retain as records, or document; each row names the items that ask for it.',
  document: 'Document',
  wording: 'Kind',
  askedBy: 'Asked by',
  referenceTableRef: 'Ref',
  referenceTableTitle: 'Title',
  referenceTableDescription: 'What it means',
} as const;

export const CUSTOM_TEXT = {
  title: 'Custom controls',
  description: 'Controls your organization adds beyond Annex A, with their own guidance and links to ISO/IEC 42001.',
  add: 'Add custom control',
  emptyTitle: 'No custom controls yet',
  emptyBody:
    'Annex A is a starting point, not a limit. When your risk treatment needs a control that Annex A does not list, clause 6.1.3 lets you add your own, such as a model-card review before each release.',
  emptyWhy:
    'Custom controls appear in the catalogue next to the shipped frameworks, link to the ISO/IEC 42001 items they support, and will join the Statement of Applicability with the Annex A controls.',
  emptyCta: 'Add your first custom control',
  emptyReadOnly: 'Your role can read custom controls but not add them. Ask an owner or AIMS manager.',
  columns: {
    ref: 'Ref',
    title: 'Title',
    related: 'Related ISO/IEC 42001 items',
    pillars: 'Pillars',
    updatedAt: 'Updated',
  },
  actions: 'Actions',
  actionsFor: (ref: string) => `Actions for ${ref}`,
  openInCatalogue: 'Open in catalogue',
  edit: 'Edit',
  delete: 'Delete',
  deleteTitle: 'Delete this custom control?',
  deleteBody: (ref: string, title: string) =>
    `${ref} "${title}" will be removed from the catalogue. Its history stays in the audit trail.`,
  deleted: (ref: string) => `${ref} was deleted. Its history stays in the audit trail.`,
  notFound: 'This custom control was not found. It may have been deleted.',
  // form
  newTitle: 'Add a custom control',
  editTitle: (ref: string) => `Edit ${ref}`,
  sectionWhat: 'The control',
  sectionWhatHint: 'A ref of your own, a short title, and what the control requires.',
  sectionGuidance: 'Guidance',
  sectionGuidanceHint: 'Optional: what to do and what an auditor will check, the way the catalogue explains Annex A.',
  sectionLinks: 'Links',
  sectionLinksHint: 'The ISO/IEC 42001 items this control supports and the governance pillars it serves.',
  withGuidance: 'Add guidance',
  withGuidanceHint: 'Shown with the control in the catalogue.',
  evidenceHint: 'One kind of evidence per line.',
  relatedPlaceholder: 'Search by ref or title, e.g. 6.1.3',
  relatedNothing: 'No ISO/IEC 42001 item matches',
  save: 'Save',
  create: 'Add custom control',
  cancel: 'Cancel',
  created: (ref: string) => `${ref} was added to your custom controls.`,
  saved: (ref: string) => `Changes to ${ref} were saved.`,
  staleTitle: 'Someone else saved this custom control while you were editing',
} as const;

export const CUSTOM_FIELD_LABELS = {
  ref: 'Ref',
  title: 'Title',
  description: 'Description',
  withGuidance: 'Guidance',
  asks: 'What it asks',
  auditorLooksFor: 'What an auditor looks for',
  evidence: 'Typical evidence',
  relatedRefs: 'Related ISO/IEC 42001 items',
  pillars: 'Governance pillars',
} as const;

export const CUSTOM_FIELD_HELP = {
  ref: 'Your own prefix, e.g. ORG-1. Not an Annex A ref (A.x.y).',
  title: 'A short name, e.g. "Model card review before release".',
  description: 'What the control requires, in a few sentences.',
  asks: 'What the control asks people to do.',
  auditorLooksFor: 'What an auditor will ask to see, and the weak spots to avoid.',
  relatedRefs: 'Clauses and Annex A controls this control supports or extends.',
  pillars: 'Optional: groups the control with related work.',
} as const;

export const IMPORTS_TEXT = {
  title: 'Imports',
  description: 'Frameworks and crosswalks your organization added to the catalogue from a file.',
  emptyTitle: 'No frameworks or crosswalks imported yet',
  emptyBody:
    'Import your own framework (an internal policy set, a sector code, a customer’s requirements) to browse and search it next to ISO/IEC 42001, and a crosswalk to map its items to the ISO ones.',
  emptyReadOnly: 'Your role can read imports but not add them. Ask an owner or AIMS manager.',
  formatTitle: 'The file format',
  formatBody:
    'Files are YAML or JSON. A framework starts with "format: fortytwo/framework@1" and lists its items, each with a ref, a kind and a title; a crosswalk starts with "format: fortytwo/crosswalk@1" and links the items of two frameworks.',
  formatFramework: 'A small framework',
  formatCrosswalk: 'A crosswalk from it to ISO/IEC 42001',
  formatMore: 'Every field is described in packages/catalog/FORMAT.md in Fortytwo’s source.',
  actions: 'Actions',
  columns: { kind: 'Kind', name: 'Name', id: 'Id', fileName: 'File', size: 'Size', createdAt: 'Imported' },
  kind: { framework: 'Framework', crosswalk: 'Crosswalk' },
  size: (kind: 'framework' | 'crosswalk', n: number) =>
    kind === 'framework' ? `${n} item${n === 1 ? '' : 's'}` : `${n} link${n === 1 ? '' : 's'}`,
  deleteLabel: (name: string) => `Delete ${name}`,
  deleteTitle: 'Remove this import?',
  deleteBody: (name: string) => `"${name}" will be removed from the catalogue. Its history stays in the audit trail.`,
  delete: 'Remove',
  deleted: (name: string) => `"${name}" was removed from the catalogue.`,
  // form
  formTitle: 'Import a file',
  formHint: 'All or nothing: the whole file is checked first, and nothing changes if any line is wrong.',
  source: 'Source',
  sourceFile: 'Upload a file',
  sourcePaste: 'Paste text',
  file: 'Framework or crosswalk file',
  fileHint: 'YAML (.yaml, .yml) or JSON (.json), up to 5 MB.',
  filePlaceholder: 'Choose a file',
  clearFile: 'Remove the chosen file',
  paste: 'File contents',
  pasteHint: 'Paste the whole file, starting with its format line.',
  fileName: 'File name',
  fileNameHint: 'Optional: kept with the import so you know where it came from.',
  submit: 'Import',
  needContent: 'Choose a file or paste its contents first.',
  tooLarge: 'This file is larger than 5 MB, the most an import may hold.',
  unreadable: 'This file could not be read. Check that it is a text file (YAML or JSON).',
  notText: (name: string) =>
    `${name} is not a YAML or JSON file: it holds binary data, such as an image or a PDF. Choose the text file of the framework or crosswalk.`,
  rejectedTitle: (n: number) => `Nothing was imported: ${n} problem${n === 1 ? '' : 's'} to fix`,
  issue: (line: number | null, path: string, message: string) =>
    `${line ? `line ${line} — ` : ''}${path ? `${path}: ` : ''}${message}`,
  conflictTitle: 'This id was imported before',
  replace: 'Replace the earlier import',
  imported: (name: string) => `"${name}" was imported.`,
  replaced: (name: string) => `"${name}" replaced the earlier import.`,
  open: 'Open in catalogue',
} as const;

/** Minimal files for the format help: made-up examples, not taken from any standard. */
export const FRAMEWORK_EXAMPLE = `format: fortytwo/framework@1
id: acme-ai-policy
name: Acme AI policy
version: "2025"
items:
  - ref: P-1
    kind: requirement
    title: Human review of decisions
    assessable: true
    summary: People review each decision.`;

export const CROSSWALK_EXAMPLE = `format: fortytwo/crosswalk@1
id: acme-to-iso42001
name: Acme AI policy → ISO/IEC 42001
source: acme-ai-policy
target: iso42001
provenance: Mapped by our AIMS team.
links:
  - source: P-1
    target: A.9.2
    relationship: intersect
    rationale: Both govern how AI is used.`;
