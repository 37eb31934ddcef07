import { ZEngagementFields } from '@fortytwo/domain';
import type { Actor } from '../platform/audit';
import type { Deps } from '../platform/transaction';
import { createEngagement } from '../modules/certification/engagements';

// Step 6 of the demo lender: a certification body chosen, stage 1 in about six weeks and stage 2
// three weeks after it (the page warns that is too soon). The readiness check itself needs no seed:
// it reads the live data and shows its blocking findings with their fix links.

const DAY = 86_400_000;
const inDays = (n: number) => new Date(Date.now() + n * DAY).toISOString().slice(0, 10);

export async function seedDemoCertification(deps: Deps, actor: Actor, orgId: string) {
  await createEngagement(
    deps,
    actor,
    orgId,
    ZEngagementFields.parse({
      cbName: 'Certify Assurance Ltd',
      accreditationBody: 'UKAS',
      accredited: true,
      accreditationRef: 'ISO/IEC 42001 scope, application pending witness audit',
      auditTeam: [
        { name: 'Lena Fischer', role: 'Lead auditor' },
        { name: 'Omar Haddad', role: 'Technical expert (machine learning)' },
      ],
      stage1Date: inDays(42),
      stage2Date: inDays(63),
      submittedScope:
        'Design, development, provision and use of AI systems for consumer lending, fraud detection and customer service at the Manchester and Lisbon offices.',
      auditTimeInputs: {
        headcount: 38,
        aiRoles: ['provider', 'producer', 'customer'],
        aiSystems: 6,
        highRiskAiSystems: 1,
        sites: 2,
      },
      status: 'contracted',
    }),
  );
}
