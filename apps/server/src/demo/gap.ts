import type { GapResult } from '@fortytwo/domain';
import type { Actor } from '../platform/audit';
import type { Deps } from '../platform/transaction';
import { createAssessment, gapsToActions, takeSnapshot, updateItem } from '../modules/gap/service';
import { createCustomControl } from '../modules/catalog/custom-controls';

// The demo organization three months into its journey: a baseline gap assessment frozen as a
// snapshot, the working assessment answered further since, actions on the worst gaps, and one
// control of its own. The answers are invented but plausible for a lender with a privacy programme.

type Answer = [GapResult, number, string?];

const BASELINE: Record<string, Answer> = {
  '4.1': [
    'partially_conformant',
    2,
    'Context analysis exists for GDPR; AI-specific issues and our AI roles are not written down yet.',
  ],
  '4.2': [
    'partially_conformant',
    2,
    'Stakeholder map from the privacy programme; AI expectations of customers and the regulator are missing.',
  ],
  '4.3': ['nonconformant', 1, 'No AIMS scope statement yet.'],
  '5.1': ['partially_conformant', 2, 'The board sponsors the AI programme; no formal AIMS commitment.'],
  '5.2': ['nonconformant', 1, 'Draft AI principles only.'],
  '5.3': ['partially_conformant', 2],
  '6.1.1': ['nonconformant', 1],
  '6.1.2': [
    'partially_conformant',
    2,
    'Model risk management covers credit models; other AI systems are not assessed.',
  ],
  '7.1': ['partially_conformant', 3],
  '7.2': ['partially_conformant', 2],
  '7.3': ['nonconformant', 1],
  '7.5.3': ['conformant', 3, 'The group document management system controls versions and access.'],
  '9.2.1': ['partially_conformant', 2, 'Internal audit covers model risk yearly; not the AIMS.'],
  '10.2': ['partially_conformant', 3, 'Incident and CAPA process from operational risk.'],
  'A.4.3': ['partially_conformant', 2, 'Datasheets for the credit models only.'],
  'A.6.2.4': ['conformant', 3, 'Independent model validation before each release.'],
  'A.6.2.6': ['partially_conformant', 3, 'Drift monitoring for credit and fraud models.'],
  'A.7.4': ['partially_conformant', 2],
  'A.10.3': ['partially_conformant', 2, 'Vendor due diligence exists but has no AI questions.'],
};

/** Answers given since the baseline: progress, and one honest regression. */
const SINCE: Record<string, Answer> = {
  '4.1': [
    'conformant',
    3,
    'Context analysis now covers AI regulation, our provider/customer roles and the climate question (not relevant).',
  ],
  '4.3': ['partially_conformant', 2, 'Scope drafted: lending and customer-service AI; exclusions still to justify.'],
  '5.2': ['partially_conformant', 2, 'AI policy drafted, awaiting board approval.'],
  '6.1.1': ['partially_conformant', 2, 'Risk criteria agreed with the CRO.'],
  '6.1.4': ['nonconformant', 1, 'No impact assessment method yet.'],
  '7.3': ['partially_conformant', 2, 'AI awareness module rolled out to 40% of staff.'],
  'A.2.2': ['partially_conformant', 2],
  'A.3.3': ['conformant', 3, 'The whistleblowing line now takes AI concerns.'],
  'A.6.2.6': ['nonconformant', 2, 'Drift alerts were switched off during the cloud migration.'],
  'A.8.2': ['partially_conformant', 2, 'The chatbot discloses that it is an AI.'],
  'A.10.4': [
    'not_applicable',
    0,
    'We do not provide AI systems to business customers; retail customers are covered by A.8.',
  ],
};

async function answer(
  deps: Deps,
  actor: Actor,
  orgId: string,
  assessmentId: string,
  answers: Record<string, Answer>,
  ownerId: string,
) {
  let versions = new Map<string, number>();
  const read = async () => {
    const rows = await deps.db
      .selectFrom('gapAssessmentItems')
      .select(['ref', 'version'])
      .where('assessmentId', '=', assessmentId)
      .execute();
    versions = new Map(rows.map((r) => [r.ref, r.version]));
  };
  await read();
  for (const [ref, [result, maturity, notes]] of Object.entries(answers)) {
    await updateItem(deps, actor, orgId, assessmentId, ref, {
      version: versions.get(ref)!,
      result,
      maturity,
      status: result === 'conformant' || result === 'not_applicable' ? 'done' : 'in_progress',
      ...(notes ? { notes } : {}),
      ...(result === 'not_applicable' ? { justification: notes ?? 'Not relevant to our AI roles.' } : {}),
      ...(result !== 'conformant' && result !== 'not_applicable' ? { ownerId } : {}),
    });
  }
}

export async function seedDemoGap(
  deps: Deps,
  actor: Actor,
  orgId: string,
  people: { manager: string; contributor: string },
) {
  const a = await createAssessment(deps, actor, orgId, { name: 'ISO/IEC 42001 readiness' });
  await answer(deps, actor, orgId, a.id, BASELINE, people.manager);
  await takeSnapshot(deps, actor, orgId, a.id, { name: 'Baseline (kick-off workshop)' });
  await answer(deps, actor, orgId, a.id, SINCE, people.contributor);
  const inThreeMonths = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
  await gapsToActions(deps, actor, orgId, a.id, {
    refs: ['5.2', '6.1.4'],
    ownerId: people.manager,
    dueDate: inThreeMonths,
  });
  // The demo user has work of their own, so "My tasks" and the overview's tasks show something (issue 18).
  await gapsToActions(deps, actor, orgId, a.id, { refs: ['4.3'], ownerId: actor.userId, dueDate: inThreeMonths });
  await gapsToActions(deps, actor, orgId, a.id, { refs: ['A.6.2.6'], ownerId: people.contributor, dueDate: null });
  await createCustomControl(deps, actor, orgId, {
    ref: 'NWL-1',
    title: 'Adverse-action explanations for declined loans',
    description:
      'Every declined applicant receives the main reasons for the decision in plain language, reviewed by the credit policy team each quarter.',
    guidance: null,
    relatedRefs: ['A.8.2', 'A.9.3'],
    pillars: ['transparency_explainability', 'human_oversight'],
  });
}
