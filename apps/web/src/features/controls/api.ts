import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { ControlStatus, OccurrenceOutcome } from '@fortytwo/domain';
import { api, qs } from '../../api/client';
import type { Page } from '../../api/types';
import type { WithPeople } from '../../api/people';

// The controls register and one control as the server answers them (apps/server/src/modules/controls/read.ts).

export type ControlRow = {
  ref: string;
  title: string;
  kind: 'annex_a' | 'custom';
  group: string;
  included: boolean | null;
  id: string | null;
  status: ControlStatus | null;
  statusSince: string | null;
  /** Who runs it: look them up in the answer's `people` (personOf). */
  ownerId: string | null;
  description: string;
  documents: { id: string; title: string }[];
  dueOn: string | null;
  cadenceMonths: number | null;
  operatingSince: string | null;
  lastPerformed: string | null;
  nextDue: string | null;
  overdue: boolean;
  occurrenceCount: number;
  version: number;
  updatedAt: string | null;
};
/** The evidence library's summary of an attached piece of evidence (server: modules/evidence/links.ts). */
export type EvidenceSummary = {
  id: string;
  number: number;
  reference: string;
  title: string;
  kind: 'file' | 'link';
  fileName: string | null;
  url: string | null;
  expiresOn: string | null;
  expiryState: string;
};
export type Occurrence = {
  id: string;
  performedOn: string;
  performedBy: { id: string | null; name: string };
  outcome: OccurrenceOutcome;
  notes: string;
  createdAt: string;
  evidence: EvidenceSummary[];
};
export type ControlDetail = ControlRow & {
  justification: string;
  evidence: EvidenceSummary[];
  occurrences: Occurrence[];
} & WithPeople;
/** The register's answer: its rows and the owners they name (issue 19). */
export type ControlRegister = Page<ControlRow> & WithPeople;
export type ControlFilters = {
  status?: ControlStatus | 'none';
  ownerId?: string;
  overdue?: 'true';
  kind?: 'annex_a' | 'custom';
};

const org = (orgId: string) => `/api/orgs/${encodeURIComponent(orgId)}`;
export const controlsPath = (orgId: string) => `${org(orgId)}/controls`;
export const controlPath = (orgId: string, ref: string) => `${controlsPath(orgId)}/${encodeURIComponent(ref)}`;
export const controlsHref = (orgId: string) => `/orgs/${orgId}/controls`;
export const controlHref = (orgId: string, ref: string) => `${controlsHref(orgId)}/${encodeURIComponent(ref)}`;

export const controlsKey = (orgId: string) => ['controls', orgId] as const;

export function useControls(orgId: string, filters: ControlFilters) {
  return useQuery({
    queryKey: [...controlsKey(orgId), 'list', filters],
    queryFn: () => api.get<ControlRegister>(`${controlsPath(orgId)}${qs(filters)}`),
  });
}

export function useControl(orgId: string, ref: string) {
  return useQuery({
    queryKey: [...controlsKey(orgId), 'one', ref],
    queryFn: () => api.get<ControlDetail>(controlPath(orgId, ref)),
  });
}

export type DocumentChoice = { id: string; title: string; code: string };
export function useDocumentChoices(orgId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['documents', orgId, 'choices'],
    queryFn: async () => (await api.get<Page<DocumentChoice>>(`${org(orgId)}/documents`)).items,
    enabled,
  });
}

/** After a change: the register, the control, the SoA (its status reads from here), the audit trail. */
export async function refreshControls(qc: QueryClient, orgId: string) {
  await Promise.all([
    qc.invalidateQueries({ queryKey: controlsKey(orgId) }),
    qc.invalidateQueries({ queryKey: ['soa', orgId] }),
    qc.invalidateQueries({ queryKey: ['audit-events', orgId] }),
  ]);
}
