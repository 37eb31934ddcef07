import { formatDate, formatDateTime } from '../../ui/format';
import type { VersionDetail, VersionSummary } from './api';

// What the life-cycle panel (LifecyclePanel.tsx) says: where a version stands, and what a done step did.

export const DONE: Record<string, (v: VersionSummary) => string> = {
  submit: (v) => `Version ${v.label} sent for review.`,
  recall: (v) => `Version ${v.label} recalled: it is a draft again.`,
  reviews: () => 'Your review is recorded.',
  'send-back': (v) => `Version ${v.label} sent back to its author.`,
  approve: (v) => `Version ${v.label} approved. Its files are kept by SHA-256.`,
  publish: (v) => `Version ${v.label} is now in force.`,
  withdraw: (v) => `Version ${v.label} withdrawn.`,
};

export function statusLine(v: VersionDetail): string {
  switch (v.state) {
    case 'draft':
      return v.material
        ? 'A draft. A material change: it needs review and approval before it is published.'
        : 'A draft of a minor change: it can be published without a new approval.';
    case 'in_review':
      return `In review since ${formatDateTime(v.submittedAt)}${v.reviewDue ? `, due ${formatDate(v.reviewDue)}` : ''}.`;
    case 'approved':
      return `Approved by ${v.approvedBy?.name ?? 'someone'} on ${formatDateTime(v.approvedAt)}${v.approvalComment ? ` (“${v.approvalComment}”)` : ''}. Ready to publish.`;
    case 'published':
      return `In force since ${formatDateTime(v.publishedAt)}. Next review ${formatDate(v.nextReviewAt)}.`;
    case 'superseded':
    case 'withdrawn':
      return `${v.endReason ?? 'Out of use'} (${formatDateTime(v.endedAt)}).`;
  }
}
