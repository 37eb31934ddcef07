import { ZControlImplementationInput, ZCreateEvidenceLink, ZOccurrenceInput } from '@fortytwo/domain';
import type { Actor } from '../platform/audit';
import type { Deps } from '../platform/transaction';
import { saveImplementation } from '../modules/controls/implementation';
import { recordOccurrence } from '../modules/controls/occurrences';
import { readControl } from '../modules/controls/read';
import { createLinkEvidence } from '../modules/evidence/service';
import { listDocuments } from '../modules/documents/read';

// Step 4, controls in operation: a few included controls run on a cadence with their runs recorded
// over the last months (one overdue, one that found issues), one still being implemented, one
// planned and late. Dates count back from today so the demo always looks current.

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const inDays = (n: number) => daysAgo(-n);

type Run = { daysAgo: number; outcome: 'ok' | 'issues_found'; notes: string; by: string; evidence?: string };
type Plan = {
  ref: string;
  ownerId: string;
  status: 'planned' | 'implementing' | 'operating';
  description: string;
  cadenceMonths?: number;
  dueOn?: string;
  documentTitle?: RegExp;
  runs?: Run[];
};

export async function seedDemoControls(
  deps: Deps,
  actor: Actor,
  orgId: string,
  people: { manager: string; contributor: string },
) {
  const documents = await listDocuments(deps.db, orgId);
  const plans: Plan[] = [
    {
      ref: 'A.2.2',
      ownerId: people.manager,
      status: 'operating',
      description:
        'The AI policy is reviewed by the AI governance board once a year and after any major change to our AI systems.',
      cadenceMonths: 12,
      documentTitle: /policy/i,
      runs: [
        {
          daysAgo: 130,
          outcome: 'ok',
          notes: 'Annual review: two principles reworded, approved by the board.',
          by: people.manager,
          evidence: 'Board minutes: AI policy review',
        },
      ],
    },
    {
      ref: 'A.6.2.6',
      ownerId: people.contributor,
      status: 'operating',
      description:
        'The assistant’s answers are sampled each quarter: 200 conversations checked against approved content; misses go to the content team.',
      cadenceMonths: 3,
      runs: [
        {
          daysAgo: 200,
          outcome: 'ok',
          notes: '200 conversations sampled, no answer outside approved content.',
          by: people.contributor,
          evidence: 'Q1 conversation sample results',
        },
        {
          daysAgo: 110,
          outcome: 'issues_found',
          notes: '3 answers quoted an outdated rate table; content updated and filter tightened.',
          by: people.contributor,
          evidence: 'Q2 conversation sample results',
        },
        { daysAgo: 20, outcome: 'ok', notes: 'Sample clean after the filter change.', by: people.manager },
      ],
    },
    {
      ref: 'A.7.4',
      ownerId: people.manager,
      status: 'operating',
      description:
        'Monthly data-quality report on the credit model’s input features: completeness, drift and label delays.',
      cadenceMonths: 1,
      runs: [
        { daysAgo: 100, outcome: 'ok', notes: 'All features within thresholds.', by: people.manager },
        {
          daysAgo: 70,
          outcome: 'ok',
          notes: 'Income field completeness dipped to 97 %; within threshold.',
          by: people.manager,
        },
        { daysAgo: 40, outcome: 'ok', notes: 'Within thresholds.', by: people.contributor },
      ],
    },
    {
      ref: 'A.6.2.4',
      ownerId: people.contributor,
      status: 'implementing',
      description: 'A release checklist with a second reviewer, being rolled out to both model teams.',
      dueOn: inDays(30),
    },
    {
      ref: 'A.9.2',
      ownerId: people.manager,
      status: 'planned',
      description: 'Written procedure for responsible use of the assistant by agents.',
      dueOn: daysAgo(10),
    },
  ];
  for (const p of plans) {
    const current = await readControl(deps.db, orgId, p.ref);
    const doc = p.documentTitle ? documents.find((d) => p.documentTitle!.test(d.title)) : undefined;
    await saveImplementation(
      deps,
      actor,
      orgId,
      p.ref,
      ZControlImplementationInput.parse({
        version: current.version,
        status: p.status,
        ownerId: p.ownerId,
        description: p.description,
        cadenceMonths: p.cadenceMonths ?? null,
        dueOn: p.dueOn ?? null,
        documentIds: doc ? [doc.id] : [],
      }),
    );
    for (const r of p.runs ?? []) {
      const after = await recordOccurrence(
        deps,
        actor,
        orgId,
        p.ref,
        ZOccurrenceInput.parse({
          performedOn: daysAgo(r.daysAgo),
          performedById: r.by,
          outcome: r.outcome,
          notes: r.notes,
        }),
      );
      const run = after.occurrences.find((o) => o.performedOn === daysAgo(r.daysAgo))!;
      if (r.evidence)
        await createLinkEvidence(
          deps,
          actor,
          orgId,
          ZCreateEvidenceLink.parse({
            title: r.evidence,
            url: `https://intranet.example.com/controls/${p.ref}/${daysAgo(r.daysAgo)}`,
          }),
          { subjectType: 'control_occurrence', subjectId: run.id },
        );
    }
  }

  // The evidence library beyond the runs: proof with review dates, one due for renewal within the
  // month and one already past it, so the register flags both and their owners find them in My tasks.
  const kept: { title: string; url: string; ownerId: string; effectiveOn: string; expiresOn: string; ref: string }[] = [
    {
      title: 'Penetration test of the credit scoring API',
      url: 'https://intranet.example.com/security/pentest-credit-api',
      ownerId: people.manager,
      effectiveOn: daysAgo(350),
      expiresOn: inDays(15),
      ref: 'A.6.2.6',
    },
    {
      title: 'Data processing agreement with the LLM provider',
      url: 'https://intranet.example.com/legal/dpa-llm-provider',
      ownerId: people.contributor,
      effectiveOn: daysAgo(370),
      expiresOn: daysAgo(5),
      ref: 'A.10.3',
    },
    {
      title: 'AI system impact assessment method, approved',
      url: 'https://intranet.example.com/governance/impact-method',
      ownerId: people.manager,
      effectiveOn: daysAgo(200),
      expiresOn: inDays(165),
      ref: 'A.5.2',
    },
  ];
  for (const e of kept)
    await createLinkEvidence(
      deps,
      actor,
      orgId,
      ZCreateEvidenceLink.parse({
        title: e.title,
        url: e.url,
        ownerId: e.ownerId,
        effectiveOn: e.effectiveOn,
        expiresOn: e.expiresOn,
      }),
      { subjectType: 'control', subjectId: e.ref },
    );
}
