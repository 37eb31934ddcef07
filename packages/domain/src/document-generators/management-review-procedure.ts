import { bullets, doc, para, placeholder, type RichDoc } from '../rich-text';
import {
  answerText,
  listSentence,
  membersIn,
  raciNames,
  timesAYear,
  type DocumentAnswers,
  type DocumentFacts,
} from './facts';

// The management review procedure (9.3): top management reviews the AIMS at planned intervals,
// with a fixed set of inputs prepared from the records, and its decisions become owned, dated
// actions. Who chairs, who prepares and who attends are read from the settings, RACI and pillars.

const ACTIVITY = /management review/i;

export function managementReviewProcedure(f: DocumentFacts, a: DocumentAnswers): Record<string, RichDoc> {
  const org = f.organization.name;
  const top = f.organization.topManagement;
  const preparers =
    raciNames(f, ACTIVITY, 'responsible') ??
    (membersIn(f, 'manager').length ? listSentence(membersIn(f, 'manager')) : null);
  const accountable = raciNames(f, ACTIVITY, 'accountable');
  const pillarOwners = [...new Set(f.pillars.map((p) => p.owner).filter((o): o is string => !!o))];
  const auditors = membersIn(f, 'internal_auditor');
  const often = timesAYear(answerText(a, 'reviewsPerYear')) ?? 'once a year';
  const inScope = f.aiSystems.filter((s) => s.inScope).map((s) => s.name);
  return {
    purpose: doc(
      para(
        `${top} reviews the AI management system (AIMS) of ${org} to decide whether it still suits the organization, is adequate for what it must achieve, and works; and to decide what must change. The review is where ${top} takes responsibility for the AIMS and gives it direction and resources.`,
      ),
      para(`${top} chairs the review. Also taking part:`),
      bullets(
        [
          preparers ? `${preparers}, to prepare the inputs and write the minutes;` : null,
          pillarOwners.length ? `the owners of the governance pillars: ${listSentence(pillarOwners)};` : null,
          auditors.length ? `${listSentence(auditors)}, for the results of internal audits;` : null,
          'the owners of AI systems and of processes on the agenda, when invited.',
        ].filter((x): x is string => x !== null),
      ),
      preparers
        ? null
        : para(placeholder('Who prepares the inputs and the minutes of the management review (name them in the RACI)')),
      accountable ? para(`Accountable for the review being held and followed up: ${accountable}.`) : null,
    ),
    frequency: doc(
      para(
        `Management reviews are held ${often}, at dates set at the start of the year, and at least once before each certification or surveillance audit.`,
      ),
      para(
        'An extra review is called after a serious AI incident, a major nonconformity, a significant change to the scope or the AI systems, or a change in the law that affects them.',
      ),
    ),
    inputs: doc(
      para(
        `The inputs are prepared from the records in Fortytwo and sent to the participants a week before the review${inScope.length ? `. They cover the AI system${inScope.length === 1 ? '' : 's'} in scope (${listSentence(inScope)}) and any proposed for it` : ''}:`,
      ),
      bullets([
        'what became of the actions decided at earlier reviews;',
        'changes in the internal and external issues that matter to the AIMS, including new laws and guidance on AI;',
        'changes in what interested parties need and expect, and their feedback and complaints;',
        'how the AIMS is performing: nonconformities and corrective actions, monitoring and measurement results, internal audit results, and progress against the AI objectives;',
        'the AI risks, their treatment and the residual risks accepted, and whether the risk criteria still fit;',
        'impact assessments made since the last review, and what they found;',
        'AI incidents and their trend;',
        'AI systems added, changed or retired, and suppliers of AI;',
        'whether resources are adequate;',
        'opportunities to improve.',
      ]),
    ),
    outputs: doc(
      para(`${top} decides:`),
      bullets([
        'whether the AIMS is still suitable, adequate and effective, and why;',
        'improvements to make;',
        'changes to the AIMS: its scope, policy, objectives, risk criteria, processes or controls;',
        'the resources needed.',
      ]),
      para(
        'Each decision that needs work becomes an action in Fortytwo with an owner and a due date, and is followed at the next review. The minutes record the date, who took part, the inputs considered, the conclusions and the decisions with their actions; they are approved by the chair, kept as evidence of the review, and communicated as the communication plan says.',
      ),
    ),
  };
}
