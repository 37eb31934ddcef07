// Competence (7.2, 7.3): the competences, people, development actions and training.

export type CompetenceTable = {
  id: string;
  orgId: string;
  name: string;
  description: string;
  aiRoles: string;
  raciActivityIds: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: string | null;
};
export type PersonTable = {
  orgId: string;
  id: string;
  userId: string | null;
  name: string;
  email: string;
  organization: string;
  kind: string;
  aiRoles: string;
  active: number;
  version: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: string | null;
};
export type DevelopmentActionTable = {
  id: string;
  orgId: string;
  title: string;
  kind: string;
  description: string;
  provider: string;
  competenceIds: string;
  validityMonths: number | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: string | null;
};
export type TrainingAssignmentTable = {
  id: string;
  orgId: string;
  personId: string;
  actionId: string;
  dueOn: string | null;
  status: string;
  assignedAt: string;
  assignedBy: string | null;
  assignedByName: string;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
};
export type TrainingCompletionTable = {
  id: string;
  orgId: string;
  assignmentId: string;
  personId: string;
  actionId: string;
  completedOn: string;
  result: string;
  evidenceKind: string;
  attestation: string;
  expiresOn: string | null;
  recordedAt: string;
  recordedBy: string | null;
  recordedByName: string;
};
