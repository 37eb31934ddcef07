import { z } from 'zod';
import {
  addDays,
  ZAnswerEvidenceRequest as ZAnswerRequest,
  ZCreateEvidenceRequest as ZCreateRequest,
  ZUpdateEvidenceRequest as ZUpdateRequest,
} from '@fortytwo/domain';
import type { Actor } from '../../platform/audit';
import type { Db, Tx } from '../../platform/db/connect';
import { nextNumber } from '../../platform/db/record-numbers';
import type { EvidenceRequestTable } from '../../platform/db/schema';
import { writeOne } from '../../platform/db/versioned';
import { notFound, ruleViolation, staleVersion } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import { evidenceReference } from '../evidence/links';
import { isActiveMember } from '../orgs/members';
import { shareInTx } from './shares';

// An external auditor's request for more evidence (RQ-n). It is a task (due.ts) for the owner of the
// control or document it names, or for whomever an owner or manager assigns; the assignee answers
// with evidence from the library, which is then shared with the auditors, and the auditor sees the
// status and the evidence. Versioned; every change is an audit event.

const ENTITY = 'evidence_request';
export const EVIDENCE_REQUEST_STATUSES = ['open', 'answered'] as const;
export const requestRef = (n: number) => `RQ-${n}`;

// The request bodies live in the domain package: the web forms validate with them too.
export { ZAnswerRequest, ZCreateRequest, ZUpdateRequest };

