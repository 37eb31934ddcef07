import type { Role } from './enums';

/**
 * The one permission table: role × action. Every org-scoped route names exactly one action,
 * the server checks it before the handler runs, and the web app uses the same table to hide
 * what a member cannot do. Tests walk the whole matrix against the real routes.
 */
export const ACTIONS = [
  'org.read',
  'org.update',
  'member.read',
  'member.manage',
  // A one-time link to set a member's password: owners only (the service also requires owning every organization of that member).
  'member.reset_password',
  // Single sign-on policy (who may join by email domain, group → role, password sign-in off): owners only.
  'sso.manage',
  'ai_system.read',
  'ai_system.write',
  'ai_system.delete',
  'audit_event.read',
  'catalog.read',
  'catalog.manage',
  'gap.read',
  'gap.write',
  'action.read',
  'action.write',
  'context.read',
  'context.write',
  'scope.approve',
  'risk.read',
  'risk.write',
  'risk.approve',
  'document.read',
  'document.write',
  'document.approve',
  'document.publish',
  // Control implementation in operation: the controls register, occurrences of operating controls.
  'control.read',
  'control.write',
  'evidence.read',
  'evidence.write',
  // Competence, training and awareness (7.2, 7.3): people, competences, development actions, training records.
  'competence.read',
  'competence.write',
  // AI objectives (6.2) and monitoring (9.1).
  'objective.read',
  'objective.write',
  'metric.read',
  'metric.write',
  // Recording measurements of a metric: by hand, by CSV import, or pushed by a monitoring pipeline.
  'measurement.write',
  // Data for AI systems (A.7) and suppliers of AI components and services (A.10).
  'data_set.read',
  'data_set.write',
  'supplier.read',
  'supplier.write',
  // Certification (step 6): the readiness check, the certification body engagement.
  'certification.read',
  'certification.write',
  // Internal audit (9.2): the programme and audit plans (audit.write), approving the programme (audit.approve),
  // checklist results and findings (finding.write: auditors, internal or external).
  'audit.read',
  'audit.write',
  'audit.approve',
  'finding.write',
  // Nonconformity and corrective action (10.2) and the improvement log (10.1). Closing and the effectiveness
  // review are separate; nobody closes a nonconformity they own or raised (a domain rule, not a role).
  'nonconformity.read',
  'nonconformity.write',
  'nonconformity.close',
  // Management review (9.3): meetings, the input pack, decisions and actions; the chair signs the minutes off.
  'review.read',
  'review.write',
  'review.approve',
  // The AI system life cycle (8.2, 8.4, A.6.2.4–A.6.2.8): releases, their V&V and deployment, changes and their significance.
  'ai_release.write',
  // The external auditor workspace (step 6): what the organization shares with its time-boxed external auditors
  // (published documents, the approved SoA, chosen evidence), read there and logged (auditor_workspace.read);
  // curating what is shared, the access log and the requests (auditor_workspace.manage); raising a request
  // for more evidence (evidence_request.write). Answering one is evidence.write.
  'auditor_workspace.read',
  'auditor_workspace.manage',
  'evidence_request.write',
] as const;
export type Action = (typeof ACTIONS)[number];

const READ: Action[] = [
  'org.read',
  'member.read',
  'ai_system.read',
  'catalog.read',
  'gap.read',
  'action.read',
  'context.read',
  'risk.read',
  'document.read',
  'control.read',
  'evidence.read',
  'competence.read',
  'objective.read',
  'metric.read',
  'data_set.read',
  'supplier.read',
  'certification.read',
  'audit.read',
  'nonconformity.read',
  'review.read',
];

export const PERMISSIONS: Record<Role, readonly Action[]> = {
  owner: [...ACTIONS],
  manager: [
    'org.read',
    'org.update',
    'member.read',
    'member.manage',
    'ai_system.read',
    'ai_system.write',
    'ai_system.delete',
    'audit_event.read',
    'catalog.read',
    'catalog.manage',
    'gap.read',
    'gap.write',
    'action.read',
    'action.write',
    'context.read',
    'context.write',
    'risk.read',
    'risk.write',
    'document.read',
    'document.write',
    'document.publish',
    'control.read',
    'control.write',
    'evidence.read',
    'evidence.write',
    'competence.read',
    'competence.write',
    'objective.read',
    'objective.write',
    'metric.read',
    'metric.write',
    'measurement.write',
    'data_set.read',
    'data_set.write',
    'supplier.read',
    'supplier.write',
    'certification.read',
    'certification.write',
    'audit.read',
    'audit.write',
    'finding.write',
    'nonconformity.read',
    'nonconformity.write',
    'nonconformity.close',
    'review.read',
    'review.write',
    'ai_release.write',
    'auditor_workspace.read',
    'auditor_workspace.manage',
  ],
  contributor: [
    ...READ,
    'ai_system.write',
    'gap.write',
    'action.write',
    'context.write',
    'risk.write',
    'document.write',
    'control.write',
    'evidence.write',
    'competence.write',
    'objective.write',
    'metric.write',
    'measurement.write',
    'data_set.write',
    'supplier.write',
    // Auditees answer: correction, root cause and actions of a nonconformity.
    'nonconformity.write',
    'review.write',
    'ai_release.write',
  ],
  // Top management approves: the scope, the risk criteria, the treatment plan, residual-risk acceptance, the SoA, documents.
  approver: [
    ...READ,
    'audit_event.read',
    'scope.approve',
    'risk.approve',
    'document.approve',
    'audit.approve',
    'nonconformity.close',
    'review.approve',
  ],
  // Auditors plan and run audits and write findings; an internal auditor also reviews effectiveness and
  // closes nonconformities (never one they raised). An external auditor writes findings only, and reads
  // documents and evidence only through the workspace (published, approved or shared; every view logged).
  internal_auditor: [...READ, 'audit_event.read', 'audit.write', 'finding.write', 'nonconformity.close'],
  external_auditor: [
    ...READ.filter((a) => a !== 'document.read' && a !== 'evidence.read'),
    'audit_event.read',
    'finding.write',
    'auditor_workspace.read',
    'evidence_request.write',
  ],
  viewer: [...READ],
};

export function can(role: Role, action: Action): boolean {
  return PERMISSIONS[role].includes(action);
}

/** Roles a member with `role` may hand out through invitations. Only owners make owners. */
export function grantableRoles(role: Role): Role[] {
  if (role === 'owner')
    return ['owner', 'manager', 'contributor', 'approver', 'internal_auditor', 'external_auditor', 'viewer'];
  if (can(role, 'member.manage'))
    return ['manager', 'contributor', 'approver', 'internal_auditor', 'external_auditor', 'viewer'];
  return [];
}

/**
 * What an API token may do. A `full` token acts as its user in everything that user's role allows;
 * a `measurements` token (for an ML monitoring pipeline, whose secret lives on a build server) can
 * only record measurements, so a leaked pipeline token cannot read or change anything else.
 */
export const TOKEN_SCOPES = ['full', 'measurements', 'releases'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];
export const TOKEN_SCOPE_LABELS: Record<TokenScope, string> = {
  full: 'Everything your role allows',
  measurements: 'Only record measurements (monitoring pipelines)',
  releases: 'Only record AI system releases and their test results (CI pipelines)',
};

/** Whether a token of `scope` may call a route guarded by `access` (the role is checked as well). */
export function tokenAllows(scope: TokenScope, access: Action | 'user'): boolean {
  if (scope === 'full') return true;
  if (scope === 'releases') return access === 'ai_release.write';
  return access === 'measurement.write';
}
