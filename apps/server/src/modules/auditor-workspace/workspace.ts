import { z } from 'zod';
import type { Db } from '../../platform/db/connect';
import { notFound } from '../../platform/errors';
import type { Deps } from '../../platform/transaction';
import { listDocuments, readDocument, readVersion, ZVersionDetail } from '../documents/read';
import { listEvidence, findEvidence } from '../evidence/read';
import { ZEvidenceOut } from '../evidence/schema';
import { soaVersion, soaVersions } from '../soa/service';
import { listRequests, ZRequestOut } from './requests';
import { sharedEvidenceIds } from './shares';

// What an external auditor sees: documents in force (published), the latest approved Statement of
// Applicability, and the evidence the organization shared, read-only. Anything else, drafts and
// unshared evidence included, is "not found" here, exactly as a record of another organization.

export const ZWorkspaceDocument = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  typeTitle: z.string(),
  versionLabel: z.string().describe('the published version'),
  publishedAt: z.string().nullable(),
});
export const ZWorkspaceEvidence = ZEvidenceOut.pick({
  id: true,
  reference: true,
  title: true,
  description: true,
  kind: true,
  file: true,
  url: true,
  effectiveOn: true,
  expiresOn: true,
  expiryState: true,
  revision: true,
});
export const ZWorkspaceOut = z.object({
  organization: z.object({ id: z.string(), name: z.string() }),
  accessExpiresAt: z.string().nullable().describe("the end of the reader's time box (external auditors)"),
  documents: z.array(ZWorkspaceDocument),
  soa: z
    .object({ version: z.number(), approvedAt: z.string() })
    .nullable()
    .describe('the latest approved Statement of Applicability; null before the first approval'),
  evidence: z.array(ZWorkspaceEvidence),
  requests: z.array(ZRequestOut),
});

const pickEvidence = (e: z.infer<typeof ZEvidenceOut>): z.infer<typeof ZWorkspaceEvidence> => ({
  id: e.id,
  reference: e.reference,
  title: e.title,
  description: e.description,
  kind: e.kind,
  file: e.file,
  url: e.url,
  effectiveOn: e.effectiveOn,
  expiresOn: e.expiresOn,
  expiryState: e.expiryState,
  revision: e.revision,
});

async function latestSoa(deps: Deps, orgId: string) {
  const [latest] = await soaVersions(deps, orgId);
  return latest && latest.approvedAt ? { version: latest.version, approvedAt: latest.approvedAt } : null;
}

export async function workspaceOf(deps: Deps, orgId: string, accessExpiresAt: string | null) {
  const [org, docs, soa, shared, evidence, requests] = await Promise.all([
    deps.db.selectFrom('organizations').select(['id', 'name']).where('id', '=', orgId).executeTakeFirstOrThrow(),
    listDocuments(deps.db, orgId),
    latestSoa(deps, orgId),
    sharedEvidenceIds(deps.db, orgId),
    listEvidence(deps.db, orgId),
    listRequests(deps.db, orgId),
  ]);
  return {
    organization: org,
    accessExpiresAt,
    documents: docs
      .filter((d) => d.inForce)
      .map((d) => ({
        id: d.id,
        code: d.code,
        title: d.title,
        typeTitle: d.typeTitle,
        versionLabel: d.inForce!.label,
        publishedAt: d.inForce!.publishedAt,
      })),
    soa,
    evidence: evidence.filter((e) => shared.has(e.id)).map(pickEvidence),
    requests,
  };
}

export const ZWorkspaceDocumentDetail = ZWorkspaceDocument.extend({
  versionId: z.string(),
  approvedAt: z.string().nullable(),
  content: ZVersionDetail.shape.content,
});

/** The version in force of a published document; a document never published is not found. */
export async function publishedDocument(db: Db, orgId: string, id: string) {
  const d = await readDocument(db, orgId, id).catch(() => null);
  if (!d?.inForce) throw notFound('Document');
  const v = await readVersion(db, orgId, id, d.inForce.id);
  return {
    id: d.id,
    code: d.code,
    title: d.title,
    typeTitle: d.typeTitle,
    versionLabel: d.inForce.label,
    publishedAt: d.inForce.publishedAt,
    versionId: d.inForce.id,
    approvedAt: d.inForce.approvedAt,
    content: v.content,
  };
}

export async function approvedSoa(deps: Deps, orgId: string) {
  const latest = await latestSoa(deps, orgId);
  if (!latest) throw notFound('Approved Statement of Applicability');
  return soaVersion(deps, orgId, latest.version);
}

/** Shared evidence; unshared is not found. */
export async function sharedEvidence(db: Db, orgId: string, id: string) {
  const shared = await sharedEvidenceIds(db, orgId);
  const e = shared.has(id) ? await findEvidence(db, orgId, id) : undefined;
  if (!e) throw notFound('Evidence');
  return pickEvidence(e);
}
