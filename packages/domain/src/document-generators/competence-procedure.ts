import { AI_ROLE_LABELS, type Role } from '../enums';
import { bullets, doc, para, placeholder, subheading, type RichDoc } from '../rich-text';
import { answerText, listSentence, membersIn, suppliersOf, type DocumentAnswers, type DocumentFacts } from './facts';

// The competence and awareness procedure (7.2, 7.3, A.4.6): the competence each AIMS activity
// needs, read from who holds it in the RACI; how gaps are closed and checked; how everyone learns
// the AI policy. Where the evidence is kept is the organization's to say.

/** What doing an AIMS activity well takes, by the activity's usual name. */
const NEEDS: [RegExp, string][] = [
  [/risk assessment/i, 'the risk criteria and method, and enough of each AI system to see how it can fail'],
  [
    /risk treatment|acceptance/i,
    'the Annex A controls, the treatment options, and how to tell whether a treatment works',
  ],
  [
    /impact assessment/i,
    'the groups the AI systems affect, effects on fairness, rights and safety, and the impact assessment procedure',
  ],
  [/data/i, 'data quality, bias and representativeness checks, provenance records and the rules on personal data'],
  [/oversight/i, 'what the AI system can and cannot do, and when and how to question, correct or stop its output'],
  [/security/i, 'threats particular to AI (poisoned data, manipulated inputs, model theft) and how they are countered'],
  [/privacy/i, 'data protection law as it applies to building and using AI'],
  [/supplier|third/i, 'how to assess a supplier of AI and what to require of it in a contract'],
  [/audit/i, 'the standard, audit technique and sampling; auditors do not audit their own work'],
  [/management review/i, 'the AIMS as a whole and the review inputs the procedure lists'],
  [/document/i, 'the document control procedure and how documents are approved and published in Fortytwo'],
  [/incident|concern/i, 'recognising an AI incident, judging its severity and the incident communication procedure'],
];
const ROLE_WORDS: Record<Role, string> = {
  owner: 'owner',
  manager: 'AIMS manager',
  contributor: 'contributor',
  approver: 'approver',
  internal_auditor: 'internal auditor',
  external_auditor: 'external auditor',
  viewer: 'viewer',
};
const needsOf = (activity: string) =>
  NEEDS.find(([re]) => re.test(activity))?.[1] ??
  'the procedure that governs the activity and the AI systems it concerns';

