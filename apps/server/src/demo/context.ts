import { ZContextIssueFields, ZPartyFields } from '@fortytwo/domain';
import type { Actor } from '../platform/audit';
import type { Deps } from '../platform/transaction';
import { updateOrgContext } from '../modules/context/org-context';
import { createIssue, createParty } from '../modules/context/registers';
import { approveScope, getScope, updateScope } from '../modules/context/scope';
import { listRaci, updatePillar, updateRaciActivity } from '../modules/context/governance';

// Step 2 of the demo lender: its context, parties, an approved scope with one reasoned exclusion,
// pillar owners and a RACI that is half done (so its checks have something to show).

export async function seedDemoContext(
  deps: Deps,
  actor: Actor,
  orgId: string,
  people: { manager: string; contributor: string; auditor: string },
  aiSystems: { id: string; name: string; lifecycleStage: string }[],
) {
  await updateOrgContext(deps, actor, orgId, {
    version: 0,
    climateRelevant: false,
    climateReason:
      'Our models run on a cloud region powered by audited renewable energy, and our lending is not exposed to physical climate risk in a way our AI systems affect. Reviewed yearly.',
    aiRoles: [
      {
        role: 'provider',
        subRoles: ['ai_product_or_service_provider'],
        reason: 'We provide credit decisions and a customer assistant that use our own AI systems.',
      },
      {
        role: 'producer',
        subRoles: ['ai_developer', 'ai_tester_evaluator', 'ai_operator'],
        reason: 'Our data science team builds, validates and runs the credit and fraud models.',
      },
      {
        role: 'customer',
        subRoles: ['ai_user'],
        reason: 'We use a third-party language model inside the customer assistant.',
      },
    ],
    summary: 'A retail lender in the EU and the UK, using AI for credit, fraud and customer service.',
  });
  const issues = [
    {
      kind: 'external',
      category: 'legal_regulatory',
      description: 'EU AI Act: creditworthiness scoring of natural persons is a high-risk use.',
      effect: 'Drives risk management, documentation, oversight and logging for the credit models.',
      source: 'Regulation (EU) 2024/1689',
      reviewDate: '2027-03-31',
    },
    {
      kind: 'external',
      category: 'social_cultural',
      description: 'Customers expect to understand why a loan is declined.',
      effect: 'Explanations and a human review route for declined applications.',
      source: 'Customer complaints analysis 2025',
    },
    {
      kind: 'internal',
      category: 'organizational',
      description: 'A four-person data science team; model validation is done by the risk function.',
      effect: 'Competence and segregation of duties for validation.',
      source: 'Org chart',
    },
    {
      kind: 'internal',
      category: 'technological',
      description: 'Migration of the ML platform to a new cloud provider during 2026.',
      effect: 'Change control and monitoring continuity for live models.',
      source: 'IT roadmap',
      reviewDate: '2026-12-31',
    },
  ] as const;
  for (const i of issues) await createIssue(deps, actor, orgId, ZContextIssueFields.parse(i));
  const parties = [
    {
      name: 'Financial conduct regulator',
      category: 'regulators',
      requirements: [
        {
          kind: 'legal',
          description: 'Explain automated credit decisions and offer human review',
          addressed: true,
          refs: ['A.8.2', 'A.9.3'],
        },
        {
          kind: 'legal',
          description: 'Report serious AI incidents affecting customers',
          addressed: true,
          refs: ['A.8.4'],
        },
      ],
    },
    {
      name: 'Loan applicants',
      category: 'affected_individuals',
      requirements: [
        {
          kind: 'ethical',
          description: 'Fair treatment regardless of age, gender or origin',
          addressed: true,
          refs: ['A.5.4', 'A.7.4'],
        },
        { kind: 'ethical', description: 'Know when they talk to an AI assistant', addressed: true, refs: ['A.8.2'] },
      ],
    },
    {
      name: 'Group internal audit',
      category: 'owners_investors',
      requirements: [
        {
          kind: 'contractual',
          description: 'Yearly assurance that the AIMS works',
          addressed: true,
          how: 'Internal audit programme and management review minutes shared with the group.',
        },
      ],
    },
    {
      name: 'Cloud ML platform provider',
      category: 'suppliers',
      requirements: [{ kind: 'contractual', description: 'Notice before changes to model hosting', addressed: false }],
    },
  ] as const;
  for (const p of parties) await createParty(deps, actor, orgId, ZPartyFields.parse(p));

  // The scope: everything live is in, except the fraud consortium model, which the partner governs.
  const live = aiSystems.filter((s) => s.lifecycleStage === 'deployment' || s.lifecycleStage === 'operation');
  const excluded = live.find((s) => /fraud/i.test(s.name));
  const draft = await updateScope(deps, actor, orgId, {
    version: 0,
    units: ['Retail lending', 'Customer service', 'Data science'],
    sites: ['Dublin head office', 'Manchester operations centre'],
    aiSystemIds: live.filter((s) => s !== excluded).map((s) => s.id),
    outOfScope: excluded
      ? [
          {
            aiSystemId: excluded.id,
            reason:
              'Operated under the SafePay Alliance’s own governance; we only consume its alerts. Reconsidered at the next management review.',
          },
        ]
      : [],
    processes: ['Loan origination', 'Customer support', 'Model development and validation'],
    productsServices: ['Personal loans', 'Online customer assistant'],
    interfaces: ['Group IT security', 'Credit bureau data feeds', 'Cloud ML platform'],
    exclusions: [{ item: 'Marketing analytics', justification: 'Uses only aggregate reporting, no AI system.' }],
  });
  if (draft.warnings.length === 0) await approveScope(deps, actor, orgId, { version: draft.version });
  await getScope(deps, orgId);

  await updatePillar(deps, actor, orgId, 'risk_management', {
    version: 0,
    ownerId: people.manager,
    objectives: ['Every live AI system has a current risk assessment'],
    policyStatements: ['High residual risks need acceptance by the board risk committee'],
  });
  await updatePillar(deps, actor, orgId, 'data_governance', {
    version: 0,
    ownerId: people.contributor,
    objectives: ['Datasheets for every training dataset'],
    policyStatements: [],
  });
  const raci = await listRaci(deps, orgId);
  const assign = async (name: string, assignments: Parameters<typeof updateRaciActivity>[4]['assignments']) => {
    const a = raci.find((x) => x.name === name);
    if (a) await updateRaciActivity(deps, actor, orgId, a.id, { version: a.version, assignments });
  };
  await assign('AI risk assessment', [
    { assignee: { userId: people.manager }, letter: 'A' },
    { assignee: { userId: people.contributor }, letter: 'R' },
    { assignee: { role: 'approver' }, letter: 'I' },
  ]);
  await assign('Internal audit', [
    { assignee: { userId: people.auditor }, letter: 'R' },
    { assignee: { userId: people.auditor }, letter: 'A' },
  ]);
  // Left with two Accountables on purpose: the RACI check has something to flag in the demo.
  await assign('Document control', [
    { assignee: { userId: people.manager }, letter: 'A' },
    { assignee: { userId: actor.userId! }, letter: 'A' },
    { assignee: { role: 'contributor' }, letter: 'R' },
  ]);
}
