import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { SoaItem, SoaWarning } from '@fortytwo/domain';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import type { Download, DownloadFormat } from '../../ui/DownloadMenu';
import type { Acknowledgement } from '../../ui/ApprovalDialog';
import { SOA_TEXT as T } from './text';

// The Statement of Applicability as the server answers it (apps/server/src/modules/soa/service.ts).

export type SoaCounts = { total: number; included: number; excluded: number; undecided: number };
export type SoaApproval = {
  version: number;
  approvedAt: string;
  approvedBy: { id: string | null; name: string };
  acknowledgement?: Acknowledgement;
};
export type Soa = {
  version: number;
  status: 'draft' | 'approved';
  approved: SoaApproval | null;
  items: SoaItem[];
  warnings: SoaWarning[];
  counts: SoaCounts;
};
export type SoaVersionSummary = SoaApproval & { counts: SoaCounts };
export type SoaVersion = SoaVersionSummary & { items: SoaItem[] };
export type { SoaItem, SoaWarning };

export const soaKey = (orgId: string) => ['soa', orgId] as const;
const versionsKey = (orgId: string) => [...soaKey(orgId), 'versions'] as const;

const org = (orgId: string) => `/api/orgs/${encodeURIComponent(orgId)}`;
export const soaPath = (orgId: string) => `${org(orgId)}/soa`;
export const soaItemPath = (orgId: string, ref: string) => `${soaPath(orgId)}/items/${encodeURIComponent(ref)}`;
export const approveSoaPath = (orgId: string) => `${soaPath(orgId)}/approve`;

// Web addresses.
export const soaHref = (orgId: string) => `/orgs/${orgId}/soa`;
export const soaVersionHref = (orgId: string, version: number) => `${soaHref(orgId)}/versions/${version}`;
export const riskHref = (orgId: string, riskId: string) => `/orgs/${orgId}/risks/${riskId}`;

const FORMATS: DownloadFormat[] = ['xlsx', 'csv', 'docx', 'pdf'];
/** The four files of the SoA as it stands, or of one approved version. */
export const soaDownloads = (orgId: string, version?: number): Download[] =>
  FORMATS.map((format) => ({
    format,
    href: `${soaPath(orgId)}/export.${format}${version ? `?version=${version}` : ''}`,
    label: T.exports[format],
  }));

export function useSoa(orgId: string) {
  return useQuery({ queryKey: soaKey(orgId), queryFn: () => api.get<Soa>(soaPath(orgId)) });
}

export function useSoaVersions(orgId: string) {
  return useQuery({
    queryKey: versionsKey(orgId),
    queryFn: async () => (await api.get<Page<SoaVersionSummary>>(`${soaPath(orgId)}/versions`)).items,
  });
}

export function useSoaVersion(orgId: string, version: number) {
  return useQuery({
    queryKey: [...versionsKey(orgId), version],
    queryFn: () => api.get<SoaVersion>(`${soaPath(orgId)}/versions/${version}`),
    enabled: version > 0,
    staleTime: Infinity,
  });
}

/** After a decision or an approval: the SoA, its versions, and the audit trail. */
export async function refreshSoa(qc: QueryClient, orgId: string) {
  await Promise.all([
    qc.invalidateQueries({ queryKey: soaKey(orgId) }),
    qc.invalidateQueries({ queryKey: ['audit-events', orgId] }),
  ]);
}
