import { independenceWarnings, type AuditScope, type Involvement } from '@fortytwo/domain';
import type { Db, Tx } from '../../platform/db/connect';
import { AppError, ruleViolation } from '../../platform/errors';
import { documentTypes } from '../documents/types';
import { isActiveMember } from '../orgs/members';
import { names, parse } from './read';

// Independence of the audit team (9.2.2): what the lead and team own or did, checked against the scope.

/** Work people own or did, for the independence check: control owners, RACI R/A, document owners and authors. */
async function involvements(db: Db | Tx, orgId: string, userIds: string[]): Promise<Involvement[]> {
  if (!userIds.length) return [];
  const out: Involvement[] = [];
  const controls = await db
    .selectFrom('controlImplementations')
    .select(['ref', 'ownerId'])
    .where('orgId', '=', orgId)
    .where('ownerId', 'in', userIds)
    .execute();
  for (const c of controls) out.push({ userId: c.ownerId!, what: `owns control ${c.ref}`, ref: c.ref });
  const raci = await db
    .selectFrom('raciActivities')
    .select(['name', 'assignments'])
    .where('orgId', '=', orgId)
    .execute();
  for (const a of raci)
    for (const x of parse<{ assignee: { userId?: string }; letter: string }[]>(a.assignments))
      if (x.assignee.userId && userIds.includes(x.assignee.userId) && (x.letter === 'R' || x.letter === 'A'))
        out.push({
          userId: x.assignee.userId,
          what: `is ${x.letter === 'R' ? 'Responsible' : 'Accountable'} for "${a.name}" in the RACI`,
          ref: null,
        });
  const types = new Map(documentTypes().map((t) => [t.id, t.refs]));
  const docs = await db
    .selectFrom('documents')
    .select(['id', 'title', 'typeId', 'ownerId'])
    .where('orgId', '=', orgId)
    .execute();
  const authors = await db
    .selectFrom('documentVersions')
    .select(['documentId', 'createdBy'])
    .where('orgId', '=', orgId)
    .where('createdBy', 'in', userIds)
    .execute();
  for (const d of docs) {
    const who = new Set<string>();
    if (d.ownerId && userIds.includes(d.ownerId)) who.add(d.ownerId);
    for (const a of authors) if (a.documentId === d.id && a.createdBy) who.add(a.createdBy);
    for (const userId of who)
      for (const ref of types.get(d.typeId) ?? [])
        out.push({ userId, what: `owns or wrote the document "${d.title}" (${ref})`, ref });
  }
  return out;
}

export async function checkPlan(
  tx: Tx,
  orgId: string,
  plan: { leadId: string | null; teamIds: string[]; scope: AuditScope; independenceJustification: string },
) {
  const people = [...new Set([...(plan.leadId ? [plan.leadId] : []), ...plan.teamIds])];
  for (const id of people)
    if (!(await isActiveMember(tx, orgId, id)))
      throw ruleViolation('The lead and team must be current members of this organization', { field: 'teamIds' });
  if (plan.scope.aiSystemIds.length) {
    const found = await tx
      .selectFrom('aiSystems')
      .select('id')
      .where('orgId', '=', orgId)
      .where('id', 'in', plan.scope.aiSystemIds)
      .execute();
    if (found.length !== new Set(plan.scope.aiSystemIds).size)
      throw ruleViolation('Every AI system in scope must be one of this organization', { field: 'scope.aiSystemIds' });
  }
  const nameOf = await names(tx, people);
  const warnings = independenceWarnings(
    people.map((id) => ({ id, name: nameOf.get(id) ?? id })),
    plan.scope.refs,
    await involvements(tx, orgId, people),
  );
  if (warnings.length && !plan.independenceJustification.trim())
    throw new AppError(
      'ACKNOWLEDGEMENT_REQUIRED',
      `Independence: an auditor may not audit work they own or did. ${warnings.map((w) => w.message).join(' ')} Change the team or scope, or give a written justification (independenceJustification) to proceed.`,
      { warnings },
    );
  return warnings.map(({ code, message, userId }) => ({ code, message, userId }));
}
