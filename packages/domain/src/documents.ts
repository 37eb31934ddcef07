import { z } from 'zod';
import { ZRichDoc } from './rich-text';
import { calendarDate } from './dates';
import { versionField } from './version';

// Document control (7.5): each AIMS document has numbered versions that move through one life
// cycle. A published version is immutable and stays in force while the next one is drafted;
// nothing is ever deleted, only superseded or withdrawn. The rules here are pure so the server,
// the web app and the tests read the same ones.

export const VERSION_STATES = ['draft', 'in_review', 'approved', 'published', 'superseded', 'withdrawn'] as const;
export type VersionState = (typeof VERSION_STATES)[number];
export const VERSION_STATE_LABELS: Record<VersionState, string> = {
  draft: 'Draft',
  in_review: 'In review',
  approved: 'Approved',
  published: 'Published',
  superseded: 'Superseded',
  withdrawn: 'Withdrawn',
};

export const VERSION_ACTIONS = ['submit', 'recall', 'send_back', 'approve', 'publish', 'withdraw'] as const;
export type VersionAction = (typeof VERSION_ACTIONS)[number];

const ACTION_WORDS: Record<VersionAction, string> = {
  submit: 'submitted for review',
  recall: 'recalled from review',
  send_back: 'sent back',
  approve: 'approved',
  publish: 'published',
  withdraw: 'withdrawn',
};

/**
 * The state a version moves to, or why it cannot. A material change (a new major version) must
 * be reviewed and approved before it is published; a non-material one (a minor version, after a
 * first approved major) may be published from draft by whoever may publish, and it is recorded.
 */
export function transition(
  state: VersionState,
  action: VersionAction,
  v: { material: boolean; hasApprovedMajor: boolean; first?: boolean },
): { to: VersionState } | { problem: string } {
  const refuse = (why: string) => ({
    problem: `A ${VERSION_STATE_LABELS[state].toLowerCase()} version cannot be ${ACTION_WORDS[action]}: ${why}`,
  });
  switch (action) {
    case 'submit':
      return state === 'draft' ? { to: 'in_review' } : refuse('only a draft goes to review.');
    case 'recall':
    case 'send_back':
      return state === 'in_review' ? { to: 'draft' } : refuse('only a version in review goes back to draft.');
    case 'approve':
      return state === 'in_review'
        ? { to: 'approved' }
        : refuse('only a version in review can be approved. Submit it for review first.');
    case 'publish':
      if (state === 'approved') return { to: 'published' };
      if (state === 'draft' && !v.material && v.hasApprovedMajor) return { to: 'published' };
      if (state === 'draft')
        return refuse(
          v.first
            ? 'the first version needs review and approval first.'
            : v.material
              ? 'a material change needs review and approval first.'
              : 'its major version was never approved, so it needs review and approval first.',
        );
      return refuse('only an approved version (or a non-material draft) can be published.');
    case 'withdraw':
      return state === 'superseded' || state === 'withdrawn' ? refuse('it is no longer in use.') : { to: 'withdrawn' };
  }
}

export type VersionNumber = { major: number; minor: number };
export const versionLabel = (v: VersionNumber) => `${v.major}.${v.minor}`;

/** The number of a new draft: after `last` (the newest version that was approved or published), a material change is the next major. */
export function nextVersionNumber(last: VersionNumber | null, material: boolean): VersionNumber {
  if (!last) return { major: 1, minor: 0 };
  return material ? { major: last.major + 1, minor: 0 } : { major: last.major, minor: last.minor + 1 };
}

/** The date a published document is next reviewed: from the day it was published, on the type's cycle. */
export function nextReviewDate(publishedAt: string, months: number): string {
  const d = new Date(publishedAt);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  // 31 January + 1 month is the last day of February, not 3 March.
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.toISOString().slice(0, 10);
}

/** The document's code, such as AIMS-POL-001: the organization's prefix, the type's prefix, a number never reused. */
export const documentCode = (orgPrefix: string, typePrefix: string, number: number) =>
  `${orgPrefix}-${typePrefix}-${String(number).padStart(3, '0')}`;

// ---- inputs -------------------------------------------------------------------------------

const id = z.string().min(1).max(64);
const name = (what: string, max: number) =>
  z
    .string({ error: `${what} is required` })
    .trim()
    .min(1, `${what} is required`)
    .max(max, `${what} must be at most ${max} characters`);

export const CLASSIFICATIONS = ['Public', 'Internal', 'Confidential', 'Restricted'] as const;

/** Facts about the organization asked once and printed on every document. */
export const ZDocumentSettings = z.strictObject({
  version: versionField(),
  codePrefix: z
    .string()
    .trim()
    .regex(/^[A-Z0-9]{2,8}$/, 'Document code prefix must be 2–8 capital letters or digits, such as AIMS'),
  classification: z.enum(CLASSIFICATIONS, { error: `Classification must be one of: ${CLASSIFICATIONS.join(', ')}` }),
  topManagement: name('Top management (who signs the AI policy)', 200),
  defaultOwnerId: id.nullable(),
  defaultApproverId: id.nullable(),
});
export type DocumentSettingsInput = z.output<typeof ZDocumentSettings>;

export const ZCreateDocument = z.strictObject({
  typeId: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'Choose a document type'),
  title: name('Title', 200).optional(),
  ownerId: id.nullable().optional(),
  approverId: id.nullable().optional(),
  /** Wizard answers, by question key. */
  answers: z
    .record(z.string().max(60), z.union([z.string().max(4000), z.array(z.string().max(500)).max(50)]))
    .default({}),
});

export const ZUpdateDraft = z.strictObject({
  version: versionField(),
  title: name('Title', 200).optional(),
  material: z.boolean().optional(),
  changeSummary: z.string().trim().max(2000, 'The change summary must be at most 2000 characters').optional(),
  sections: z
    .array(z.strictObject({ key: z.string().max(60), title: name('Section title', 200), body: ZRichDoc }))
    .max(60)
    .optional(),
  answers: z
    .record(z.string().max(60), z.union([z.string().max(4000), z.array(z.string().max(500)).max(50)]))
    .optional(),
});

export const ZSubmitForReview = z.strictObject({
  version: versionField(),
  reviewerIds: z.array(id).max(10, 'Choose at most 10 reviewers').default([]),
  dueDate: calendarDate('Review deadline').nullable().default(null),
  changeSummary: z.string().trim().min(1, 'Say what changed in this version (the revision table shows it)').max(2000),
});

export const ZVersionDecision = z.strictObject({
  version: versionField(),
  comment: z.string().trim().max(4000, 'The comment must be at most 4000 characters').default(''),
});

export const ZReviewDecision = z.strictObject({
  version: versionField(),
  decision: z.enum(['agree', 'changes_requested'], { error: 'decision must be agree or changes_requested' }),
  comment: z.string().trim().max(4000, 'The comment must be at most 4000 characters').default(''),
});