export function competenceProcedure(f: DocumentFacts, a: DocumentAnswers): Record<string, RichDoc> {
  const org = f.organization.name;
  const team = f.members.filter((m) => m.role !== 'viewer');
  const owned = f.aiSystems.filter((s) => s.lifecycleStage !== 'retired' && s.owner);
  const owners = [...new Set(owned.map((s) => s.owner!))].map(
    (o) => `${o} (${listSentence(owned.filter((s) => s.owner === o).map((s) => s.name))})`,
  );
  const suppliers = suppliersOf(f).map((s) => s.name);
  const assigned = f.raci.filter((r) => r.accountable.length || r.responsible.length);
  const managers = membersIn(f, 'manager');
  const roles = new Set(f.aiRoles.map((r) => r.role));
  const location = answerText(a, 'evidenceLocation');
  return {
    purpose: doc(
      para(
        `This procedure sets out how ${org} makes sure that the people whose work affects its AI systems or its AI management system (AIMS) are competent to do it, and that everyone knows the AI policy and their part in it.`,
      ),
      para('It covers:'),
      bullets([
        team.length
          ? `the members of the AIMS team: ${listSentence(team.map((m) => `${m.name} (${ROLE_WORDS[m.role]})`))};`
          : 'the members of the AIMS team;',
        owners.length ? `the owners of the AI systems: ${listSentence(owners)};` : 'the owners of the AI systems;',
        'everyone who designs, builds, tests, operates or oversees an AI system, or uses its output to make decisions about people;',
        suppliers.length
          ? `people of suppliers and partners who do such work for ${org} (today: ${listSentence(suppliers)}), whose competence is agreed in the contract.`
          : `people of suppliers and partners who do such work for ${org}, whose competence is agreed in the contract.`,
      ]),
    ),
    requirements: doc(
      para(
        `The competence needed is set per AIMS activity, for whoever is responsible or accountable for it in the RACI (the AI roles and responsibilities document), and per AI role that ${org} holds. It is written in each person's role description and reviewed when the activity or the AI systems change.`,
      ),
      assigned.length ? subheading('By AIMS activity') : null,
      assigned.length
        ? bullets(
            assigned.map(
              (r) =>
                `**${r.activity}** (${[r.accountable.length ? `accountable: ${listSentence(r.accountable)}` : '', r.responsible.length ? `responsible: ${listSentence(r.responsible)}` : ''].filter(Boolean).join('; ')}): ${needsOf(r.activity)}.`,
            ),
          )
        : para(
            placeholder(
              'Who does which AIMS activity (assign them in the RACI in step 2), so the competence each needs can be set',
            ),
          ),
      roles.size ? subheading('By AI role') : null,
      roles.size
        ? bullets(
            [
              roles.has('producer')
                ? `As AI ${AI_ROLE_LABELS.producer.toLowerCase()}: those who develop, test and run models need machine-learning engineering, validation and testing for bias, and knowledge of the life-cycle procedure.`
                : null,
              roles.has('provider')
                ? `As AI ${AI_ROLE_LABELS.provider.toLowerCase()}: those who deal with customers and users need to explain what the AI does, its limits, and how to get a human decision.`
                : null,
              roles.has('customer')
                ? `As AI ${AI_ROLE_LABELS.customer.toLowerCase()}: those who choose or use AI from others need to judge a supplier's claims and know the limits of what they use.`
                : null,
              roles.has('partner')
                ? `As AI ${AI_ROLE_LABELS.partner.toLowerCase()}: those who exchange data or models with partners need the agreed rules of that exchange.`
                : null,
            ].filter((x): x is string => x !== null),
          )
        : null,
    ),
    development: doc(
      para(
        `Each person's competence is compared with what their activity needs by ${managers.length ? listSentence(managers) : 'the AIMS manager'}: when they take the activity on, when an AI system or the way it is used changes, and at least once a year. A gap is closed by training, coaching by a colleague, a change of duties, hiring, or bringing in a contractor; the action, its owner and its date are recorded as an action in Fortytwo.`,
      ),
      para(
        "Whether the action worked is checked once it is done: by a short test or an observed piece of work, by the person's manager, or by the results of internal audits and reviews. An action that did not work is followed by another.",
      ),
    ),
    awareness: doc(
      para(
        `Everyone who works for ${org} or on its behalf learns, when they join and again when something material changes:`,
      ),
      bullets([
        'the AI policy, and where to find it;',
        'how their own work affects the AI systems and the AIMS, and what it contributes to the AI objectives;',
        'what can happen when the AIMS is not followed: harm to the people the systems affect, and to the organization;',
        'how to raise a concern about an AI system or report an incident.',
      ]),
      para(
        `Each published version of the AI policy is acknowledged in Fortytwo by every member; a new major version is acknowledged again. ${f.organization.topManagement} repeats the main messages at least once a year. Who has acknowledged, and who has not yet, is followed up by the AIMS manager.`,
      ),
    ),
    records: doc(
      para(
        'The evidence of competence kept for each person: qualifications and certificates, training attended with its date, relevant experience (a CV or a role history), and the checks that actions worked. Acknowledgements of the AI policy are kept in Fortytwo with their dates.',
      ),
      para(
        location
          ? `Where it is kept: ${location}`
          : placeholder('Where CVs, certificates and training records are kept, and who may see them'),
      ),
      para(
        'Evidence is kept for as long as the person does the work, and for two years after; it is protected like other personal data.',
      ),
    ),
  };
}
