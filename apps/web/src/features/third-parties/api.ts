import { useQuery, type QueryClient } from '@tanstack/react-query';
import type {
  AiActClass,
  AiActRole,
  AnnexIIICategory,
  ContractClause,
  DataSetPurpose,
  DataSourceKind,
  DiligenceAnswer,
  FriaState,
  LegalBasis,
  ProhibitedPractice,
  QualityResult,
  ReviewState,
  SpecialCategory,
  SupplyKind,
  TransparencyTrigger,
} from '@fortytwo/domain';
import { api, qs } from '../../api/client';
import type { Page } from '../../api/types';
import type { WithPeople } from '../../api/people';
import { registerDownloads } from '../../ui/DownloadMenu';

// Issue 16 items 3–5 on the web: data sets (A.7), suppliers (A.10), the EU AI Act classification
// and the A.10.4 split. Shapes mirror the server's (apps/server/src/modules/{data-sets,suppliers,ai-act}).

type Named = { id: string; name: string };

export type DataSet = {
  id: string;
  ref: string;
  name: string;
  description: string;
  purpose: DataSetPurpose;
  sourceKind: DataSourceKind;
  source: string;
  provenance: string;
  acquiredOn: string | null;
  legalBasis: LegalBasis;
  legalBasisDetail: string;
  qualityChecks: { check: string; result: QualityResult; checkedOn: string | null; note: string }[];
  preparation: string;
  personalData: boolean;
  specialCategories: SpecialCategory[];
  retention: string;
  retainUntil: string | null;
  /** Who answers for it: look them up in the answer's `people` (personOf). */
  ownerId: string | null;
  aiSystemIds: string[];
  aiSystems: Named[];
  evidence: { id: string; reference: string; title: string; expiryState: string }[];
  warnings: string[];
  version: number;
};

export type Supplier = {
  id: string;
  ref: string;
  name: string;
  supplies: string;
  kind: SupplyKind;
  aiSystemIds: string[];
  aiSystems: Named[];
  trainsOnInputs: DiligenceAnswer;
  inputRetention: string;
  modelChangeNotice: DiligenceAnswer;
  incidentNotice: DiligenceAnswer;
  dataLocation: string;
  contractClauses: ContractClause[];
  reviewCadenceMonths: number;
  lastReviewedOn: string | null;
  nextReviewOn: string;
  reviewState: ReviewState;
  /** Who manages the supplier: look them up in the answer's `people` (personOf). */
  ownerId: string | null;
  notes: string;
  warnings: string[];
  version: number;
  updatedAt: string;
};

export type AiAct = {
  aiSystemId: string;
  version: number;
  prohibitedScreened: boolean;
  prohibitedPractices: ProhibitedPractice[];
  annexIProduct: boolean;
  annexIIICategory: AnnexIIICategory | null;
  derogationReason: string;
  profilesPeople: boolean;
  roles: AiActRole[];
  transparencyTriggers: TransparencyTrigger[];
  publicService: boolean;
  friaImpactAssessmentId: string | null;
  friaImpactAssessment: { id: string; ref: string; title: string; status: string } | null;
  notes: string;
  class: AiActClass;
  fria: FriaState;
  obligations: {
    ref: string;
    title: string;
    because: string;
    iso42001: { ref: string; title: string; relationship: string }[];
  }[];
  warnings: string[];
  updatedAt: string | null;
};

export type CustomerSplit = {
  aiSystemId: string;
  version: number;
  applies: boolean;
  items: { topic: string; ours: string; customers: string }[];
};

const org = (orgId: string) => `/api/orgs/${encodeURIComponent(orgId)}`;
export const dataSetsPath = (orgId: string) => `${org(orgId)}/data-sets`;
export const dataSetPath = (orgId: string, id: string) => `${dataSetsPath(orgId)}/${encodeURIComponent(id)}`;
export const suppliersPath = (orgId: string) => `${org(orgId)}/suppliers`;
export const supplierPath = (orgId: string, id: string) => `${suppliersPath(orgId)}/${encodeURIComponent(id)}`;
export const aiActPath = (orgId: string, aiSystemId: string) =>
  `${org(orgId)}/ai-systems/${encodeURIComponent(aiSystemId)}/ai-act`;
export const customerSplitPath = (orgId: string, aiSystemId: string) =>
  `${org(orgId)}/ai-systems/${encodeURIComponent(aiSystemId)}/customer-responsibilities`;

export const suppliersHref = (orgId: string) => `/orgs/${orgId}/suppliers`;
export const supplierHref = (orgId: string, id: string) => `${suppliersHref(orgId)}/${id}`;

export type SupplierFilters = { q?: string; kind?: SupplyKind; review?: ReviewState; aiSystemId?: string };
export const supplierDownloads = (orgId: string, filters: SupplierFilters) =>
  registerDownloads(`${suppliersPath(orgId)}/export`, qs(filters));
export const dataSetDownloads = (orgId: string, aiSystemId?: string) =>
  registerDownloads(`${dataSetsPath(orgId)}/export`, qs({ aiSystemId }));

export const thirdPartyKey = (orgId: string) => ['third-parties', orgId] as const;

export function useSuppliers(orgId: string, filters: SupplierFilters) {
  return useQuery({
    queryKey: [...thirdPartyKey(orgId), 'suppliers', filters],
    // The register shows no owner: its rows, without the answer's `people`.
    queryFn: async () => (await api.get<Page<Supplier>>(`${suppliersPath(orgId)}${qs(filters)}`)).items,
    placeholderData: (prev) => prev,
  });
}
export function useSupplier(orgId: string, id: string) {
  return useQuery({
    queryKey: [...thirdPartyKey(orgId), 'supplier', id],
    queryFn: () => api.get<Supplier & WithPeople>(supplierPath(orgId, id)),
  });
}
export function useDataSets(orgId: string, aiSystemId?: string) {
  return useQuery({
    queryKey: [...thirdPartyKey(orgId), 'data-sets', aiSystemId ?? null],
    queryFn: () => api.get<Page<DataSet> & WithPeople>(`${dataSetsPath(orgId)}${qs({ aiSystemId })}`),
  });
}
export function useAiAct(orgId: string, aiSystemId: string) {
  return useQuery({
    queryKey: [...thirdPartyKey(orgId), 'ai-act', aiSystemId],
    queryFn: () => api.get<AiAct>(aiActPath(orgId, aiSystemId)),
  });
}
export function useCustomerSplit(orgId: string, aiSystemId: string) {
  return useQuery({
    queryKey: [...thirdPartyKey(orgId), 'split', aiSystemId],
    queryFn: () => api.get<CustomerSplit>(customerSplitPath(orgId, aiSystemId)),
  });
}

/** After any change here: these records, the AI system's history, the audit trail and the task list. */
export async function refreshThirdParties(qc: QueryClient, orgId: string) {
  await Promise.all(
    ['third-parties', 'ai-systems', 'audit-events', 'tasks', 'evidence'].map((k) =>
      qc.invalidateQueries({ queryKey: [k, orgId] }),
    ),
  );
}
