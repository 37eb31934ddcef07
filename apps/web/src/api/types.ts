// Shapes of the API answers the web app reads (see apps/server/src/modules/*/routes.ts).
import type { AiRole, AiSystemStatus, LifecycleStage, RiskTier, Role } from '@fortytwo/domain';
import type { DocumentationKind, ItemKind, PdcaPhase, Pillar, Relationship } from '@fortytwo/catalog/browser';
import type { WithPeople } from './people';

export type Page<T> = { items: T[]; nextCursor: string | null };
export type User = { id: string; email: string; name: string };
export type Organization = { id: string; name: string; createdAt: string; version: number };
export type OrganizationWithRole = Organization & { myRole: Role };
export type Membership = { organization: Organization; role: Role; expiresAt: string | null };
export type Me = { user: User; memberships: Membership[]; csrfToken: string | null };

export type Member = {
  user: User;
  role: Role;
  expiresAt: string | null;
  expired: boolean;
  joinedAt: string;
  version: number;
  /** Inside the organization, or working for it from outside (consultant, contractor) (5.3). */
  affiliation: 'internal' | 'external';
  /** Named as top management: approvals that must come from top management check it. */
  topManagement: boolean;
};
export type InvitationStatus = 'pending' | 'accepted' | 'revoked' | 'expired';
export type Invitation = {
  id: string;
  email: string;
  role: Role;
  accessExpiresAt: string | null;
  createdAt: string;
  expiresAt: string;
  status: InvitationStatus;
};
export type InvitationPreview = {
  organization: { id: string; name: string };
  email: string;
  role: Role;
  accessExpiresAt: string | null;
  accountExists: boolean;
};

export type AiSystem = {
  id: string;
  name: string;
  description: string;
  intendedPurpose: string;
  aiRoles: AiRole[];
  lifecycleStage: LifecycleStage;
  /** The owner: look them up in the answer's `people` (personOf). */
  ownerId: string | null;
  jurisdictions: string[];
  thirdParties: string[];
  riskTier: RiskTier;
  status: AiSystemStatus;
  tags: string[];
  version: number;
  createdAt: string;
  updatedAt: string;
};
/** Each page names the owners of its own rows in `people`. */
export type AiSystemPage = Page<AiSystem> & { total: number } & WithPeople;
/** One AI system's answer (read, created, changed): the system and its owner in `people`. */
export type AiSystemRecord = AiSystem & WithPeople;

export type AuditEvent = {
  id: string;
  seq: number;
  at: string;
  actor: { id: string | null; name: string };
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  hash: string;
  prevHash: string;
};
export type ChainVerification = { ok: boolean; checked: number; firstBrokenId: string | null };

/** One of the signed-in person's sessions (GET /api/auth/sessions). */
export type MySession = {
  id: string;
  current: boolean;
  device: string;
  userAgent: string | null;
  ip: string | null;
  via: 'password' | 'sso' | 'setup' | null;
  signedInAt: string;
  lastUsedAt: string;
  expiresAt: string;
};

export type ApiToken = {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  scope: 'full' | 'measurements' | 'releases';
};

// The catalogue (apps/server/src/modules/catalog/schema.ts): an organization's view adds its
// imported frameworks and its custom controls to what Fortytwo ships.
export type FrameworkOrigin = 'builtin' | 'imported' | 'custom';
export type Guidance = { asks: string; auditorLooksFor: string; evidence: string[] };
export type CatalogItem = {
  ref: string;
  kind: ItemKind;
  title: string;
  parentRef: string | null;
  assessable: boolean;
  summary: string | null;
  guidance: Guidance | null;
  documentation: DocumentationKind;
  documentationNote: string | null;
  relatedControls: string[];
  pillars: Pillar[];
  pdca: PdcaPhase | null;
};
export type FrameworkSummary = {
  id: string;
  name: string;
  version: string;
  publisher: string | null;
  description: string | null;
  url: string | null;
  origin: FrameworkOrigin;
  itemCount: number;
  assessableCount: number;
};
export type RequiredDocument = {
  id: string;
  title: string;
  wording: Exclude<DocumentationKind, 'none'>;
  description: string;
  clauses: string[];
  controls: string[];
};
export type ReferenceList = {
  id: string;
  title: string;
  description: string | null;
  entries: { ref: string; title: string; description: string }[];
};
export type FrameworkDetail = FrameworkSummary & {
  items: CatalogItem[];
  documents: RequiredDocument[];
  referenceLists: ReferenceList[];
};
export type ItemLink = {
  crosswalkId: string;
  direction: 'outgoing' | 'incoming';
  frameworkId: string;
  frameworkName: string;
  ref: string;
  title: string;
  relationship: Relationship;
  rationale: string;
};
export type CatalogItemDetail = CatalogItem & {
  frameworkId: string;
  frameworkName: string;
  ancestors: { ref: string; title: string; kind: string }[];
  children: { ref: string; title: string; kind: string; assessable: boolean }[];
  related: { ref: string; title: string }[];
  documents: RequiredDocument[];
  links: ItemLink[];
};
export type SearchHit = {
  frameworkId: string;
  ref: string;
  title: string;
  kind: string;
  assessable: boolean;
  snippet: string;
};

export type CustomControl = {
  id: string;
  ref: string;
  title: string;
  description: string;
  guidance: Guidance | null;
  relatedRefs: string[];
  pillars: Pillar[];
  version: number;
  createdAt: string;
  updatedAt: string;
};
export type CatalogImport = {
  id: string;
  kind: 'framework' | 'crosswalk';
  key: string;
  name: string;
  fileName: string | null;
  size: number;
  createdAt: string;
};
/** One problem of a rejected import file (422 IMPORT_REJECTED, `details.issues`). */
export type ImportIssue = { path: string; line: number | null; message: string };
