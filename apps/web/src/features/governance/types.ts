// Shapes of the governance answers (apps/server/src/modules/context/governance.ts).
import type { GapResult, Pillar, RaciLetter, Role } from '@fortytwo/domain';

export type CoverageItem = { ref: string; title: string; source: 'iso42001' | 'custom'; result: GapResult | null };

export type GovernancePillar = {
  pillar: Pillar;
  label: string;
  /** Who owns the pillar: look them up in the answer's `people` (personOf). */
  ownerId: string | null;
  objectives: string[];
  policyStatements: string[];
  /** 0 before the first save. */
  version: number;
  coverage: {
    items: CoverageItem[];
    /** Readiness (0–100) of the covered ISO items in the latest gap assessment; null without one. */
    readiness: number | null;
    answered: number;
    assessmentId: string | null;
  };
};

/** What a 409 on a pillar carries: the saved fields and their version. */
export type PillarSaved = { ownerId: string | null; objectives: string[]; policyStatements: string[]; version: number };

export type RaciAssignee = { userId: string; name: string | null } | { role: Role };
export type RaciAssignmentOut = { assignee: RaciAssignee; letter: RaciLetter };
export type RaciActivity = {
  id: string;
  position: number;
  name: string;
  description: string;
  assignments: RaciAssignmentOut[];
  problems: { code: string; message: string }[];
  version: number;
};

/** The columns the RACI matrix shows, the same for the whole organization (anyone assigned is shown too). */
export type RaciColumnChoice = {
  columns: ({ userId: string; name: string | null } | { role: Role })[];
  /** false until someone chooses: the first current members by name. */
  chosen: boolean;
  /** 0 before the first save. */
  version: number;
};
