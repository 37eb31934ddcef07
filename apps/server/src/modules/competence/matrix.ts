import { AI_SUB_ROLE_LABELS, competenceMatrix, type CompletionResult } from '@fortytwo/domain';
import type { Db, Tx } from '../../platform/db/connect';
import { notFound } from '../../platform/errors';
import { acknowledgementsOf, type Acknowledgements } from '../documents/awareness';
import { labelOf } from '../documents/repository';
import { listAssignments, today } from './assignments';
import { listCompetences } from './competences';
import { listPeople } from './people';
import type { AwarenessOut, MatrixOut, PersonOut } from './schema';

// The competence matrix (7.2): each active person against each competence, derived by the pure
// rule in packages/domain from the records. Awareness of the AI policy (7.3) is read from the
// documents module's acknowledgements of the policy version in force, never recorded twice.

type Policy = { documentId: string; title: string; versionLabel: string; acks: Acknowledgements } | null;

/** The AI policy in force (the oldest AI policy document with a published version) and who acknowledged it. */
export async function policyInForce(db: Db | Tx, orgId: string): Promise<Policy> {
  const doc = await db
    .selectFrom('documents')
    .innerJoin('documentVersions', 'documentVersions.documentId', 'documents.id')
    .select([
      'documents.id',
      'documentVersions.id as versionId',
      'documentVersions.title',
      'documentVersions.major',
      'documentVersions.minor',
    ])
    .where('documents.orgId', '=', orgId)
    .where('documents.typeId', '=', 'ai-policy')
    .where('documentVersions.state', '=', 'published')
    .orderBy('documents.createdAt')
    .executeTakeFirst();
  if (!doc) return null;
  return {
    documentId: doc.id,
    title: doc.title,
    versionLabel: labelOf(doc),
    acks: await acknowledgementsOf(db, orgId, doc.id, doc.versionId),
  };
}

export function awarenessOf(policy: Policy, person: Pick<PersonOut, 'userId' | 'member'>): AwarenessOut {
  if (!policy) return { state: 'no_policy', at: null, versionLabel: null };
  if (!person.userId || !person.member) return { state: 'no_account', at: null, versionLabel: policy.versionLabel };
  const ack = policy.acks.acknowledged.find((a) => a.user.id === person.userId);
  return ack
    ? { state: 'acknowledged', at: ack.at, versionLabel: policy.versionLabel }
    : { state: 'pending', at: null, versionLabel: policy.versionLabel };
}

export async function loadMatrix(db: Db | Tx, orgId: string, onlyPersonId?: string): Promise<MatrixOut> {
  const [people, competences, actions, completions, policy] = await Promise.all([
    listPeople(db, orgId),
    listCompetences(db, orgId),
    db.selectFrom('developmentActions').select(['id', 'competenceIds']).where('orgId', '=', orgId).execute(),
    db
      .selectFrom('trainingCompletions')
      .select(['id', 'personId', 'actionId', 'completedOn', 'result', 'expiresOn'])
      .where('orgId', '=', orgId)
      .execute(),
    policyInForce(db, orgId),
  ]);
  const shown = people.filter((p) => (onlyPersonId ? p.id === onlyPersonId : p.active));
  const now = today();
  const { cells, summaries } = competenceMatrix(
    shown.map((p) => ({ id: p.id, aiRoles: p.aiRoles, raciActivityIds: p.raciResponsibilities.map((r) => r.id) })),
    competences.map((c) => ({ id: c.id, aiRoles: c.aiRoles, raciActivityIds: c.raciActivities.map((a) => a.id) })),
    actions.map((a) => ({ id: a.id, competenceIds: JSON.parse(a.competenceIds) as string[] })),
    completions.map((c) => ({ ...c, result: c.result as CompletionResult })),
    now,
  );
  const raciNames = new Map(competences.flatMap((c) => c.raciActivities.map((a) => [a.id, a.name] as const)));
  return {
    today: now,
    policy: policy && { documentId: policy.documentId, title: policy.title, versionLabel: policy.versionLabel },
    competences: competences.map((c) => ({ id: c.id, name: c.name })),
    rows: shown.map((p, i) => {
      const { personId: _p, ...summary } = summaries[i]!;
      return {
        person: { id: p.id, name: p.name, kind: p.kind, member: p.member },
        cells: cells
          .filter((c) => c.personId === p.id)
          .map((c) => ({
            competenceId: c.competenceId,
            required: c.required,
            because: [
              ...c.because.aiRoles.map((r) => AI_SUB_ROLE_LABELS[r] ?? r),
              ...c.because.raciActivityIds.map((a) => `RACI: ${raciNames.get(a) ?? a}`),
            ],
            state: c.state,
            expiresOn: c.expiresOn,
            completionId: c.completionId,
          })),
        summary,
        awareness: awarenessOf(policy, p),
      };
    }),
  };
}

/** One person with their training records, their row of the matrix and their awareness. */
export async function personDetail(db: Db | Tx, orgId: string, id: string) {
  const person = (await listPeople(db, orgId)).find((p) => p.id === id);
  if (!person) throw notFound('Person');
  const matrix = await loadMatrix(db, orgId, id);
  const names = new Map(matrix.competences.map((c) => [c.id, c.name]));
  const row = matrix.rows[0]!;
  return {
    ...person,
    assignments: await listAssignments(db, orgId, { personId: id }),
    matrix: row.cells.map((c) => ({ ...c, competence: names.get(c.competenceId)! })),
    awareness: row.awareness,
  };
}