const ZPerson = z.object({ id: z.string(), name: z.string() });
export const ZRequestOut = z.object({
  id: z.string(),
  ref: z.string().describe('RQ-1, RQ-2, …'),
  title: z.string(),
  detail: z.string(),
  subjectRef: z.string().nullable().describe('the clause or control asked about'),
  documentId: z.string().nullable(),
  requestedByName: z.string(),
  assignee: ZPerson.nullable(),
  dueOn: z.string().nullable(),
  status: z.enum(EVIDENCE_REQUEST_STATUSES),
  answer: z.string(),
  evidence: z
    .array(z.object({ id: z.string(), reference: z.string(), title: z.string() }))
    .describe('the evidence attached in answer (shared with the auditors)'),
  answeredAt: z.string().nullable(),
  answeredByName: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RequestOut = z.infer<typeof ZRequestOut>;

async function present(db: Db | Tx, orgId: string, rows: EvidenceRequestTable[]): Promise<RequestOut[]> {
  if (!rows.length) return [];
  const evIds = [...new Set(rows.flatMap((r) => JSON.parse(r.evidenceIds) as string[]))];
  const userIds = [...new Set(rows.map((r) => r.assigneeId).filter((x): x is string => !!x))];
  const [evidence, users] = await Promise.all([
    evIds.length
      ? db
          .selectFrom('evidence')
          .select(['id', 'number', 'title'])
          .where('orgId', '=', orgId)
          .where('id', 'in', evIds)
          .execute()
      : [],
    userIds.length ? db.selectFrom('users').select(['id', 'name']).where('id', 'in', userIds).execute() : [],
  ]);
  const evOf = new Map(evidence.map((e) => [e.id, e]));
  const nameOf = new Map(users.map((u) => [u.id, u.name]));
  return rows.map((r) => ({
    id: r.id,
    ref: requestRef(r.number),
    title: r.title,
    detail: r.detail,
    subjectRef: r.ref,
    documentId: r.documentId,
    requestedByName: r.requestedByName,
    assignee: r.assigneeId ? { id: r.assigneeId, name: nameOf.get(r.assigneeId) ?? '' } : null,
    dueOn: r.dueOn,
    status: r.status as RequestOut['status'],
    answer: r.answer,
    evidence: (JSON.parse(r.evidenceIds) as string[])
      .map((id) => evOf.get(id))
      .filter((e) => !!e)
      .map((e) => ({ id: e.id, reference: evidenceReference(e.number), title: e.title })),
    answeredAt: r.answeredAt,
    answeredByName: r.answeredByName,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }));
}

export async function listRequests(db: Db | Tx, orgId: string): Promise<RequestOut[]> {
  const rows = await db
    .selectFrom('evidenceRequests')
    .selectAll()
    .where('orgId', '=', orgId)
    .orderBy('number', 'desc')
    .execute();
  return present(db, orgId, rows);
}

async function find(db: Db | Tx, orgId: string, id: string) {
  const row = await db
    .selectFrom('evidenceRequests')
    .selectAll()
    .where('orgId', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? (await present(db, orgId, [row]))[0] : undefined;
}

export async function getRequest(db: Db | Tx, orgId: string, id: string) {
  const found = await find(db, orgId, id);
  if (!found) throw notFound('Evidence request');
  return found;
}

/** Who answers: the owner of the control, else of the document, when they still belong to the organization. */
async function ownerOf(tx: Tx, orgId: string, ref: string | null, documentId: string | null) {
  let ownerId: string | null = null;
  if (documentId) {
    const d = await tx
      .selectFrom('documents')
      .select('ownerId')
      .where('orgId', '=', orgId)
      .where('id', '=', documentId)
      .executeTakeFirst();
    if (!d) throw ruleViolation('Document was not found in this organization', { field: 'documentId' });
    ownerId = d.ownerId;
  }
  if (ref) {
    const c = await tx
      .selectFrom('controlImplementations')
      .select('ownerId')
      .where('orgId', '=', orgId)
      .where('ref', '=', ref)
      .executeTakeFirst();
    ownerId = c?.ownerId ?? ownerId;
  }
  return ownerId && (await isActiveMember(tx, orgId, ownerId)) ? ownerId : null;
}

export function createRequest(deps: Deps, actor: Actor, orgId: string, input: z.output<typeof ZCreateRequest>) {
  return inTransaction(deps, async (tx, audit) => {
    const ref = input.ref || null;
    const documentId = input.documentId || null;
    const assigneeId = await ownerOf(tx, orgId, ref, documentId);
    const number = await nextNumber(tx, orgId, 'evidence_request');
    const id = newId();
    const now = nowIso();
    await tx
      .insertInto('evidenceRequests')
      .values({
        id,
        orgId,
        number,
        title: input.title,
        detail: input.detail,
        ref,
        documentId,
        requestedBy: actor.userId,
        requestedByName: actor.name,
        assigneeId,
        // An auditor waiting on an answer: a week unless the request says otherwise.
        dueOn: input.dueOn ?? addDays(now.slice(0, 10), 7),
        status: 'open',
        answer: '',
        evidenceIds: '[]',
        answeredAt: null,
        answeredByName: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    const created = (await find(tx, orgId, id))!;
    await audit({ orgId, actor, action: `${ENTITY}.created`, entityType: ENTITY, entityId: id, after: created });
    return created;
  });
}

export function updateRequest(
  deps: Deps,
  actor: Actor,
  orgId: string,
  id: string,
  patch: z.output<typeof ZUpdateRequest>,
) {
  return inTransaction(deps, async (tx, audit) => {
    const before = await find(tx, orgId, id);
    if (!before) throw notFound('Evidence request');
    if (before.version !== patch.version) throw staleVersion(ENTITY, before);
    if (patch.assigneeId && !(await isActiveMember(tx, orgId, patch.assigneeId)))
      throw ruleViolation('Assignee must be a current member of this organization', { field: 'assigneeId' });
    await writeOne(
      tx
        .updateTable('evidenceRequests')
        .set({
          ...(patch.assigneeId !== undefined ? { assigneeId: patch.assigneeId } : {}),
          ...(patch.dueOn !== undefined ? { dueOn: patch.dueOn } : {}),
          version: patch.version + 1,
          updatedAt: nowIso(),
        })
        .where('orgId', '=', orgId)
        .where('id', '=', id)
        .where('version', '=', patch.version),
      () => staleVersion(ENTITY, before),
    );
    const after = (await find(tx, orgId, id))!;
    await audit({ orgId, actor, action: `${ENTITY}.updated`, entityType: ENTITY, entityId: id, before, after });
    return after;
  });
}

/** Answers with evidence from the library; the evidence is shared with the auditors from then on. */
export function answerRequest(
  deps: Deps,
  actor: Actor,
  orgId: string,
  id: string,
  input: z.output<typeof ZAnswerRequest>,
) {
  return inTransaction(deps, async (tx, audit) => {
    const before = await find(tx, orgId, id);
    if (!before) throw notFound('Evidence request');
    if (before.version !== input.version) throw staleVersion(ENTITY, before);
    const ids = [...new Set(input.evidenceIds)];
    const found = await tx
      .selectFrom('evidence')
      .select('id')
      .where('orgId', '=', orgId)
      .where('id', 'in', ids)
      .execute();
    if (found.length !== ids.length)
      throw ruleViolation('Evidence: every piece must be in this organization’s evidence library', {
        field: 'evidenceIds',
      });
    const now = nowIso();
    await writeOne(
      tx
        .updateTable('evidenceRequests')
        .set({
          status: 'answered',
          answer: input.answer,
          evidenceIds: JSON.stringify(ids),
          answeredAt: now,
          answeredByName: actor.name,
          version: input.version + 1,
          updatedAt: now,
        })
        .where('orgId', '=', orgId)
        .where('id', '=', id)
        .where('version', '=', input.version),
      () => staleVersion(ENTITY, before),
    );
    for (const evidenceId of ids) await shareInTx(tx, audit, actor, orgId, evidenceId);
    const after = (await find(tx, orgId, id))!;
    await audit({ orgId, actor, action: `${ENTITY}.answered`, entityType: ENTITY, entityId: id, before, after });
    return after;
  });
}
