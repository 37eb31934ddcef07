import { ZCertAuditFields, ZCertFindingFields, ZEngagementFields } from '@fortytwo/domain';
import type { Actor } from '../platform/audit';
import type { Deps } from '../platform/transaction';
import { createCertAudit } from '../modules/certification/certification-audits';
import { addCertFinding } from '../modules/certification/certification-findings';
import { createEngagement } from '../modules/certification/engagements';

// Step 6 of the demo lender: a certification body chosen, stage 1 held two weeks ago (recorded as
// the CB's audit, with its conclusion and one opportunity for improvement in the improvement log)
// and stage 2 three weeks after stage 1 (the page warns that is too soon). The readiness check
// itself needs no seed: it reads the live data and shows its blocking findings with their fix links.

const DAY = 86_400_000;
const inDays = (n: number) => new Date(Date.now() + n * DAY).toISOString().slice(0, 10);

export async function seedDemoCertification(deps: Deps, actor: Actor, orgId: string) {
  const engagement = await createEngagement(
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
      stage1Date: inDays(-14),
      stage2Date: inDays(7),
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
  const stage1 = await createCertAudit(
    deps,
    actor,
    orgId,
    engagement.id,
    ZCertAuditFields.parse({
      kind: 'stage1',
      status: 'done',
      startDate: inDays(-14),
      endDate: inDays(-14),
      conclusion:
        'Documentation and design reviewed; ready for stage 2. Areas of concern: the impact assessment of the fraud model awaits sign-off, and monitoring records cover only a few months.',
    }),
  );
  await addCertFinding(
    deps,
    actor,
    orgId,
    stage1.id,
    ZCertFindingFields.parse({
      grade: 'ofi',
      clauseRef: 'A.6.2.6',
      title: 'Drift alerts could open a task for the model owner',
      evidence: 'Monitoring dashboard of the credit scoring model, reviewed with the ML lead',
    }),
  );
}
