import { ZCreateDocument, type DocumentAnswers } from '@fortytwo/domain';
import type { Actor } from '../platform/audit';
import type { FileStore } from '../platform/files';
import type { Deps } from '../platform/transaction';
import { createDocument } from '../modules/documents/drafts';
import { approveVersion, publishVersion, recordReview, submitForReview } from '../modules/documents/lifecycle';
import { updateSettings } from '../modules/documents/settings';
import { approveCriteria, getCriteria } from '../modules/risk/criteria';

// Step 3 of the demo lender: the document settings, four documents in force (the AI policy taken
// through review and approval with a reviewer, the risk methodology, the Statement of
// Applicability and the scope), the AIMS manual waiting in review, the treatment plan in draft,
// and the rest not written yet, so the master list has gaps to show. All through the services,
// so every step is in the audit trail and the approved files are stored by their SHA-256.

export const DEMO_TOP_MANAGEMENT = 'The executive board of Northwind Lending';

const POLICY_ANSWERS: DocumentAnswers = {
  ambition:
    'We use AI to decide on credit faster and more consistently, to stop fraud before it reaches our customers, and to answer their questions at any hour; a person at Northwind remains answerable for every decision that matters to a customer.',
  prohibitedUses: [
    'Declining a loan application on the strength of a model score alone, without an underwriter reviewing it',
    'Entering customer data into AI tools that have not been approved by the AIMS manager',
    'Using AI to infer health, ethnicity or other special categories of data about applicants',
  ],
  restrictedUses: [
    'Generative AI that writes to customers: approval by the AIMS manager and the head of customer service',
    'A new use of credit bureau data in a model: approval by the data protection officer',
  ],
  thirdPartyStance:
    'A new AI service, or an AI feature switched on in a tool we already use, is approved by the AIMS manager after a supplier assessment; where it affects customers or applicants, an impact assessment is signed off first.',
  relatedPolicies: [
    'Information security policy',
    'Data protection policy',
    'Credit policy',
    'Outsourcing and procurement policy',
  ],
};

type People = { owner: Actor; manager: Actor; contributor: Actor; auditor: Actor };

export async function seedDemoDocuments(deps: Deps, store: FileStore, orgId: string, people: People) {
  const { owner, manager, contributor, auditor } = people;
  const asOwner = { actor: owner, role: 'owner' as const };
  await updateSettings(deps, owner, orgId, {
    version: 0,
    codePrefix: 'NWL',
    classification: 'Internal',
    topManagement: DEMO_TOP_MANAGEMENT,
    defaultOwnerId: manager.userId,
    defaultApproverId: owner.userId,
  });

  // The methodology prints the criteria in force: the board approves them before it is written.
  const criteria = await getCriteria(deps, orgId);
  if (criteria.draft) await approveCriteria(deps, owner, orgId, { version: criteria.draft.version });

  const create = (typeId: string, answers: DocumentAnswers = {}) =>
    createDocument(deps, manager, orgId, ZCreateDocument.parse({ typeId, answers }));
  const submit = async (doc: Awaited<ReturnType<typeof create>>, changeSummary: string, reviewers: Actor[]) =>
    submitForReview(deps, manager, orgId, doc.id, doc.latest.id, {
      version: doc.latest.version,
      reviewerIds: reviewers.map((r) => r.userId!),
      dueDate: null,
      changeSummary,
    });
  const inForce = async (
    doc: Awaited<ReturnType<typeof create>>,
    changeSummary: string,
    reviewer: Actor | null,
    approval: string,
  ) => {
    let v = await submit(doc, changeSummary, reviewer ? [reviewer] : []);
    if (reviewer)
      v = await recordReview(deps, reviewer, orgId, doc.id, v.id, {
        version: v.version,
        decision: 'agree',
        comment: '',
      });
    v = await approveVersion(deps, store, asOwner, orgId, doc.id, v.id, { version: v.version, comment: approval });
    return publishVersion(deps, store, manager, orgId, doc.id, v.id, { version: v.version });
  };

  const policy = await create('ai-policy', POLICY_ANSWERS);
  await inForce(policy, 'First issue of the AI policy', contributor, 'Approved at the executive board meeting');
  await inForce(
    await create('risk-methodology'),
    'First issue, with the risk criteria approved by the board',
    auditor,
    'Approved with the risk criteria',
  );
  await inForce(
    await create('statement-of-applicability'),
    'First Statement of Applicability, while the remaining controls are decided',
    null,
    'Approved as the baseline for the stage-1 audit',
  );
  await inForce(await create('aims-scope'), 'Scope revision 1 as approved in step 2', null, 'Approved');

  // Waiting for its reviewer, and not yet started: the master list shows both.
  await submit(await create('aims-manual'), 'First issue of the AIMS manual', [auditor]);
  await create('risk-treatment-plan');
}
