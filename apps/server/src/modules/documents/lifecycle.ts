// Moving a version through its life cycle (packages/domain/src/documents.ts says which moves are
// allowed). Reviews are tasks on the reviewers' lists; the approver's decision is final. Approval
// renders the .docx and .pdf once and keeps them by SHA-256, so the files an auditor downloads
// are the ones approved. Publishing puts a version in force and supersedes the one before.
// One file per use case: review-round.ts (submit, recall, send back, review), approval.ts,
// publication.ts (publish, withdraw); lifecycle-steps.ts holds what they share.

export { recallFromReview, recordReview, sendBack, submitForReview } from './review-round';
export { approveVersion, freezeFiles } from './approval';
export { publishVersion, withdrawVersion } from './publication';
