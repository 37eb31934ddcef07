// Records every module shares: the audit trail, attached files and the database file store, record
// numbers, frozen approvals, notifications, scheduled jobs and saved views.

export type AuditEventTable = {
  id: string;
  chain: string; // the organization id, or "user:<id>" for account events outside any organization
  seq: number;
  orgId: string | null;
  at: string;
  actorId: string | null;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string;
  before: string | null;
  after: string | null;
  prevHash: string;
  hash: string;
};

export type FileTable = {
  id: string;
  orgId: string;
  entityType: string;
  entityId: string;
  sha256: string;
  name: string;
  size: number;
  mediaType: string;
  createdAt: string;
  createdBy: string | null;
};

/** A frozen approval (treatment plan or SoA): the content as approved. */
export type ApprovalTable = {
  id: string;
  orgId: string;
  number: number;
  content: string;
  approvedAt: string;
  approvedBy: string | null;
  approvedByName: string;
};

export type RecordNumberTable = { orgId: string; sequence: string; last: number };
/** The file store kept in the database (FILE_STORE=db): bytes by SHA-256. */
export type FileBlobTable = { sha256: string; size: number; bytes: Buffer; createdAt: string };
/** Something said to a person (reminder, digest, expiry notice): the bell's list and the sent-log of scheduled mail. */
export type NotificationTable = {
  id: string;
  userId: string;
  orgId: string | null;
  kind: string;
  dedupeKey: string;
  subject: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
  emailedAt: string | null;
};
export type NotificationSettingsTable = {
  userId: string;
  digest: number;
  reminders: number;
  version: number;
  updatedAt: string;
};
/** One row per kind of scheduled work: when it is next due and which instance holds it until when. */
export type JobTable = {
  kind: string;
  nextRunAt: string;
  lockedUntil: string | null;
  lockedBy: string | null;
  lastStartedAt: string | null;
  lastFinishedAt: string | null;
  lastError: string | null;
};

/** A person's saved view of one register: named filters, sort and hidden columns (JSON in `state`). */
export type SavedViewTable = {
  id: string;
  orgId: string;
  userId: string;
  register: string;
  name: string;
  state: string;
  version: number;
  createdAt: string;
  updatedAt: string;
};
