import { z } from 'zod';
import { DOCUMENT_KINDS } from '@fortytwo/catalog';
import { documentCode, placeholdersIn, VERSION_STATES, type VersionState } from '@fortytwo/domain';
import type { Db, Tx } from '../../platform/db/connect';
import { notFound } from '../../platform/errors';
import { nowIso } from '../../platform/ids';
import {
  findDocument,
  labelOf,
  listDocumentRows,
  memberNames,
  memberPeople,
  parseContent,
  reviewsOf,
  stateOf,
  versionsOf,
  type DocumentRow,
  type VersionRow,
} from './repository';
import { readSettings } from './settings';
import { stalenessOf } from './staleness';
import { documentType } from './types';
import type { PersonRef } from '../../platform/people';

// What the API answers about documents: the register of documents (each with the version in force
// and the newest one), one document with its revision table, and one version with its sections.

const ZPerson = z.object({ id: z.string(), name: z.string() }).nullable();
export const ZVersionSummary = z.object({
  id: z.string(),
  label: z.string().describe('1.0, 1.1, 2.0'),
  state: z.enum(VERSION_STATES),
  material: z.boolean().describe('a material change: a new major version that needs approval'),
  title: z.string(),
  changeSummary: z.string(),
  createdAt: z.string(),
  createdBy: ZPerson,
  submittedAt: z.string().nullable(),
  reviewDue: z.string().nullable(),
  approvedAt: z.string().nullable(),
  approvedBy: ZPerson,
  approvalComment: z.string().nullable(),
  publishedAt: z.string().nullable(),
  nextReviewAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  endReason: z.string().nullable(),
  docxSha256: z.string().nullable().describe('SHA-256 of the approved .docx, the exact file the approval is bound to'),
  pdfSha256: z.string().nullable(),
  version: z.number().describe('the row version to send with a change'),
});
export type VersionSummary = z.infer<typeof ZVersionSummary>;

const ZStale = z
  .object({
    since: z.string(),
    count: z.number(),
    changes: z.array(
      z.object({ at: z.string(), action: z.string(), entityType: z.string(), entityId: z.string(), actor: z.string() }),
    ),
  })
  .nullable()
  .describe('set when a record this document is written from changed after it was published');

export const ZDocumentOut = z.object({
  id: z.string(),
  code: z.string().describe('such as AIMS-POL-001'),
  typeId: z.string(),
  typeTitle: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  refs: z.array(z.string()),
  title: z.string(),
  ownerId: z.string().nullable().describe('who keeps it current: a key of the answer’s `people`'),
  approverId: z
    .string()
    .nullable()
    .describe('who approves it (null: any owner of the organization): a key of the answer’s `people`'),
  inForce: ZVersionSummary.nullable().describe('the published version, if any'),
  latest: ZVersionSummary.describe('the newest version (the draft being worked on, or the one in force)'),
  stale: ZStale,
  reviewOverdue: z.boolean().describe('the published version is past its next review date'),
  createdAt: z.string(),
});
/**
 * A document as the reads build it: its owner and approver embedded (the master list and the exports
 * print them; null for someone no longer a member); answers carry `people` instead (answers.ts).
 */
export type DocumentOut = z.infer<typeof ZDocumentOut> & { owner: PersonRef | null; approver: PersonRef | null };

export const ZReviewOut = z.object({
  reviewer: ZPerson,
  round: z.number(),
  decision: z.enum(['agree', 'changes_requested']).nullable(),
  comment: z.string(),
  decidedAt: z.string().nullable(),
});
export const ZVersionDetail = ZVersionSummary.extend({
  documentId: z.string(),
  content: z.union([
    z.object({
      kind: z.literal('narrative'),
      sections: z.array(z.object({ key: z.string(), title: z.string(), body: z.any() })),
    }),
    z.object({ kind: z.literal('register'), frozen: z.any().nullable() }),
    z.object({ kind: z.literal('record'), frozen: z.any() }),
  ]),
  placeholders: z
    .array(z.object({ section: z.string(), text: z.string() }))
    .describe('[[text]] still to write: approval is refused while any remain'),
  reviews: z.array(ZReviewOut),
});
export type VersionDetail = z.infer<typeof ZVersionDetail>;

export const ZDocumentDetail = ZDocumentOut.extend({
  versions: z.array(ZVersionSummary),
  answers: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
});

function person(names: Map<string, string>, id: string | null, name?: string | null) {
  if (!id) return name ? { id: '', name } : null;
  return { id, name: names.get(id) ?? name ?? 'a former member' };
}

