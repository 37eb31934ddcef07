import { useQueries, useQuery } from '@tanstack/react-query';
import type { GapResult, GapStatus } from '@fortytwo/domain';
import { api, ApiError, qs } from '../../api/client';
import type { AiSystemPage, Page } from '../../api/types';
import type { WithPeople } from '../../api/people';
import { inventoryKey } from '../inventory/api';
import type { Action } from '../tasks/api';

// Shapes of the gap analysis API (apps/server/src/modules/gap/schema.ts, routes.ts, export-routes.ts).

export type GapFile = { id: string; name: string; size: number; mediaType: string; createdAt: string };
export type GapItem = {
  id: string;
  ref: string;
  title: string;
  kind: string;
  /** The clause ("6") or Annex A group ("A.6"). */
  section: string;
  /** The requirement asks for documented information. */
  documentation: boolean;
  status: GapStatus;
  result: GapResult | null;
  maturity: number | null;
  justification: string;
  notes: string;
  /** Who closes the gap: look them up in the answer's `people` (personOf). */
  ownerId: string | null;
  targetDate: string | null;
  evidenceLinks: string[];
  aiSystemIds: string[];
  files: GapFile[];
  version: number;
  updatedAt: string;
};

export type AssessmentKind = 'working' | 'snapshot';
export type GapAssessmentSummary = {
  id: string;
  name: string;
  kind: AssessmentKind;
  sourceId: string | null;
  frozenAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  overall: number | null;
  answered: number;
  total: number;
};
export type GapAssessment = GapAssessmentSummary & { items: GapItem[] } & WithPeople;

type ScoreMap = Record<string, number | null>;
export type Scores = {
  overall: number | null;
  clauses: number | null;
  annexA: number | null;
  byClause: ScoreMap;
  byGroup: ScoreMap;
  maturity: {
    overall: number | null;
    clauses: number | null;
    annexA: number | null;
    byClause: ScoreMap;
    byGroup: ScoreMap;
  };
  counts: {
    total: number;
    applicable: number;
    answered: number;
    conformant: number;
    partiallyConformant: number;
    nonconformant: number;
    notApplicable: number;
    unanswered: number;
  };
  documentationGaps: number;
};

/** A gap and its actions, each naming its owner by `ownerId` (look them up in the answer's `people`). */
export type Gap = GapItem & { actions: Omit<Action, 'owner'>[] };
export type ProgressPoint = {
  id: string;
  name: string;
  kind: AssessmentKind;
  date: string;
  overall: number | null;
  clauses: number | null;
  annexA: number | null;
};

export type Change = 'improved' | 'regressed' | 'unchanged' | 'changed';
export type Delta = { before: number | null; after: number | null; delta: number | null };
export type Comparison = {
  before: { id: string; name: string; date: string };
  after: { id: string; name: string; date: string };
  counts: Record<Change, number>;
  scores: {
    overall: Delta;
    clauses: Delta;
    annexA: Delta;
    byClause: Record<string, Delta>;
    byGroup: Record<string, Delta>;
  };
  items: {
    ref: string;
    title: string;
    section: string;
    before: GapResult | null;
    after: GapResult | null;
    change: Change;
  }[];
};

export type ImportSummary = { updated: number; unchanged: number; items: string[] };
/** One problem of a rejected workbook (422 IMPORT_REJECTED, `details.issues`). */
export type WorkbookIssue = { row: number; ref: string | null; column: string; cell: string; message: string };

/** Everything under this key is about one organization's gap analysis. */
export const gapKey = (orgId: string) => ['gap', orgId] as const;
export const assessmentsKey = (orgId: string) => [...gapKey(orgId), 'list'] as const;
/** The assessment with its items: what the questionnaire edits (kept out of the refresh after each answer). */
export const assessmentKey = (orgId: string, id: string) => [...gapKey(orgId), 'one', id] as const;

const base = (orgId: string) => `/api/orgs/${encodeURIComponent(orgId)}/gap-assessments`;
export const assessmentsPath = base;
export const assessmentPath = (orgId: string, id: string) => `${base(orgId)}/${encodeURIComponent(id)}`;
export const itemPath = (orgId: string, id: string, ref: string) =>
  `${assessmentPath(orgId, id)}/items/${encodeURIComponent(ref)}`;
export const itemFilesPath = (orgId: string, id: string, ref: string) => `${itemPath(orgId, id, ref)}/files`;
export const itemFileHref = (orgId: string, id: string, ref: string, fileId: string) =>
  `${itemFilesPath(orgId, id, ref)}/${encodeURIComponent(fileId)}`;

