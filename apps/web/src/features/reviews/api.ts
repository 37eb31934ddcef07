import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { InputCheck, ReviewInput, ReviewStatus } from '@fortytwo/domain';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import type { People } from '../../api/people';
import type { Download } from '../../ui/DownloadMenu';

export type ReviewPerson = { id: string; name: string; email: string; topManagement: boolean };
export type ReviewAction = {
  id: string;
  title: string;
  /** Look them up in the review's `people` (personOf). */
  ownerId: string | null;
  dueDate: string | null;
  status: string;
};
export type Review = {
  id: string;
  ref: string;
  title: string;
  meetingDate: string;
  status: ReviewStatus;
  chairId: string | null;
  chair: ReviewPerson | null;
  attendees: ReviewPerson[];
  pack: ReviewInput[];
  packFrozen: boolean;
  packSince: string | null;
  inputs: InputCheck[];
  warnings: string[];
  improvementDecisions: string;
  changeDecisions: string;
  resourceNeeds: string;
  conclusion: string;
  notes: string;
  heldAt: string | null;
  signedOffAt: string | null;
  signedOffBy: { id: string | null; name: string } | null;
  /** Signed off: the record (document of type management-review-minutes) that keeps the minutes. */
  minutesDocumentId: string | null;
  actions: ReviewAction[];
  /** The owners of its actions, once each (issue 19). */
  people: People;
  version: number;
};
export type ReviewSummary = Pick<
  Review,
  'id' | 'ref' | 'title' | 'meetingDate' | 'status' | 'chair' | 'heldAt' | 'signedOffAt' | 'version'
> & { attendeeCount: number; missingInputs: number | null };

const org = (orgId: string) => `/api/orgs/${encodeURIComponent(orgId)}`;
export const reviewsPath = (orgId: string) => `${org(orgId)}/management-reviews`;
export const reviewPath = (orgId: string, id: string) => `${reviewsPath(orgId)}/${encodeURIComponent(id)}`;
export const reviewsKey = (orgId: string) => ['management-reviews', orgId] as const;
export const reviewsHref = (orgId: string) => `/orgs/${orgId}/management-reviews`;
export const reviewHref = (orgId: string, id: string) => `${reviewsHref(orgId)}/${id}`;
export const minutesDownloads = (orgId: string, id: string): Download[] => [
  { format: 'pdf', href: `${reviewPath(orgId, id)}/minutes.pdf`, label: 'Minutes as PDF (.pdf)' },
  { format: 'docx', href: `${reviewPath(orgId, id)}/minutes.docx`, label: 'Minutes as Word (.docx)' },
];

export function useReviews(orgId: string) {
  return useQuery({
    queryKey: [...reviewsKey(orgId), 'list'],
    queryFn: async () => (await api.get<Page<ReviewSummary>>(reviewsPath(orgId))).items,
  });
}
export function useReview(orgId: string, id: string) {
  return useQuery({
    queryKey: [...reviewsKey(orgId), 'one', id],
    queryFn: () => api.get<Review>(reviewPath(orgId, id)),
  });
}

export async function refreshReviews(qc: QueryClient, orgId: string) {
  await Promise.all(
    ['management-reviews', 'audit-events', 'actions'].map((k) => qc.invalidateQueries({ queryKey: [k, orgId] })),
  );
  await qc.invalidateQueries({ queryKey: ['tasks'] });
}