export function summarize(v: VersionRow, names: Map<string, string>): VersionSummary {
  return {
    id: v.id,
    label: labelOf(v),
    state: stateOf(v),
    material: v.material === 1,
    title: v.title,
    changeSummary: v.changeSummary,
    createdAt: v.createdAt,
    createdBy: person(names, v.createdBy),
    submittedAt: v.submittedAt,
    reviewDue: v.reviewDue,
    approvedAt: v.approvedAt,
    approvedBy: v.approvedAt ? person(names, v.approvedBy, v.approvedByName) : null,
    approvalComment: v.approvalComment,
    publishedAt: v.publishedAt,
    nextReviewAt: v.nextReviewAt,
    endedAt: v.endedAt,
    endReason: v.endReason,
    docxSha256: v.docxSha256,
    pdfSha256: v.pdfSha256,
    version: v.version,
  };
}

async function present(
  db: Db | Tx,
  orgId: string,
  d: DocumentRow,
  versions: VersionRow[],
  people: Map<string, PersonRef>,
  names: Map<string, string>,
  prefix: string,
): Promise<DocumentOut> {
  const type = documentType(d.typeId);
  const inForce = versions.find((v) => v.state === 'published') ?? null;
  const latest = versions[0]!;
  const today = nowIso().slice(0, 10);
  return {
    id: d.id,
    code: documentCode(prefix, d.prefix, d.number),
    typeId: d.typeId,
    typeTitle: type.title,
    kind: type.kind,
    refs: type.refs,
    title: latest.title,
    ownerId: d.ownerId,
    approverId: d.approverId,
    owner: (d.ownerId && people.get(d.ownerId)) || null,
    approver: (d.approverId && people.get(d.approverId)) || null,
    inForce: inForce ? summarize(inForce, names) : null,
    latest: summarize(latest, names),
    stale: await stalenessOf(db, orgId, type, inForce?.publishedAt ?? null),
    reviewOverdue: !!inForce?.nextReviewAt && inForce.nextReviewAt < today,
    createdAt: d.createdAt,
  };
}

const namesOf = (people: Map<string, PersonRef>) => new Map([...people].map(([id, p]) => [id, p.name]));

export async function listDocuments(db: Db | Tx, orgId: string): Promise<DocumentOut[]> {
  const [rows, people, settings] = await Promise.all([
    listDocumentRows(db, orgId),
    memberPeople(db, orgId),
    readSettings(db, orgId),
  ]);
  const versions = await versionsOf(
    db,
    orgId,
    rows.map((r) => r.id),
  );
  const names = namesOf(people);
  return Promise.all(
    rows.map((d) =>
      present(
        db,
        orgId,
        d,
        versions.filter((v) => v.documentId === d.id),
        people,
        names,
        settings.codePrefix,
      ),
    ),
  );
}

export async function readDocument(db: Db | Tx, orgId: string, id: string) {
  const d = await findDocument(db, orgId, id);
  if (!d) throw notFound('Document');
  const [versions, people, settings] = await Promise.all([
    versionsOf(db, orgId, [id]),
    memberPeople(db, orgId),
    readSettings(db, orgId),
  ]);
  const names = namesOf(people);
  return {
    ...(await present(db, orgId, d, versions, people, names, settings.codePrefix)),
    versions: versions.map((v) => summarize(v, names)),
    answers: JSON.parse(d.answers) as Record<string, string | string[]>,
  };
}

export async function readVersion(
  db: Db | Tx,
  orgId: string,
  documentId: string,
  versionId: string,
): Promise<VersionDetail> {
  const v = await db
    .selectFrom('documentVersions')
    .selectAll()
    .where('orgId', '=', orgId)
    .where('documentId', '=', documentId)
    .where('id', '=', versionId)
    .executeTakeFirst();
  if (!v) throw notFound('Document version');
  const [names, reviews] = await Promise.all([memberNames(db, orgId), reviewsOf(db, orgId, versionId)]);
  const content = parseContent(v);
  return {
    ...summarize(v, names),
    documentId,
    content,
    placeholders:
      content.kind === 'narrative'
        ? content.sections.flatMap((s) => placeholdersIn(s.body).map((text) => ({ section: s.title, text })))
        : [],
    reviews: reviews.map((r) => ({
      reviewer: person(names, r.reviewerId, r.reviewerName),
      round: r.round,
      decision: r.decision as 'agree' | 'changes_requested' | null,
      comment: r.comment,
      decidedAt: r.decidedAt,
    })),
  };
}

export const isLive = (s: VersionState) => s === 'draft' || s === 'in_review' || s === 'approved';
