import {
  addDays,
  ZAssignmentFields,
  ZCompetenceFields,
  ZCompletionFields,
  ZDevelopmentActionFields,
  ZPersonFields,
} from '@fortytwo/domain';
import type { Actor } from '../platform/audit';
import type { FileStore } from '../platform/files';
import { nowIso } from '../platform/ids';
import type { Deps } from '../platform/transaction';
import { acknowledge } from '../modules/documents/awareness';
import { assignTraining, completeAssignment } from '../modules/competence/assignments';
import { createCompetence } from '../modules/competence/competences';
import { createDevelopmentAction } from '../modules/competence/development-actions';
import { policyInForce } from '../modules/competence/matrix';
import { createPerson, updatePerson } from '../modules/competence/people';
import { createFileEvidence } from '../modules/evidence/service';

// Step 4 of the demo lender, competence and awareness (7.2, 7.3): four competences asked of its AI
// roles and RACI responsibilities, a contractor without an account, courses with validity, and a
// matrix with something for everyone to see: met, a certificate expiring within the month (kept in
// the evidence library), an overdue assignment, gaps; two people have acknowledged the AI policy.

const day = (offset: number) => addDays(nowIso().slice(0, 10), offset);
/** A tiny PDF standing in for a course certificate. */
const certificatePdf = (text: string) =>
  Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);

export async function seedDemoCompetence(
  deps: Deps,
  store: FileStore,
  orgId: string,
  who: { owner: Actor; manager: Actor; contributor: Actor; colleague: Actor },
) {
  const actor = who.owner;
  const raci = await deps.db.selectFrom('raciActivities').select(['id', 'name']).where('orgId', '=', orgId).execute();
  const activity = (name: string) => raci.filter((a) => a.name === name).map((a) => a.id);

  const riskMethod = await createCompetence(
    deps,
    actor,
    orgId,
    ZCompetenceFields.parse({
      name: 'AI risk assessment method',
      description: 'Applies the approved risk criteria and rates likelihood and consequence consistently.',
      raciActivityIds: activity('AI risk assessment'),
    }),
  );
  const secureMl = await createCompetence(
    deps,
    actor,
    orgId,
    ZCompetenceFields.parse({
      name: 'Secure ML development',
      description:
        'Builds and releases models with data provenance, reproducible training and AI-specific threat mitigations.',
      aiRoles: ['ai_developer'],
    }),
  );
  const fairness = await createCompetence(
    deps,
    actor,
    orgId,
    ZCompetenceFields.parse({
      name: 'Bias and fairness testing',
      description: 'Designs and reads fairness tests by protected group before each release.',
      aiRoles: ['ai_developer', 'ai_tester_evaluator'],
    }),
  );
  const oversight = await createCompetence(
    deps,
    actor,
    orgId,
    ZCompetenceFields.parse({
      name: 'Human oversight of credit decisions',
      description: 'Knows when to override the model and how to record the reason.',
      aiRoles: ['ai_operator'],
    }),
  );

  const course = (
    title: string,
    kind: 'course' | 'training' | 'mentoring',
    competenceIds: string[],
    validityMonths: number | null,
    provider = '',
  ) =>
    createDevelopmentAction(
      deps,
      actor,
      orgId,
      ZDevelopmentActionFields.parse({ title, kind, provider, competenceIds, validityMonths }),
    );
  const secureCourse = await course(
    'Secure ML engineering course',
    'course',
    [secureMl.id],
    24,
    'Open ML Security Academy',
  );
  const fairnessWorkshop = await course(
    'Fairness testing workshop',
    'training',
    [fairness.id],
    12,
    'In-house, model risk team',
  );
  const riskBriefing = await course('Risk method briefing with the AIMS manager', 'mentoring', [riskMethod.id], null);
  const oversightTraining = await course('Human oversight training for underwriters', 'training', [oversight.id], 24);

  // AI roles of the people (members are people already; the contractor has no account).
  const roles = async (userId: string | null, aiRoles: string[]) =>
    userId && (await updatePerson(deps, actor, orgId, userId, { version: 0, aiRoles }));
  await roles(who.contributor.userId, ['ai_developer']);
  await roles(who.colleague.userId, ['ai_operator', 'ai_tester_evaluator']);
  await roles(who.manager.userId, ['governance_oversight_professional']);
  const ravi = await createPerson(
    deps,
    actor,
    orgId,
    ZPersonFields.parse({
      name: 'Ravi Kapoor',
      email: 'ravi.kapoor@dataforge.example',
      organization: 'DataForge Consulting',
      kind: 'external',
      aiRoles: ['ai_developer'],
    }),
  );

  const assign = (personId: string, actionId: string, dueOn: string | null) =>
    assignTraining(deps, actor, orgId, ZAssignmentFields.parse({ personId, actionId, dueOn }));
  const attest = (a: Awaited<ReturnType<typeof assign>>, completedOn: string, attestation: string) =>
    completeAssignment(
      deps,
      actor,
      orgId,
      a.id,
      ZCompletionFields.parse({
        version: a.version,
        completedOn,
        result: 'passed',
        evidenceKind: 'attestation',
        attestation,
      }),
    );

  // Tomás: the secure ML certificate from almost two years ago runs out within the month.
  const tomasCourse = await assign(who.contributor.userId!, secureCourse.id, day(-720));
  const expiresOn = day(18);
  const certificate = await createFileEvidence(
    deps,
    store,
    actor,
    orgId,
    {
      name: 'secure-ml-certificate-tomas-ortega.pdf',
      bytes: certificatePdf('Certificate of completion: Secure ML engineering'),
    },
    {
      title: `Certificate: ${secureCourse.title}, ${who.contributor.name}`,
      description: '',
      ownerId: null,
      effectiveOn: day(-712),
      expiresOn,
    },
  );
  await completeAssignment(
    deps,
    actor,
    orgId,
    tomasCourse.id,
    ZCompletionFields.parse({
      version: tomasCourse.version,
      completedOn: day(-712),
      result: 'passed',
      evidenceKind: 'certificate',
      expiresOn,
      evidenceId: certificate.id,
    }),
  );
  // Tomás still needs the fairness workshop (a gap); Grace has passed it.
  await assign(who.contributor.userId!, fairnessWorkshop.id, day(21));
  await attest(
    await assign(who.colleague.userId!, fairnessWorkshop.id, day(-60)),
    day(-45),
    'Workshop attended and the exercise passed; signed by the model risk lead.',
  );
  // Grace's oversight training is open; Ravi's secure ML course is overdue.
  await assign(who.colleague.userId!, oversightTraining.id, day(30));
  await assign(ravi.id, secureCourse.id, day(-5));
  // Dana, accountable for the risk assessment, was briefed by the AIMS manager.
  await attest(
    await assign(actor.userId!, riskBriefing.id, null),
    day(-90),
    'Briefed on the approved risk criteria by Priya Raman, who signs this record.',
  );

  // Awareness (7.3): two people have read the AI policy in force; the others have not yet.
  const policy = await policyInForce(deps.db, orgId);
  if (policy) {
    const v = await deps.db
      .selectFrom('documentVersions')
      .select('id')
      .where('documentId', '=', policy.documentId)
      .where('state', '=', 'published')
      .executeTakeFirstOrThrow();
    for (const person of [who.manager, who.contributor])
      await acknowledge(deps, person, orgId, policy.documentId, v.id);
  }
}
