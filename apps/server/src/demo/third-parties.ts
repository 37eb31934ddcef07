import {
  ZAiActClassificationInput,
  ZCustomerResponsibilities,
  ZDataSetFields,
  ZSupplierFields,
} from '@fortytwo/domain';
import type { Actor } from '../platform/audit';
import type { Deps } from '../platform/transaction';
import { saveAiActClassification, saveCustomerResponsibilities } from '../modules/ai-act/service';
import { createDataSet } from '../modules/data-sets/service';
import { listImpacts } from '../modules/impact/service';
import { createSupplier } from '../modules/suppliers/service';

// Data, suppliers and the EU AI Act for the demo lender (issue 16): two data sets of the credit
// model with their provenance, two suppliers (the cloud ML platform's review is overdue, so it sits
// on the manager's task list), and the credit model classified as high-risk (Annex III 5(b)) with
// its fundamental-rights assessment linked to the 42001 impact assessment.

const DAY = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const daysAgo = (n: number) => isoDay(new Date(Date.now() - n * DAY));

export async function seedDemoThirdParties(
  deps: Deps,
  actor: Actor,
  orgId: string,
  people: { manager: string; contributor: string },
  aiSystems: { id: string; name: string }[],
) {
  const credit = aiSystems.find((s) => /credit/i.test(s.name)) ?? aiSystems[0]!;
  const assistant = aiSystems.find((s) => /assistant|chat/i.test(s.name)) ?? aiSystems[1] ?? credit;

  await createDataSet(
    deps,
    actor,
    orgId,
    ZDataSetFields.parse({
      name: 'Personal-loan applications 2018–2024',
      description: 'Application forms and 12-month repayment outcomes of granted personal loans.',
      purpose: 'training',
      sourceKind: 'internal',
      source: 'Loan origination system, warehouse table loans.applications_v3',
      provenance:
        'Extracted by the data engineering team on ' +
        daysAgo(200) +
        ' (snapshot v3, 412,000 rows); outcomes joined from the collections ledger. Extraction script in the model repository, tag pd-data-v3.',
      acquiredOn: daysAgo(200),
      legalBasis: 'contract',
      legalBasisDetail: 'Credit agreement clause 14 and the privacy notice allow use for credit risk modelling.',
      qualityChecks: [
        { check: 'Duplicate applications removed', result: 'passed', checkedOn: daysAgo(195) },
        { check: 'Outcome labels sampled against ledger (n=500)', result: 'passed', checkedOn: daysAgo(194) },
        { check: 'Representation of applicants over 70', result: 'failed', checkedOn: daysAgo(194), note: 'Under 2%' },
      ],
      preparation: 'Deduplicated; income normalised to monthly; postcode reduced to region; 70/15/15 time-based split.',
      personalData: true,
      retention: 'Kept while the model version trained on it is in use, plus 5 years for audit.',
      retainUntil: '2031-12-31',
      ownerId: people.contributor,
      aiSystemIds: [credit.id],
    }),
  );
  await createDataSet(
    deps,
    actor,
    orgId,
    ZDataSetFields.parse({
      name: 'Calloway bureau attributes (monthly feed)',
      purpose: 'production_input',
      sourceKind: 'licensed',
      source: 'Calloway Credit Reference, attribute set CR-42',
      provenance: 'Monthly SFTP delivery under the data licence; each file checksum logged by the ingestion job.',
      legalBasis: 'licence',
      legalBasisDetail: 'Data licence agreement DLA-2023-07, use limited to credit decisions.',
      qualityChecks: [
        { check: 'Schema and completeness check on each delivery', result: 'passed', checkedOn: daysAgo(12) },
      ],
      preparation: 'Attributes mapped to the model features; missing values flagged, not imputed.',
      personalData: true,
      retention: '24 months after the application decision',
      ownerId: people.contributor,
      aiSystemIds: [credit.id],
    }),
  );

  await createSupplier(
    deps,
    actor,
    orgId,
    ZSupplierFields.parse({
      name: 'Stratus Cloud ML platform',
      kind: 'ai_platform',
      supplies: 'Managed training and model hosting for the credit model and the customer assistant.',
      aiSystemIds: [credit.id, assistant.id],
      trainsOnInputs: 'no',
      inputRetention: 'Customer data deleted 30 days after project deletion',
      modelChangeNotice: 'yes',
      incidentNotice: 'yes',
      dataLocation: 'EU (Frankfurt)',
      contractClauses: [
        'no_training_on_inputs',
        'incident_notice',
        'data_location',
        'subprocessors',
        'exit_portability',
      ],
      reviewCadenceMonths: 12,
      lastReviewedOn: daysAgo(430),
      ownerId: people.manager,
      notes: 'Annual review: SOC 2 type II report, sub-processor list, region settings.',
    }),
  );
  await createSupplier(
    deps,
    actor,
    orgId,
    ZSupplierFields.parse({
      name: 'Calloway Credit Reference',
      kind: 'data_provider',
      supplies: 'Credit bureau attributes used as model inputs.',
      aiSystemIds: [credit.id],
      trainsOnInputs: 'no',
      inputRetention: 'Search footprints kept 12 months (bureau rules)',
      modelChangeNotice: 'yes',
      incidentNotice: 'yes',
      dataLocation: 'UK and EU',
      contractClauses: ['data_location', 'audit_rights', 'security_measures', 'incident_notice', 'model_change_notice'],
      reviewCadenceMonths: 12,
      lastReviewedOn: daysAgo(60),
      ownerId: people.manager,
    }),
  );

  const fria = (await listImpacts(deps, orgId, { aiSystemId: credit.id }))[0];
  await saveAiActClassification(
    deps,
    actor,
    orgId,
    credit.id,
    ZAiActClassificationInput.parse({
      version: 0,
      prohibitedScreened: true,
      annexIIICategory: 'creditworthiness',
      profilesPeople: true,
      roles: ['provider', 'deployer'],
      friaImpactAssessmentId: fria?.id ?? null,
      notes: 'Built and used in-house: Northwind is both provider and deployer.',
    }),
  );
  await saveCustomerResponsibilities(
    deps,
    actor,
    orgId,
    credit.id,
    ZCustomerResponsibilities.parse({
      version: 0,
      items: [
        {
          topic: 'Broker partners using the score',
          ours: 'Publish the score’s limits and the referral band; notify partners of model changes 30 days ahead.',
          customers: 'Refer applications in the band to a Northwind underwriter; never decline on the score alone.',
        },
      ],
    }),
  );
}
