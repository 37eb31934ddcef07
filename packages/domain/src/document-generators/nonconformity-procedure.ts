import { bullets, doc, para, placeholder, type RichDoc } from '../rich-text';
import {
  answerText,
  listSentence,
  midSentence,
  membersIn,
  raciNames,
  topManagementIn,
  type DocumentAnswers,
  type DocumentFacts,
} from './facts';

// The nonconformity and corrective action procedure (10.1, 10.2): where nonconformities come from,
// how they are corrected, how their cause is found, how corrective actions are owned, dated and
// checked, and how lessons change the AIMS. Actions live in Fortytwo with an owner and a due date.

export function nonconformityProcedure(f: DocumentFacts, a: DocumentAnswers): Record<string, RichDoc> {
  const org = f.organization.name;
  const managers = membersIn(f, 'manager');
  const keeper = managers.length ? listSentence(managers) : null;
  const incidents = raciNames(f, /incident|concern/i, 'accountable');
  const method = answerText(a, 'causeMethod');
  const systems = f.aiSystems.filter((s) => s.inScope).map((s) => s.name);
  return {
    purpose: doc(
      para(
        `This procedure sets out how ${org} deals with a nonconformity: a requirement of ISO/IEC 42001, of the law, of a contract or of its own AIMS documents that is not met. It covers correcting the problem, finding out why it happened, acting so that it does not happen again, and checking that the action worked.`,
      ),
      para('Nonconformities come from:'),
      bullets([
        'internal audits and certification audits;',
        `AI incidents and concerns raised${incidents ? ` (handled by ${incidents} under the incident communication procedure)` : ''};`,
        'monitoring of the AI systems and of the AIMS, when a threshold or an objective is missed;',
        'complaints from customers, users or people affected by an AI system;',
        'suppliers and partners, and the management review;',
        'anyone who notices a rule not being followed.',
      ]),
      para(
        keeper
          ? `Every nonconformity is recorded in Fortytwo and followed up until it is closed by ${keeper}.`
          : placeholder('Who records nonconformities and follows them up until they are closed'),
      ),
    ),
    correction: doc(
      para('When a nonconformity is found, the first aim is to stop it doing harm:'),
      bullets([
        `contain it: for an AI system${systems.length ? ` (such as ${listSentence(systems.slice(0, 3))})` : ''}, that may mean pausing it, narrowing what it decides, or putting its output under closer human review;`,
        'correct it: put right the decisions, records or documents it affected, and tell the people affected where they need to know;',
        'record what was found, when, by whom, what was done straight away, and its severity (major or minor, as the internal audit procedure grades them).',
      ]),
    ),
    cause: doc(
      para(
        `The owner of the process or AI system concerned then finds the cause, using ${method ? midSentence(method) : 'a method suited to the problem'}. The question is why the nonconformity could happen, not who caused it.`,
      ),
      para(
        'The cause is compared with other processes, AI systems and earlier nonconformities: could the same thing happen, or has it already happened, elsewhere? If so, those cases are treated too.',
      ),
      para(
        'A nonconformity that is minor, isolated and fully corrected may be closed without corrective action when the analysis shows it cannot recur; the reason is recorded.',
      ),
    ),
    action: doc(
      para(
        'The corrective action removes the cause, in proportion to the effects of the nonconformity. Each action is recorded in Fortytwo with an owner and a due date; a major nonconformity also has its plan agreed with the AIMS manager.',
      ),
      para(
        'When the action is done, someone other than its owner (for an audit finding, the auditor) checks whether it worked: the problem has not recurred, and the records show the new way of working. Only then is the nonconformity closed. If it did not work, the cause is analysed again.',
      ),
      para(
        'The record of each nonconformity keeps its nature, the actions taken and the result of the check, so that it can be shown later.',
      ),
    ),
    improvement: doc(
      para(
        `Beyond single nonconformities, ${org} looks for ways to make the AIMS work better: the trend of nonconformities and incidents, audit observations, ideas from staff and interested parties, and what monitoring shows. Improvements are recorded as actions with an owner and a date.`,
      ),
      para(
        `Where a nonconformity or an improvement shows that something in the AIMS must change (a risk, the Statement of Applicability, a procedure, an objective, training), that change is made through the usual process for it. The trend of nonconformities and the status of the actions are an input to every management review, where ${topManagementIn(f)} decides on further improvement.`,
      ),
    ),
  };
}
