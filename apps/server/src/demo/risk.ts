import { ZImpactFields, ZRiskFields, ZTreatmentFields } from '@fortytwo/domain';
import type { Actor } from '../platform/audit';
import type { Deps } from '../platform/transaction';
import { createImpact, riskFromImpact, updateImpact } from '../modules/impact/service';
import { createRisk } from '../modules/risk/risks';
import { acceptRisk, addTreatment } from '../modules/risk/treatments';
import { decideSoaItem, getSoa } from '../modules/soa/service';

// Step 4 of the demo lender: a few risks on its credit and assistant systems, treated with Annex A
// controls, one accepted by the board, an impact assessment that fed the register, and an SoA half
// decided, so each page has something real to show and something left to do.

const inAYear = () => new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);

export async function seedDemoRisk(
  deps: Deps,
  actor: Actor,
  orgId: string,
  people: { manager: string; contributor: string },
  aiSystems: { id: string; name: string }[],
) {
  const credit = aiSystems.find((s) => /credit/i.test(s.name)) ?? aiSystems[0]!;
  const assistant = aiSystems.find((s) => /assistant|chat/i.test(s.name)) ?? aiSystems[1] ?? credit;

  const ia = await createImpact(
    deps,
    actor,
    orgId,
    ZImpactFields.parse({
      aiSystemId: credit.id,
      title: `${credit.name}: launch assessment`,
      trigger: 'new_system',
      intendedUse:
        'Estimate the default risk of consumer loan applicants to support, not replace, the underwriter’s decision.',
      foreseeableMisuse: 'Using the score alone to decline without human review; reusing it for marketing eligibility.',
      affectedGroups: [
        {
          group: 'Loan applicants over 70',
          vulnerable: true,
          effects: {
            fairness: 'Thin credit files may lower scores for older applicants.',
            transparency: 'Applicants may not know a model was used.',
          },
        },
        {
          group: 'Self-employed applicants',
          vulnerable: false,
          effects: { fairness: 'Irregular income patterns read as instability.' },
        },
      ],
      societalEffects: { economy: 'Access to affordable credit in regions with fewer branches.' },
      severity: 4,
      likelihood: 3,
      mitigations: 'Age-band bias testing before release; human review of every automated decline.',
      conclusion: 'Acceptable with the mitigations in place; reassess at the next model version.',
    }),
  );
  const ageBias = await riskFromImpact(
    deps,
    actor,
    orgId,
    ia.id,
    ZRiskFields.parse({
      title: 'Age bias in credit scores',
      source: 'C.3.4',
      likelihood: 4,
      consequence: 5,
      consequencesIndividuals: 'Older applicants refused or priced unfairly.',
      consequencesOrganization: 'Regulatory action and remediation costs.',
      ownerId: people.manager,
      reviewDate: inAYear(),
    }),
  );
  await updateImpact(deps, actor, orgId, ia.id, { version: ia.version, retentionUntil: '2034-12-31' });
  await addTreatment(
    deps,
    actor,
    orgId,
    ageBias.id,
    ZTreatmentFields.parse({
      option: 'modify',
      description: 'Bias testing by age band before each release, with a release gate.',
      controlRefs: ['A.6.2.4', 'A.7.4', 'A.5.4'],
      residualLikelihood: 2,
      residualConsequence: 4,
      actions: [{ title: 'Write the age-band bias test plan', ownerId: people.contributor, dueDate: inAYear() }],
    }),
  );

  const opaque = await createRisk(
    deps,
    actor,
    orgId,
    ZRiskFields.parse({
      title: 'Declined applicants get no usable explanation',
      aiSystemId: credit.id,
      source: 'C.3.2',
      likelihood: 3,
      consequence: 4,
      consequencesIndividuals: 'Applicants cannot contest a decision.',
      ownerId: people.manager,
    }),
  );
  await addTreatment(
    deps,
    actor,
    orgId,
    opaque.id,
    ZTreatmentFields.parse({
      option: 'modify',
      description: 'Reason codes in every decline letter and a human review route.',
      controlRefs: ['A.8.2', 'A.9.3'],
      residualLikelihood: 2,
      residualConsequence: 3,
    }),
  );

  const hallucination = await createRisk(
    deps,
    actor,
    orgId,
    ZRiskFields.parse({
      title: 'Assistant gives wrong answers about loan terms',
      aiSystemId: assistant.id,
      source: 'C.3.3',
      likelihood: 3,
      consequence: 4,
      consequencesIndividuals: 'Customers act on wrong information.',
      ownerId: people.contributor,
    }),
  );
  await addTreatment(
    deps,
    actor,
    orgId,
    hallucination.id,
    ZTreatmentFields.parse({
      option: 'modify',
      description: 'Answers limited to approved content; hand-over to an agent on loan terms.',
      controlRefs: ['A.6.2.6', 'A.9.2'],
      residualLikelihood: 3,
      residualConsequence: 3,
    }),
  );
  await acceptRisk(deps, actor, orgId, hallucination.id, {
    rationale: 'Board risk committee accepts the residual risk while the content filter is tuned.',
    expiresAt: inAYear(),
  });

  // Left untreated on purpose: the SoA and the plan have a warning to show.
  await createRisk(
    deps,
    actor,
    orgId,
    ZRiskFields.parse({
      title: 'Model platform migration breaks monitoring',
      source: 'C.3.6',
      likelihood: 3,
      consequence: 4,
      consequencesOrganization: 'Drift goes unnoticed for weeks.',
    }),
  );

  const soa = await getSoa(deps, orgId);
  const decide = async (
    ref: string,
    change: {
      included: boolean;
      justification?: string;
      implementationStatus?: 'planned' | 'in_progress' | 'implemented';
    },
  ) => {
    const item = soa.items.find((i) => i.ref === ref);
    if (item) await decideSoaItem(deps, actor, orgId, ref, { version: item.version, ...change });
  };
  await decide('A.2.2', {
    included: true,
    justification: 'The AI policy is the top of the AIMS documentation.',
    implementationStatus: 'implemented',
  });
  await decide('A.6.2.4', { included: true, implementationStatus: 'in_progress' });
  // As a declared provider, A.10.4 applies (the SoA refuses to exclude it); the one exclusion is one no declared role calls for.
  await decide('A.10.4', {
    included: true,
    justification:
      'Brokers and partner lenders receive our credit decisions: contracts say what the scores are for and how to use them.',
    implementationStatus: 'in_progress',
  });
  await decide('A.7.3', {
    included: false,
    justification:
      'We acquire no external data for our AI systems: the models learn from our own loan book, and the assistant answers from our approved content.',
  });
}
