import { useQuery, type QueryClient } from '@tanstack/react-query';
import type {
  AssignmentStatus,
  CompletionEvidenceKind,
  CompletionResult,
  DevelopmentActionKind,
  MatrixState,
  PersonKind,
  Role,
} from '@fortytwo/domain';
import { api, qs } from '../../api/client';
import type { Page } from '../../api/types';

// Competence, training and awareness as the server answers them (apps/server/src/modules/competence/schema.ts).

export type Ref = { id: string; name: string };
export type Competence = {
  id: string;
  name: string;
  description: string;
  aiRoles: string[];
  raciActivities: Ref[];
  givenBy: { id: string; title: string }[];
  version: number;
};
export type Person = {
  id: string;
  userId: string | null;
  member: boolean;
  memberRole: Role | null;
  name: string;
  email: string;
  organization: string;
  kind: PersonKind;
  aiRoles: string[];
  raciResponsibilities: { id: string; name: string; letter: 'R' | 'A' }[];
  active: boolean;
  version: number;
};
export type DevelopmentAction = {
  id: string;
  title: string;
  kind: DevelopmentActionKind;
  description: string;
  provider: string;
  competences: Ref[];
  validityMonths: number | null;
  openAssignments: number;
  version: number;
};
export type Certificate = {
  id: string;
  reference: string;
  title: string;
  kind: 'file' | 'link';
  fileName: string | null;
  url: string | null;
  expiresOn: string | null;
  expiryState: string;
};
export type Completion = {
  id: string;
  completedOn: string;
  result: CompletionResult;
  evidenceKind: CompletionEvidenceKind;
  attestation: string;
  expiresOn: string | null;
  recordedAt: string;
  recordedBy: { id: string | null; name: string };
  evidence: Certificate[];
};
export type Assignment = {
  id: string;
  person: { id: string; name: string; userId: string | null };
  action: { id: string; title: string; kind: DevelopmentActionKind };
  dueOn: string | null;
  status: AssignmentStatus;
  overdue: boolean;
  assignedAt: string;
  assignedBy: { id: string | null; name: string };
  completions: Completion[];
  version: number;
};
export type Awareness = {
  state: 'acknowledged' | 'pending' | 'no_account' | 'no_policy';
  at: string | null;
  versionLabel: string | null;
};
export type MatrixCell = {
  competenceId: string;
  required: boolean;
  because: string[];
  state: MatrixState;
  expiresOn: string | null;
  completionId: string | null;
};
export type Matrix = {
  today: string;
  policy: { documentId: string; title: string; versionLabel: string } | null;
  competences: Ref[];
  rows: {
    person: { id: string; name: string; kind: PersonKind; member: boolean };
    cells: MatrixCell[];
    summary: { required: number; met: number; expiring: number; expired: number; gap: number };
    awareness: Awareness;
  }[];
};
export type PersonDetail = Person & {
  assignments: Assignment[];
  matrix: (MatrixCell & { competence: string })[];
  awareness: Awareness;
};
export type RaciActivity = { id: string; name: string };

export const orgApi = (orgId: string) => `/api/orgs/${encodeURIComponent(orgId)}`;
export const paths = {
  competences: (orgId: string) => `${orgApi(orgId)}/competences`,
  people: (orgId: string) => `${orgApi(orgId)}/people`,
  actions: (orgId: string) => `${orgApi(orgId)}/development-actions`,
  assignments: (orgId: string) => `${orgApi(orgId)}/training-assignments`,
  matrix: (orgId: string) => `${orgApi(orgId)}/competence-matrix`,
};
export const hrefs = {
  matrix: (orgId: string) => `/orgs/${orgId}/competence-matrix`,
  people: (orgId: string) => `/orgs/${orgId}/people`,
  person: (orgId: string, id: string) => `/orgs/${orgId}/people/${id}`,
  competences: (orgId: string) => `/orgs/${orgId}/competences`,
  trainings: (orgId: string) => `/orgs/${orgId}/trainings`,
};

const key = (orgId: string) => ['competence', orgId] as const;
const items = async <T>(path: string) => (await api.get<Page<T>>(path)).items;

export const useCompetences = (orgId: string) =>
  useQuery({ queryKey: [...key(orgId), 'competences'], queryFn: () => items<Competence>(paths.competences(orgId)) });
export const usePeople = (orgId: string) =>
  useQuery({ queryKey: [...key(orgId), 'people'], queryFn: () => items<Person>(paths.people(orgId)) });
export const usePerson = (orgId: string, id: string) =>
  useQuery({
    queryKey: [...key(orgId), 'person', id],
    queryFn: () => api.get<PersonDetail>(`${paths.people(orgId)}/${encodeURIComponent(id)}`),
  });
export const useDevelopmentActions = (orgId: string) =>
  useQuery({ queryKey: [...key(orgId), 'actions'], queryFn: () => items<DevelopmentAction>(paths.actions(orgId)) });
export const useAssignments = (orgId: string, status?: AssignmentStatus) =>
  useQuery({
    queryKey: [...key(orgId), 'assignments', status ?? null],
    queryFn: () => items<Assignment>(`${paths.assignments(orgId)}${qs({ status })}`),
  });
export const useMatrix = (orgId: string) =>
  useQuery({ queryKey: [...key(orgId), 'matrix'], queryFn: () => api.get<Matrix>(paths.matrix(orgId)) });
export const useRaciActivities = (orgId: string) =>
  useQuery({
    queryKey: ['raci', orgId, 'competence-picker'],
    queryFn: () => items<RaciActivity>(`${orgApi(orgId)}/raci`),
  });

/** After any change: every competence view, the audit trail and the task lists. */
export async function refreshCompetence(qc: QueryClient, orgId: string) {
  await Promise.all([
    qc.invalidateQueries({ queryKey: key(orgId) }),
    qc.invalidateQueries({ queryKey: ['audit-events', orgId] }),
    qc.invalidateQueries({ queryKey: ['evidence', orgId] }),
  ]);
}
