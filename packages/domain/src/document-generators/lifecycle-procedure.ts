import { LIFECYCLE_STAGE_LABELS, LIFECYCLE_STAGES, type LifecycleStage } from '../enums';
import { bullets, doc, para, placeholder, subheading, type RichDoc } from '../rich-text';
import {
  answerText,
  inSentence,
  listSentence,
  midSentence,
  raciNames,
  type DocumentAnswers,
  type DocumentFacts,
} from './facts';

// The AI system life-cycle procedure (8.1, A.6.1.2–A.6.2.8): the stages every AI system passes
// through, what is produced and decided at each gate, what counts as a significant change, and what
// is documented and logged. It uses the inventory's own stages and names the systems at each.

/** What each stage produces and what must be true to leave it. */
const STAGES: Record<LifecycleStage, string> = {
  idea: 'the purpose, the intended users and the people affected are written down; the system is entered in the AI inventory with an owner and a first risk tier',
  design:
    'the requirements are written, including the objectives for responsible development, measures of performance and fairness with their thresholds, the human oversight the system needs and the data it needs; the design choices and the reasons for them are recorded; the impact assessment is started',
  development:
    'data is acquired and prepared under the data management procedure; models are built or configured; what was tried and chosen is recorded so that it can be repeated',
  verification:
    'the system is tested against its requirements and thresholds, including for unfair differences between groups, robustness and misuse; results are recorded with the data used; the risks are assessed and treated',
  deployment:
    'a deployment plan, the information for users and the monitoring are ready; the impact assessment is signed off; remaining risks are within the acceptance level or accepted',
  operation:
    'performance, drift, complaints and incidents are monitored against the thresholds; repairs and updates go through change control; the assessments are repeated on their cycle',
  retired:
    'users are told, the system is switched off, its data and models are kept or disposed of as their retention requires, and its records are kept',
};

export function lifecycleProcedure(f: DocumentFacts, a: DocumentAnswers): Record<string, RichDoc> {
  const org = f.organization.name;
  const live = f.aiSystems.filter((s) => s.lifecycleStage !== 'retired');
  const bought = live.filter((s) => s.thirdParties.length);
  const at = (stage: LifecycleStage) => f.aiSystems.filter((s) => s.lifecycleStage === stage).map((s) => s.name);
  const approval = answerText(a, 'deploymentApproval');
  const logs = answerText(a, 'logRetention');
  const oversight = raciNames(f, /oversight/i, 'accountable');
  const objectives = f.pillars.flatMap((p) => p.objectives);
  return {
    purpose: doc(
      para(
        `This procedure sets out the stages every AI system of ${org} passes through, from the first idea to retirement, what must be produced and decided at each, and who lets a system move on. It applies to systems ${org} builds, to systems built for it by others to its requirements, and, for the stages it controls, to AI it buys.`,
      ),
      live.length
        ? para('The AI systems it covers today, with their stage and owner:')
        : para(
            'No AI system has been recorded in the inventory yet; each one follows this procedure from the day it is.',
          ),
      live.length
        ? bullets(
            live.map(
              (s) =>
                `**${s.name}**: ${LIFECYCLE_STAGE_LABELS[s.lifecycleStage].toLowerCase()}${s.owner ? `, owned by ${s.owner}` : ', no owner named yet'}${s.inScope ? '' : ' (not in the scope of the AIMS)'}`,
            ),
          )
        : null,
      bought.length
        ? para(
            `For ${listSentence(bought.map((s) => s.name))}, suppliers do part of the work; what they must provide at each stage is agreed under the supplier procedure, and ${org} still decides at every gate.`,
          )
        : null,
    ),
    objectives: doc(
      para(
        'Every AI system is designed and built to meet these objectives; each is turned into requirements with a measure and a threshold, written down before development starts and checked at verification:',
      ),
      bullets([
        'Outcomes are checked for unjustified differences between groups of people.',
        'People can tell when they deal with AI, and get an explanation suited to them.',
        'A competent person can understand, question and override the system where its output matters.',
        'The system performs reliably within its intended use, and fails safely outside it.',
        'Personal data is used lawfully and no more than needed, and the system is protected against misuse.',
      ]),
      objectives.length
        ? para(
            `The AI objectives of the governance framework apply to every system as well: ${listSentence(objectives.map((o) => midSentence(o)))}.`,
          )
        : null,
      para(
        oversight
          ? `The human oversight each system needs is designed with ${oversight}, who is accountable for oversight in use.`
          : placeholder('Who is accountable for human oversight of AI systems in use (name them in the RACI)'),
      ),
    ),
    stages: doc(
      para(
        'At each stage the owner of the system makes sure the following is done and recorded in Fortytwo (the inventory, the risk register and the impact assessments) before the system moves on:',
      ),
      bullets(
        LIFECYCLE_STAGES.map((stage) => {
          const now = at(stage);
          return `**${LIFECYCLE_STAGE_LABELS[stage]}**: ${STAGES[stage]}.${now.length ? ` Now at this stage: ${listSentence(now)}.` : ''}`;
        }),
        true,
      ),
      subheading('Who approves'),
      para(
        `The owner of the system approves each step to the next stage. Deployment, and a return to operation after a significant change, is approved by: ${approval ? inSentence(approval) : placeholder('who approves deployment')}.`,
      ),
    ),
    changes: doc(
      para(
        'A change is significant when it changes the intended purpose, the users or the people affected, the kind of data used, the model or its supplier, the degree of automation or human oversight, or the countries where the system is used; or when monitoring shows the system no longer meets its thresholds.',
      ),
      para(
        "A significant change is planned like a new stage: it is described, the risk assessment and the impact assessment are made again before it goes live, it is verified, and its deployment is approved as above. The change and its approval are recorded in the inventory's history. Smaller changes are tested and recorded by the owner.",
      ),
    ),
    documentation: doc(
      para('For each system the owner keeps, and keeps current:'),
      bullets([
        'the requirements and the design record, with the reasons for the main choices;',
        'the data used and its data sheets, as the data management procedure requires;',
        'the verification and validation results;',
        'technical documentation for those who operate, maintain or audit the system, and information for users on what the system does, its limits and how to get help;',
        'the deployment plan and the monitoring set up, with their results.',
      ]),
      para(
        'In operation, each system logs the events needed to trace what it did and why: the inputs and outputs of decisions about people (or a reference to them), the model version used, human overrides, errors and unusual behaviour.',
      ),
      para(`Event logs are kept: ${logs ? inSentence(logs) : placeholder('how long event logs are kept')}.`),
    ),
  };
}
