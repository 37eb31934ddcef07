// Issue 16 items 3–5 (migration 0027): data sets, suppliers, EU AI Act classification, A.10.4 split.
export type DataSetTable = {
  id: string;
  orgId: string;
  number: number;
  name: string;
  description: string;
  purpose: string;
  sourceKind: string;
  source: string;
  provenance: string;
  acquiredOn: string | null;
  legalBasis: string;
  legalBasisDetail: string;
  qualityChecks: string; // JSON
  preparation: string;
  personalData: number; // 0 | 1
  specialCategories: string; // JSON
  retention: string;
  retainUntil: string | null;
  ownerId: string | null;
  version: number;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  updatedBy: string | null;
};
export type DataSetSystemTable = { orgId: string; dataSetId: string; aiSystemId: string };
export type SupplierTable = {
  id: string;
  orgId: string;
  number: number;
  name: string;
  supplies: string;
  kind: string;
  trainsOnInputs: string;
  inputRetention: string;
  modelChangeNotice: string;
  incidentNotice: string;
  dataLocation: string;
  contractClauses: string; // JSON
  reviewCadenceMonths: number;
  lastReviewedOn: string | null;
  ownerId: string | null;
  notes: string;
  version: number;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  updatedBy: string | null;
};
export type SupplierSystemTable = { orgId: string; supplierId: string; aiSystemId: string };
export type AiActClassificationTable = {
  aiSystemId: string;
  orgId: string;
  prohibitedScreened: number;
  prohibitedPractices: string; // JSON
  annexOneProduct: number;
  annexThreeCategory: string | null;
  derogationReason: string;
  profilesPeople: number;
  roles: string; // JSON
  transparencyTriggers: string; // JSON
  publicService: number;
  friaImpactAssessmentId: string | null;
  notes: string;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
};
export type CustomerResponsibilityTable = {
  aiSystemId: string;
  orgId: string;
  items: string; // JSON
  version: number;
  updatedAt: string;
  updatedBy: string | null;
};
