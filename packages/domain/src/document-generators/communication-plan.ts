import { PARTY_CATEGORIES, PARTY_CATEGORY_LABELS, type PartyCategory } from '../context';
import { bullets, doc, para, placeholder, subheading, type RichDoc } from '../rich-text';
import {
  answerList,
  answerText,
  inSentence,
  listSentence,
  midSentence,
  membersIn,
  raciNames,
  topManagementIn,
  type DocumentAnswers,
  type DocumentFacts,
} from './facts';

// The AIMS communication plan (7.4, A.8.3, A.8.5): what is said about the AIMS and the AI systems,
// to whom, when, how and by whom. Audiences come from the interested-party register; what each is
// owed comes from its recorded requirements. Who speaks for the organization is its own choice.

/** What each kind of interested party hears from the organization, and when. */
const EXTERNAL: Partial<Record<PartyCategory, string>> = {
  customers:
    'that AI is used where it affects them, what it does, its limits and how to reach a person; told in the product, in contracts and on request',
  affected_individuals:
    'that AI is used in decisions about them, how to get an explanation and a human review, and how to complain; told at the point of use and in decision letters',
  regulators:
    'the information and reports the law requires, on time and through the channel each one sets; incidents as the incident communication procedure says',
  suppliers:
    'the requirements they must meet, changes on either side that affect the AI systems, and incidents involving their part',
  partners: 'the rules of the data or models exchanged, changes to them, and incidents involving what is shared',
  owners_investors:
    'how the AIMS performs: the results of audits and management reviews, objectives and significant risks',
  employees: 'what the internal communication below provides',
  civil_society: 'the public information on how the organization uses AI, and answers to questions raised',
  certification_body:
    'the documents and records the audit asks for, and significant changes to the AIMS between audits',
};

export function communicationPlan(f: DocumentFacts, a: DocumentAnswers): Record<string, RichDoc> {
  const org = f.organization.name;
  const managers = membersIn(f, 'manager');
  const manager = managers.length ? listSentence(managers) : 'the AIMS manager';
  const channels = answerList(a, 'channels');
  const through = listSentence([
    'Fortytwo',
    ...(channels.length ? channels.map((c) => midSentence(c)) : ['the usual internal channels']),
  ]);
  const spokesperson = answerText(a, 'spokesperson');
  const incidents = raciNames(f, /incident|concern/i, 'accountable');
  const disclosed = f.aiSystems.filter((s) => s.inScope && (s.riskTier === 'limited' || s.riskTier === 'high'));
  const categories = PARTY_CATEGORIES.filter(
    (c) => EXTERNAL[c] && c !== 'employees' && f.parties.some((p) => p.category === c),
  );
  const withRequirements = f.parties.filter((p) => p.requirements.length);
  return {
    purpose: doc(
      para(
        `This plan says what ${org} communicates about its AI management system (AIMS) and its AI systems, to whom, when, how and who does it, so that people inside the organization can play their part and people outside it get what they are owed. It covers routine communication; incidents follow the incident communication procedure.`,
      ),
      para(
        `The plan is kept current by ${manager}. At each management review, top management checks that the communication it lists took place.`,
      ),
    ),
    internal: doc(
      para(`Inside ${org}, communication goes through ${through}:`),
      bullets([
        `**The AI policy and each new version**: to everyone, when it is published; acknowledged in Fortytwo; sent by ${manager}.`,
        `**AI objectives and progress towards them**: to the AIMS team and the owners of the AI systems, after each management review; by ${topManagementIn(f)}.`,
        `**Roles and responsibilities**: to the people concerned, when the RACI changes; by ${manager}.`,
        '**Planned changes to an AI system**: to its users and to those who support it, before the change goes live; by the owner of the system.',
        `**Incidents and lessons learned**: to those who need to act, at once; to everyone, in summary, once closed; by ${incidents ?? 'the person accountable for incidents'}.`,
        `**Results of internal audits and management reviews**: to the AIMS team and the owners of the processes audited, when the report or minutes are approved; by ${manager}.`,
        `**How to raise a concern about an AI system**: to everyone, when they join and once a year; by ${manager}.`,
      ]),
    ),
    external: doc(
      para(
        `Who speaks for ${org} about its AI systems to the media and the public: ${spokesperson ? inSentence(spokesperson) : placeholder('the role or person who speaks for the organization about its AI systems outside it')}. Everyone else refers such questions to them.`,
      ),
      categories.length
        ? bullets(
            categories.map((c) => {
              const names = f.parties.filter((p) => p.category === c).map((p) => p.name);
              return `**${PARTY_CATEGORY_LABELS[c]}** (${listSentence(names)}): ${EXTERNAL[c]!}.`;
            }),
          )
        : para(
            'No interested party outside the organization has been recorded yet; add them to the register in step 2, and this section lists what each is told.',
          ),
      disclosed.length ? subheading('Telling people they deal with AI') : null,
      disclosed.length
        ? para(
            `People who use or are affected by ${listSentence(disclosed.map((s) => s.name))} are told, before or when they deal with it, that AI is involved and how to reach a person instead.`,
          )
        : null,
    ),
    reporting: doc(
      para(
        `What ${org} owes its interested parties about its AI systems is taken from their recorded requirements. Each is met as follows, and the record of what was sent is kept with the requirement:`,
      ),
      withRequirements.length
        ? bullets(withRequirements.map((p) => `**${p.name}**: ${p.requirements.join('; ')}.`))
        : para('No requirement of an interested party has been recorded yet.'),
      para(
        `Interested parties can report an adverse effect of an AI system through the channels in the incident communication procedure; ${incidents ? `${incidents} is accountable for answering them` : 'the person accountable for incidents answers them'}. Technical documentation and information for users is provided with each AI system as its life-cycle procedure requires.`,
      ),
    ),
  };
}
