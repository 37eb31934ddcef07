// Shapes of the scope answers (apps/server/src/modules/context/scope.ts).
import type { AiRole, ScopeContent, ScopeWarning } from '@fortytwo/domain';

export type ScopeStamp = {
  revision: number;
  statement: string;
  approvedBy: string | null;
  approvedByName: string;
  approvedAt: string;
};

export type Scope = ScopeContent & {
  /** 0 before the first save. */
  version: number;
  /** approved until the draft changes again. */
  status: 'draft' | 'approved';
  statement: string;
  warnings: ScopeWarning[];
  approved: ScopeStamp | null;
  updatedAt: string | null;
};

export type ScopeRevision = ScopeStamp & { content: ScopeContent };

/** The part of the context record (4.1) the statement reads: the organization's AI roles. */
export type OrgContextRoles = { aiRoles: { role: AiRole; subRoles: string[]; reason: string }[] };
