/**
 * The evidence library's contract for other modules (issue 12). Read this before attaching evidence.
 *
 * - A piece of evidence (table `evidence`, EV-<number>) is attached to a record by a row of
 *   `evidence_links` (org_id, evidence_id, subject_type, subject_id), unique on the triple. One
 *   piece of evidence may serve many records; deleting evidence is refused while it is linked.
 * - Subject types are the open list EVIDENCE_SUBJECT_TYPES in packages/domain/src/evidence.ts. A
 *   module with a new kind of record adds its type there and an entry in SUBJECTS (subjects.ts): which
 *   table holds it (so a link to a record of another organization, or to nothing, is refused) and
 *   how to name it in the evidence's detail. A `catalogRef` resolver, when the record stands for an
 *   ISO/IEC 42001 clause or Annex A control, makes the evidence show under the NIST AI RMF and EU AI
 *   Act items the crosswalks map to it. 'control' subjects are identified by the control's ref
 *   ("A.6.2.4", or a custom control's), 'control_occurrence' by the occurrence's id.
 * - Inside your own transaction (so your record and its links commit together):
 *     await linkEvidence(tx, { orgId, evidenceId, subjectType, subjectId, by: actor, audit });
 *     await unlinkEvidence(tx, { orgId, evidenceId, subjectType, subjectId, by: actor, audit });
 *     await copyEvidenceLinks(tx, { orgId, subjectType, from, to, by: actor }); // e.g. a snapshot
 *   `audit` is the second argument inTransaction gives your work function; each call writes one
 *   audit event on the evidence. Linking twice is a no-op; unlinking a link that is not there is 404.
 * - Reading: `evidenceFor(db, orgId, subjectType, subjectId)` (one record) and
 *   `evidenceForMany(db, orgId, subjectType, ids)` (a list page, one query) answer EvidenceSummary
 *   rows: id, number, reference (EV-12), title, kind, expiresOn, expiryState current|expiring|expired.
 *   Remove a record's links when you delete the record: `unlinkAllFrom(tx, orgId, subjectType, id)`.
 * - HTTP for the web: GET/POST/DELETE /api/orgs/:orgId/evidence-links?subjectType=&subjectId= (see
 *   routes.ts); the web component apps/web/src/features/evidence/EvidencePanel.tsx takes
 *   `subjectType`/`subjectId` props and lists, attaches, uploads and unlinks on its own.
 * - Permissions: linking over HTTP needs `evidence.write`; a module linking inside its own use
 *   case is already authorized by its own action.
 */
// One file per use case: subjects.ts (what evidence attaches to), linking.ts, reading.ts.

export {
  assertSubject,
  type AuditFn,
  evidenceReference,
  type EvidenceSummary,
  type LinkInput,
  SUBJECTS,
  today,
} from './subjects';
export { copyEvidenceLinks, linkEvidence, unlinkAllFrom, unlinkEvidence } from './linking';
export {
  type CrosswalkItem,
  crosswalkOf,
  evidenceFor,
  evidenceForMany,
  type EvidenceLinkOut,
  linkCounts,
  linksOf,
  toSummary,
} from './reading';
