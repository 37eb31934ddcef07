import { useQuery } from '@tanstack/react-query';
import type { EvidenceSubjectType, ExpiryState } from '@fortytwo/domain';
import { api, ApiError, qs } from '../../api/client';
import type { WithPeople } from '../../api/people';

// Shapes of the evidence library API (apps/server/src/modules/evidence/schema.ts, routes.ts).

export type EvidenceSummary = {
  id: string;
  number: number;
  reference: string;
  title: string;
  kind: 'file' | 'link';
  fileName: string | null;
  url: string | null;
  expiresOn: string | null;
  expiryState: ExpiryState;
};
export type EvidenceFile = { name: string; size: number; mediaType: string; sha256: string };
export type Evidence = {
  id: string;
  number: number;
  reference: string;
  title: string;
  description: string;
  kind: 'file' | 'link';
  file: EvidenceFile | null;
  url: string | null;
  /** Who keeps it current: look them up in the answer's `people` (personOf). */
  ownerId: string | null;
  effectiveOn: string | null;
  expiresOn: string | null;
  expiryState: ExpiryState;
  revision: number;
  linkCount: number;
  collectedBy: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
};
export type EvidenceRevision = {
  id: string;
  revision: number;
  kind: 'file' | 'link';
  file: EvidenceFile | null;
  url: string | null;
  note: string;
  createdAt: string;
  createdBy: string | null;
};
export type EvidenceLink = {
  subjectType: EvidenceSubjectType;
  subjectId: string;
  label: string;
  linkedAt: string;
  linkedBy: string | null;
};
export type CrosswalkItem = {
  frameworkId: string;
  frameworkName: string;
  ref: string;
  title: string;
  relationship: string;
  via: string;
};
export type EvidenceDetail = Evidence & {
  revisions: EvidenceRevision[];
  links: EvidenceLink[];
  crosswalk: CrosswalkItem[];
} & WithPeople;
/** The register's answer: its rows and the owners they name. */
export type EvidenceRegister = { items: Evidence[] } & WithPeople;
export type EvidenceFilter = { ownerId?: string; expiry?: ExpiryState; subjectType?: EvidenceSubjectType; q?: string };

export const evidenceBase = (orgId: string) => `/api/orgs/${orgId}/evidence`;
export const evidencePath = (orgId: string, id: string) => `${evidenceBase(orgId)}/${id}`;
export const evidenceFileHref = (orgId: string, id: string, revision?: number) =>
  `${evidencePath(orgId, id)}/file${qs({ revision })}`;
export const evidenceKey = (orgId: string) => ['evidence', orgId] as const;
export const subjectEvidenceKey = (orgId: string, subjectType: string, subjectId: string) =>
  ['evidence', orgId, 'subject', subjectType, subjectId] as const;

const evidenceListQuery = (orgId: string, filter: EvidenceFilter) => ({
  queryKey: [...evidenceKey(orgId), 'list', filter],
  queryFn: () => api.get<EvidenceRegister>(`${evidenceBase(orgId)}${qs(filter)}`),
  // The register's search box stays on screen while the next answer loads.
  placeholderData: (prev: EvidenceRegister | undefined) => prev,
});

/** The register's rows (pickers and lists that show no owner). */
export function useEvidenceList(orgId: string, filter: EvidenceFilter = {}, enabled = true) {
  return useQuery({ ...evidenceListQuery(orgId, filter), enabled, select: (p: EvidenceRegister) => p.items });
}

/** The register with the owners its rows name (`people`). */
export function useEvidenceRegister(orgId: string, filter: EvidenceFilter = {}) {
  return useQuery(evidenceListQuery(orgId, filter));
}

export function useEvidenceDetail(orgId: string, id: string) {
  return useQuery({
    queryKey: [...evidenceKey(orgId), 'detail', id],
    queryFn: () => api.get<EvidenceDetail>(evidencePath(orgId, id)),
  });
}

export function useSubjectEvidence(orgId: string, subjectType: EvidenceSubjectType, subjectId: string) {
  return useQuery({
    queryKey: subjectEvidenceKey(orgId, subjectType, subjectId),
    queryFn: () =>
      api
        .get<{ items: EvidenceSummary[] }>(`/api/orgs/${orgId}/evidence-links${qs({ subjectType, subjectId })}`)
        .then((p) => p.items),
  });
}

/** POSTs a multipart form (a file and text fields) with the CSRF header; errors as ApiError. */
export async function postForm<T>(
  path: string,
  file: File,
  fields: Record<string, string | null | undefined>,
  csrfToken: string | null | undefined,
): Promise<T> {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined && v !== null && v !== '') body.append(k, v);
  body.append('file', file, file.name);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, { method: 'POST', headers, credentials: 'same-origin', body });
  } catch {
    throw new ApiError(0, 'NETWORK', 'The server cannot be reached. Check that Fortytwo is running and try again.');
  }
  const text = await res.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
    throw new ApiError(
      res.status,
      err?.code ?? `HTTP_${res.status}`,
      err?.message ?? `The server answered ${res.status} ${res.statusText}.`,
      err?.details,
    );
  }
  return data as T;
}
