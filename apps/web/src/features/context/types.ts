// Shapes of the context API answers (apps/server/src/modules/context/org-context.ts and registers.ts).
import type { AiRole, ContextCategory, ContextIssueKind, PartyCategory, RequirementKind } from '@fortytwo/domain';

export type AiRoleDetermination = { role: AiRole; subRoles: string[]; reason: string };

/** The one context record of clause 4.1; version 0 and updatedAt null until the first save. */
export type OrgContext = {
  climateRelevant: boolean | null;
  climateReason: string;
  aiRoles: AiRoleDetermination[];
  summary: string;
  version: number;
  updatedAt: string | null;
};

export type ContextIssue = {
  id: string;
  kind: ContextIssueKind;
  category: ContextCategory;
  description: string;
  effect: string;
  source: string;
  /** YYYY-MM-DD */
  reviewDate: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
};

export type PartyRequirement = {
  id: string;
  kind: RequirementKind;
  description: string;
  addressed: boolean;
  how: string;
  refs: string[];
};

export type InterestedParty = {
  id: string;
  name: string;
  category: PartyCategory;
  description: string;
  requirements: PartyRequirement[];
  version: number;
  createdAt: string;
  updatedAt: string;
};

/** The records whose history the context pages show (audit-event entity types). */
export type ContextEntityType = 'org_context' | 'context_issue' | 'interested_party';
