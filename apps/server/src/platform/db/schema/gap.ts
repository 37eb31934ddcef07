// The catalog's organization-specific parts (own controls, imports), the gap assessment and its actions.

export type CustomControlTable = {
  id: string;
  orgId: string;
  ref: string;
  title: string;
  description: string;
  guidance: string; // JSON: { asks, auditorLooksFor, evidence[] } or null
  relatedRefs: string; // JSON: refs of iso42001 items
  pillars: string; // JSON
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  updatedBy: string | null;
};
export type CatalogImportTable = {
  id: string;
  orgId: string;
  kind: 'framework' | 'crosswalk';
  key: string;
  name: string;
  fileName: string | null;
  content: string;
  createdAt: string;
  createdBy: string | null;
};

export type GapAssessmentTable = {
  id: string;
  orgId: string;
  name: string;
  kind: 'working' | 'snapshot';
  sourceId: string | null;
  frozenAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  updatedBy: string | null;
};
export type GapAssessmentItemTable = {
  id: string;
  orgId: string;
  assessmentId: string;
  ref: string;
  position: number;
  status: string;
  result: string | null;
  maturity: number | null;
  justification: string;
  notes: string;
  ownerId: string | null;
  targetDate: string | null;
  evidenceLinks: string; // JSON
  aiSystemIds: string; // JSON
  version: number;
  updatedAt: string;
  updatedBy: string | null;
};
export type ActionTable = {
  id: string;
  orgId: string;
  title: string;
  description: string;
  ownerId: string | null;
  dueDate: string | null;
  status: string;
  sourceType: string;
  sourceId: string | null;
  sourceRef: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  updatedBy: string | null;
};
