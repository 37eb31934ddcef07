// Fixed vocabularies shared by the database, the API, the UI and the CLI.
// The values are part of the public API contract: add, never rename.

export const ROLES = [
  'owner',
  'manager',
  'contributor',
  'approver',
  'internal_auditor',
  'external_auditor',
  'viewer',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  owner: 'Owner',
  manager: 'AIMS manager',
  contributor: 'Contributor',
  approver: 'Approver (top management)',
  internal_auditor: 'Internal auditor',
  external_auditor: 'External auditor',
  viewer: 'Viewer',
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  owner: 'Everything, including members and the organization itself.',
  manager: 'Runs the AIMS: edits every register and invites members (not owners).',
  contributor: 'Records and edits register items such as AI systems and evidence.',
  approver: 'Reads everything; approves policies, the SoA and risk acceptance.',
  internal_auditor: 'Reads everything, including the audit trail; records audit findings.',
  external_auditor: 'Certification body: read-only, until the access expiry date.',
  viewer: 'Reads registers; changes nothing.',
};

/** The organization's roles with respect to an AI system (ISO/IEC 22989 / 42001 clause 4.1). */
export const AI_ROLES = ['provider', 'producer', 'customer', 'partner', 'subject', 'relevant_authority'] as const;
export type AiRole = (typeof AI_ROLES)[number];

export const AI_ROLE_LABELS: Record<AiRole, string> = {
  provider: 'Provider',
  producer: 'Producer',
  customer: 'Customer',
  partner: 'Partner',
  subject: 'Subject',
  relevant_authority: 'Relevant authority',
};

export const LIFECYCLE_STAGES = [
  'idea',
  'design',
  'development',
  'verification',
  'deployment',
  'operation',
  'retired',
] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

export const LIFECYCLE_STAGE_LABELS: Record<LifecycleStage, string> = {
  idea: 'Idea / inception',
  design: 'Design',
  development: 'Development',
  verification: 'Verification & validation',
  deployment: 'Deployment',
  operation: 'Operation & monitoring',
  retired: 'Retired',
};

/** Risk tier as first classified (EU AI Act vocabulary); the risk module refines it later. */
export const RISK_TIERS = ['unclassified', 'minimal', 'limited', 'high', 'prohibited'] as const;
export type RiskTier = (typeof RISK_TIERS)[number];

export const RISK_TIER_LABELS: Record<RiskTier, string> = {
  unclassified: 'Not yet classified',
  minimal: 'Minimal',
  limited: 'Limited (transparency duties)',
  high: 'High',
  prohibited: 'Prohibited practice',
};

/** Status of the inventory record itself, independent of the system's lifecycle stage. */
export const AI_SYSTEM_STATUSES = ['draft', 'active', 'archived'] as const;
export type AiSystemStatus = (typeof AI_SYSTEM_STATUSES)[number];

export const AI_SYSTEM_STATUS_LABELS: Record<AiSystemStatus, string> = {
  draft: 'Draft',
  active: 'Active',
  archived: 'Archived',
};
