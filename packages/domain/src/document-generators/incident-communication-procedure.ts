import { bullets, doc, para, placeholder, subheading, type RichDoc } from '../rich-text';
import {
  answerText,
  inSentence,
  listSentence,
  midSentence,
  raciNames,
  suppliersOf,
  type DocumentAnswers,
  type DocumentFacts,
} from './facts';

// The AI incident communication procedure (A.8.3, A.8.4, A.8.5, 10.2): what an AI incident is, how
// it is reported, judged and communicated, and how it leads to corrective action. Regulators and
// their reporting duties come from the interested-party register; the reporting channel is the
// organization's own.

/** A recorded requirement that is a duty to report incidents (not any report at all). */
const REPORTING = /incident|notif|breach/i;

export function incidentCommunicationProcedure(f: DocumentFacts, a: DocumentAnswers): Record<string, RichDoc> {
  const org = f.organization.name;
  const systems = f.aiSystems.filter((s) => s.inScope);
  const accountable = raciNames(f, /incident|concern/i, 'accountable');
  const responsible = raciNames(f, /incident|concern/i, 'responsible');
  const channel = answerText(a, 'reportingChannel');
  const within = answerText(a, 'assessmentTime');
  const regulators = f.parties.filter((p) => p.category === 'regulators');
  const duties = f.parties.flatMap((p) =>
    p.requirements.filter((r) => REPORTING.test(r)).map((r) => `**${p.name}**: ${r}`),
  );
  const suppliers = suppliersOf(f).map((s) => s.name);
  const decider = accountable ?? 'the person accountable for incidents';
  return {
    purpose: doc(
      para(
        `This procedure sets out how ${org} learns of incidents involving its AI systems, judges them, tells the people who need to know, and makes sure they do not happen again. An AI incident is any event in which an AI system harmed, or could have harmed, people, their rights, the organization or society: a wrong or unfair decision, a system used outside its intended purpose, a failure of human oversight, a leak of data through the system, or behaviour nobody expected.`,
      ),
      systems.length
        ? para(
            `It covers every AI system in the scope of the AIMS: ${listSentence(systems.map((s) => s.name))}; and AI from suppliers used in them.`,
          )
        : para('It covers every AI system in the scope of the AIMS, and AI from suppliers used in them.'),
      para(
        accountable
          ? `Accountable for incidents and concerns: ${accountable}${responsible ? `; responsible for handling them: ${responsible}` : ''}.`
          : placeholder('Who is accountable for AI incidents and concerns (name them in the RACI)'),
      ),
    ),
    reporting: doc(
      para(
        'Anyone can report a problem with an AI system: users, customers, people affected by a decision, staff, and suppliers.',
      ),
      para(
        `Where to report: ${channel ? inSentence(channel) : placeholder('where users, customers and staff report a problem with an AI system')}.`,
      ),
      para(
        'Staff report anything that looks wrong without waiting to be sure; a concern can be raised in confidence, and nobody is penalised for raising one in good faith. Each report is recorded with its date, who reported it, the AI system and what happened, and the reporter is told it was received and who is dealing with it.',
      ),
    ),
    assessment: doc(
      para(
        `Each report is assessed by ${responsible ?? 'the person responsible for incidents'} together with the owner of the AI system, ${within ? midSentence(within) : 'promptly'}, and given one of these severities:`,
      ),
      bullets([
        '**Serious**: people were or could be harmed, treated unlawfully or unfairly at scale, or a legal duty to report may apply. The AI system, or the affected function, is stopped or put under closer human control at once, and top management is told the same day.',
        '**Significant**: a wrong result reached people, or a control failed, but the harm is limited and can be put right.',
        '**Minor**: a fault caught before it reached anyone, or with no effect on people.',
      ]),
      para(
        'The assessment records what happened, who was affected and how many, the immediate action taken, and whether the incident must be reported outside the organization.',
      ),
    ),
    communication: doc(
      para(`${decider} decides who is told, by whom and when, following these rules:`),
      bullets([
        'people affected are told what happened, what it means for them and what they can do, as soon as the facts are clear enough not to mislead; a decision about a person that the incident made wrong is reviewed by a person and put right;',
        `${f.organization.topManagement} is told of every serious incident the same day, and of the others in the next management review;`,
        regulators.length
          ? `regulators (${listSentence(regulators.map((r) => r.name))}) are told within the time and through the channel the law or their rules set;`
          : 'regulators are told where the law requires it, within the time and through the channel it sets;',
        suppliers.length
          ? `suppliers whose part is involved (${listSentence(suppliers)}) are told so that they can act, and are asked for what they know;`
          : 'suppliers whose part is involved are told so that they can act;',
        'customers who use the AI system are told when the incident affects what they receive, as their contract says.',
      ]),
      duties.length ? subheading('Reporting duties recorded') : null,
      duties.length ? bullets(duties) : null,
      para(
        'Only the people named in the communication plan speak about an incident in public. What was said, to whom and when is recorded with the incident.',
      ),
    ),
    followup: doc(
      para(
        'Every serious and significant incident is recorded as a nonconformity and handled under the nonconformity and corrective action procedure: the cause is found, actions are taken so it does not happen again, and their effect is checked before the incident is closed.',
      ),
      para(
        'The risk assessment and the impact assessment of the AI system are made again where the incident showed something they missed. A short account of the lessons is shared with those who can use them, and incidents and their trend are an input to each management review.',
      ),
    ),
  };
}