export const EXPORTS = ['xlsx', 'csv', 'docx', 'pdf'] as const;
export type ExportFormat = (typeof EXPORTS)[number];
export const exportHref = (orgId: string, id: string, format: ExportFormat) =>
  `${assessmentPath(orgId, id)}/${format === 'xlsx' || format === 'csv' ? `export.${format}` : `report.${format}`}`;
export const importPath = (orgId: string, id: string) => `${assessmentPath(orgId, id)}/import`;

// Web addresses: every assessment and every requirement in it is a link to share.
export const gapHref = (orgId: string, id?: string, ref?: string) =>
  `/orgs/${orgId}/gap-analysis${id ? `/${encodeURIComponent(id)}` : ''}${ref ? `/${encodeURIComponent(ref)}` : ''}`;
export const gapListHref = (orgId: string, id: string) => `${gapHref(orgId, id)}/gaps`;
export const compareHref = (orgId: string, id: string, withId?: string) =>
  `${gapHref(orgId, id)}/compare${qs({ with: withId })}`;

export function useAssessments(orgId: string) {
  return useQuery({
    queryKey: assessmentsKey(orgId),
    queryFn: async () => (await api.get<Page<GapAssessmentSummary>>(base(orgId))).items,
  });
}

export function useAssessment(orgId: string, id: string) {
  return useQuery({
    queryKey: assessmentKey(orgId, id),
    queryFn: () => api.get<GapAssessment>(assessmentPath(orgId, id)),
  });
}

export function useScores(orgId: string, id: string | undefined) {
  return useQuery({
    queryKey: [...gapKey(orgId), 'scores', id],
    queryFn: () => api.get<Scores>(`${assessmentPath(orgId, id!)}/scores`),
    enabled: !!id,
  });
}

export function useGaps(orgId: string, id: string) {
  return useQuery({
    queryKey: [...gapKey(orgId), 'gaps', id],
    queryFn: () => api.get<Page<Gap> & WithPeople>(`${assessmentPath(orgId, id)}/gaps`),
  });
}

export function useProgress(orgId: string) {
  return useQuery({
    queryKey: [...gapKey(orgId), 'progress'],
    queryFn: async () => (await api.get<Page<ProgressPoint>>(`${base(orgId)}/progress`)).items,
  });
}

export function useComparison(orgId: string, id: string, withId: string | null) {
  return useQuery({
    queryKey: [...gapKey(orgId), 'compare', id, withId],
    queryFn: () => api.get<Comparison>(`${assessmentPath(orgId, id)}/compare${qs({ with: withId })}`),
    enabled: !!withId,
  });
}

/** The AI systems an answer can link to (the first 500 by name: more than any inventory we have seen). */
export function useAiSystemOptions(orgId: string) {
  return useQuery({
    queryKey: [...inventoryKey(orgId), 'gap-options'],
    queryFn: async () =>
      (
        await api.get<AiSystemPage>(
          `/api/orgs/${encodeURIComponent(orgId)}/ai-systems${qs({ limit: 500, sort: 'name', order: 'asc' })}`,
        )
      ).items,
    staleTime: 60_000,
  });
}

/**
 * Where the gap behind an action lives: actions name their requirement by item id, and the item's
 * assessment is found through the organization's working assessments (actions come only from those).
 * Answers a map from item id to assessment id, for every organization asked.
 */
export function useGapItemIndex(orgIds: string[]) {
  return useQueries({
    queries: orgIds.map((orgId) => ({
      queryKey: [...gapKey(orgId), 'item-index'],
      queryFn: async () => {
        const list = (await api.get<Page<GapAssessmentSummary>>(base(orgId))).items.filter((a) => a.kind === 'working');
        const full = await Promise.all(list.map((a) => api.get<GapAssessment>(assessmentPath(orgId, a.id))));
        return Object.fromEntries(full.flatMap((a) => a.items.map((i) => [i.id, a.id])));
      },
      staleTime: 60_000,
    })),
    combine: (results) => Object.assign({}, ...results.map((r) => r.data ?? {})) as Record<string, string>,
  });
}

/** The working assessment people mean by "the current one": the most recently changed. */
export const currentWorking = (list: GapAssessmentSummary[]) =>
  list.filter((a) => a.kind === 'working').sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];

/**
 * A file upload (multipart/form-data, field "file") with the CSRF header. The JSON client sends
 * JSON only; errors come back as the same ApiError, so callers read `details` the same way.
 */
export async function upload<T>(path: string, file: File, csrfToken: string | null | undefined): Promise<T> {
  const body = new FormData();
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
