import { AI_ROLE_LABELS } from '../enums';
import { AI_SUB_ROLE_LABELS } from '../context';
import { bullets, doc, para, placeholder, subheading, type RichBlock, type RichDoc } from '../rich-text';
import { listSentence, type DocumentAnswers, type DocumentFacts } from './facts';

// The AIMS manual (4.4): how the management system works as a whole. Most of it is read from the
// context, scope, governance and RACI records; the process map is the part auditors read first.

/** The AIMS processes, their clauses and what connects them: the same for every organization, told in its terms. */
const PROCESSES: [name: string, refs: string, does: string][] = [
  [
    'Context and scope',
    '4.1–4.3',
    'keeps the issues, interested parties, AI roles and the scope current; feeds risk assessment and the policy',
  ],
  [
    'Leadership and policy',
    '5.1–5.3',
    'sets the AI policy, roles and responsibilities; receives management review results',
  ],
  [
    'AI risk management',
    '6.1.1–6.1.3, 8.2, 8.3',
    'assesses and treats AI risks against the criteria; produces the treatment plan and the Statement of Applicability',
  ],
  [
    'AI system impact assessment',
    '6.1.4, 8.4',
    'assesses effects on individuals, groups and society; feeds the risk assessment',
  ],
  ['Objectives and planning', '6.2, 6.3', 'turns the policy into measurable objectives and plans changes to the AIMS'],
  [
    'Support',
    '7.1–7.5',
    'provides resources, competence, awareness, communication and controlled documents to every other process',
  ],
  [
    'AI system life cycle and operation',
    '8.1, A.6',
    'develops, verifies, deploys, operates and retires AI systems under the controls chosen',
  ],
  ['Suppliers and customers', '8.1, A.10', 'manages AI from suppliers and commitments to customers'],
  [
    'Monitoring and internal audit',
    '9.1, 9.2',
    'measures the AIMS and checks that it conforms and works; feeds management review',
  ],
  ['Management review', '9.3', 'top management decides on changes, resources and improvements'],
  ['Improvement', '10.1, 10.2', 'corrects nonconformities, removes their causes and improves the AIMS'],
];

/**
 * The scope statement's paragraphs; the "- item: reason" lines become a list, the item in bold. Lines of
 * text and of items may alternate in a paragraph: each run of text lines is a paragraph, each run of
 * items a list, in the order written (text after a list was dropped).
 */
function statementBlocks(statement: string) {
  const item = (l: string) => l.slice(2).replace(/^([^:*]+): /, '**$1**: ');
  return statement.split('\n\n').flatMap((p) => {
    const blocks: RichBlock[] = [];
    let text: string[] = [];
    let items: string[] = [];
    const flush = () => {
      if (text.length) blocks.push(para(text.join(' ')));
      if (items.length) blocks.push(bullets(items));
      text = [];
      items = [];
    };
    for (const line of p.split('\n')) {
      const isItem = line.startsWith('- ');
      if (isItem ? text.length : items.length) flush();
      if (isItem) items.push(item(line));
      else text.push(line);
    }
    flush();
    return blocks;
  });
}

export function aimsManual(f: DocumentFacts, _a: DocumentAnswers): Record<string, RichDoc> {
  const org = f.organization.name;
  // The statement names the systems it covers; any it does not name (an older revision) are listed after it.
  const unnamed = f.aiSystems.filter((s) => s.inScope && !f.scope.statement?.includes(s.name));
  const internal = f.issues.filter((i) => i.kind === 'internal').map((i) => i.title);
  const external = f.issues.filter((i) => i.kind === 'external').map((i) => i.title);
  const climate =
    f.climate.relevant === null
      ? placeholder('Whether climate change is a relevant issue for the AIMS, and why')
      : `Climate change has been considered and ${f.climate.relevant ? 'is' : 'is not'} a relevant issue for the AIMS${f.climate.reason ? `: ${f.climate.reason}` : '.'}`;
  return {
    introduction: doc(
      para(
        `This manual describes the AI management system (AIMS) of ${org}: its context, its scope, the processes it is made of and how they work together. It is the starting point for anyone who needs to understand the AIMS, including auditors.`,
      ),
    ),
    context: doc(
      f.aiRoles.length
        ? para(
            `${org} acts as AI ${listSentence(f.aiRoles.map((r) => AI_ROLE_LABELS[r.role].toLowerCase()))}${f.aiRoles.some((r) => r.subRoles.length) ? `, in particular as ${listSentence(f.aiRoles.flatMap((r) => r.subRoles.map((s) => AI_SUB_ROLE_LABELS[s] ?? s)))}` : ''}.`,
          )
        : para(
            placeholder(
              'The AI roles of the organization (provider, producer, customer, partner, subject, relevant authority)',
            ),
          ),
      subheading('Internal issues'),
      internal.length ? bullets(internal) : para('No internal issue has been recorded yet.'),
      subheading('External issues'),
      external.length ? bullets(external) : para('No external issue has been recorded yet.'),
      para(climate),
    ),
    parties: f.parties.length
      ? doc(
          para('The interested parties that matter to the AIMS, and what they require:'),
          bullets(
            f.parties.map((p) =>
              p.requirements.length ? `**${p.name}**: ${p.requirements.join('; ')}` : `**${p.name}**`,
            ),
          ),
        )
      : doc(para(placeholder('The interested parties that matter to the AIMS and their requirements'))),
    scope: f.scope.statement
      ? doc(
          ...statementBlocks(f.scope.statement),
          unnamed.length ? para('The AI systems within the scope:') : null,
          unnamed.length ? bullets(unnamed.map((s) => `**${s.name}**: ${s.intendedPurpose}`)) : null,
          para(
            `This is revision ${f.scope.revision} of the scope, ${f.scope.approvedAt ? `approved on ${f.scope.approvedAt.slice(0, 10)}` : 'not yet approved'}. The scope document holds the full detail.`,
          ),
        )
      : doc(para(placeholder('The approved scope of the AIMS (approve the scope in step 2 first)'))),
    processes: doc(
      para(
        `The AIMS is made of the processes below. Each has an owner, takes inputs from the processes before it and gives results to those after it; together they form a plan–do–check–act cycle.`,
      ),
      bullets(PROCESSES.map(([name, refs, does]) => `**${name}** (${refs}): ${does}.`)),
    ),
    governance: f.pillars.length
      ? doc(
          para('The AIMS is governed through these pillars, each with an owner:'),
          bullets(
            f.pillars.map(
              (p) =>
                `**${p.label}**: ${p.owner ?? 'no owner named yet'}${p.policyStatements.length ? `. ${p.policyStatements.join(' ')}` : ''}`,
            ),
          ),
        )
      : doc(para('The governance framework has not been described yet.')),
    documents: doc(
      para(
        `AIMS documents are written, reviewed, approved and published in Fortytwo under the document control procedure. Each document carries a code starting with ${f.organization.codePrefix}, a version and its approval. The master list of documented information shows every document and record the AIMS keeps, its state and its next review.`,
      ),
    ),
  };
}
