import type { Insertable } from 'kysely';
import type { DbHandle } from '../apps/server/src/platform/db/connect';
import type {
  RiskAcceptanceTable,
  RiskAssessmentTable,
  RiskTable,
  RiskTreatmentTable,
} from '../apps/server/src/platform/db/schema';
import { newId } from '../apps/server/src/platform/ids';
import { storeRiskPositions } from '../apps/server/src/modules/risk/position';

// The data bench/pages.ts (and bench/serialize.ts) measure on: a register of risks written straight into
// the database, and a fully answered gap assessment written through the API.

const levelOf = (score: number) => (score <= 4 ? 'low' : score <= 9 ? 'medium' : score <= 16 ? 'high' : 'critical');

export async function seedRisks(handle: DbHandle, orgId: string, userId: string, count: number) {
  const at = new Date().toISOString();
  let seed = 42;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const systems = await handle.db.selectFrom('aiSystems').select('id').where('orgId', '=', orgId).limit(50).execute();
  for (let start = 0; start < count; start += 500) {
    const risks: Insertable<RiskTable>[] = [];
    const assessments: Insertable<RiskAssessmentTable>[] = [];
    const treatments: Insertable<RiskTreatmentTable>[] = [];
    const acceptances: Insertable<RiskAcceptanceTable>[] = [];
    for (let i = start; i < Math.min(count, start + 500); i++) {
      const id = newId();
      const l = 1 + rnd(5);
      const c = 1 + rnd(5);
      risks.push({
        id,
        orgId,
        number: i + 1,
        title: `Risk ${i + 1}: model output misleads applicants`,
        kind: rnd(10) === 0 ? 'opportunity' : 'risk',
        description: 'Seeded for the benchmark.',
        aiSystemId: rnd(4) === 0 ? null : (systems[rnd(systems.length)]?.id ?? null),
        source: 'C.3.4',
        consequencesOrganization: 'Complaints and rework',
        consequencesIndividuals: 'Applicants refused unfairly',
        consequencesSociety: '',
        ownerId: userId,
        reviewDate: rnd(5) === 0 ? '2026-01-01' : '2027-06-30',
        status: rnd(20) === 0 ? 'closed' : 'open',
        impactAssessmentId: null,
        version: 1,
        createdAt: at,
        updatedAt: at,
        createdBy: userId,
        updatedBy: userId,
      });
      const rating = (kind: string, treatmentId: string | null, lk: number, cq: number, seq: number) => ({
        id: newId(),
        orgId,
        riskId: id,
        kind,
        treatmentId,
        likelihood: lk,
        consequence: cq,
        score: lk * cq,
        level: levelOf(lk * cq),
        criteriaNumber: 1,
        note: '',
        seq,
        assessedAt: at,
        assessedBy: userId,
        assessedByName: 'Bench Owner',
      });
      assessments.push(rating('inherent', null, l, c, 1));
      if (rnd(10) < 6) {
        const tid = newId();
        treatments.push({
          id: tid,
          orgId,
          riskId: id,
          option: 'modify',
          description: 'Bias testing before each release',
          controlRefs: JSON.stringify(['A.6.2.4', 'A.7.4']),
          verification: '',
          effectiveness: null,
          verifiedAt: null,
          verifiedByName: null,
          version: 1,
          createdAt: at,
          updatedAt: at,
          createdBy: userId,
          updatedBy: userId,
        });
        assessments.push(rating('residual', tid, Math.max(1, l - 2), Math.max(1, c - 1), 2));
      } else if (rnd(10) < 3) {
        acceptances.push({
          id: newId(),
          orgId,
          riskId: id,
          level: 'critical',
          rationale: 'Accepted by the board',
          expiresAt: rnd(3) === 0 ? '2026-12-20' : '2099-01-01',
          acceptedAt: at,
          acceptedBy: userId,
          acceptedByName: 'Bench Owner',
        });
      }
    }
    await handle.db.transaction().execute(async (tx) => {
      await tx.insertInto('risks').values(risks).execute();
      await tx.insertInto('riskAssessments').values(assessments).execute();
      if (treatments.length) await tx.insertInto('riskTreatments').values(treatments).execute();
      if (acceptances.length) await tx.insertInto('riskAcceptances').values(acceptances).execute();
    });
  }
  // Rows written around the risk module: their stored positions (migration 0041) are computed once, here.
  await storeRiskPositions(handle.db, orgId);
}

/**
 * A fully answered ISO/IEC 42001 gap assessment, written through the API as a person would: every
 * item done, with a result, a maturity, notes and an owner (the "assessment read" page).
 */
export async function answeredAssessment(
  base: string,
  headers: Record<string, string>,
  orgId: string,
): Promise<string> {
  const json = { ...headers, 'content-type': 'application/json' };
  const created = await fetch(`${base}/api/orgs/${orgId}/gap-assessments`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ name: 'ISO/IEC 42001 baseline' }),
  });
  if (created.status !== 201) throw new Error(`create assessment: ${created.status} ${await created.text()}`);
  const { id } = (await created.json()) as { id: string };
  const read = await fetch(`${base}/api/orgs/${orgId}/gap-assessments/${id}`, { headers });
  const { items } = (await read.json()) as { items: { ref: string; version: number }[] };
  const results = ['conformant', 'partially_conformant', 'nonconformant'] as const;
  const { user: me } = (await (await fetch(`${base}/api/me`, { headers })).json()) as { user: { id: string } };
  for (const [i, item] of items.entries()) {
    const res = await fetch(`${base}/api/orgs/${orgId}/gap-assessments/${id}/items/${encodeURIComponent(item.ref)}`, {
      method: 'PATCH',
      headers: json,
      body: JSON.stringify({
        version: item.version,
        status: 'done',
        result: results[i % results.length],
        maturity: i % 6,
        notes: 'Reviewed with the AI governance lead; evidence in the shared drive.',
        ownerId: me.id,
      }),
    });
    if (res.status !== 200) throw new Error(`answer ${item.ref}: ${res.status} ${await res.text()}`);
  }
  return id;
}
