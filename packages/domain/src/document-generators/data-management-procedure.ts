import { bullets, doc, para, placeholder, subheading, type RichDoc } from '../rich-text';
import { answerList, listSentence, raciNames, type DocumentAnswers, type DocumentFacts } from './facts';

// The data management procedure for AI (A.7.2–A.7.6, A.4.3): how data for AI systems is chosen,
// checked, traced and prepared. It names the systems in scope and the outside sources the inventory
// records for them; the quality checks are asked in the wizard, with a sensible starting list.

const ACTIVITY = /data/i;

export function dataManagementProcedure(f: DocumentFacts, a: DocumentAnswers): Record<string, RichDoc> {
  const org = f.organization.name;
  const systems = f.aiSystems.filter((s) => s.inScope || ['idea', 'design', 'development', 'verification'].includes(s.lifecycleStage));
  const outside = systems.filter((s) => s.thirdParties.length);
  const accountable = raciNames(f, ACTIVITY, 'accountable');
  const responsible = raciNames(f, ACTIVITY, 'responsible');
  const checks = answerList(a, 'qualityChecks');
  const dataPillar = f.pillars.find((p) => /data/i.test(p.label));
  const builds = f.aiRoles.some((r) => r.role === 'producer');
  return {
    purpose: doc(
      para(
        `This procedure sets out how ${org} chooses, checks, traces and prepares the data its AI systems learn from and work on: data for training, for validation and testing, and the data a system receives in operation. It applies to data ${org} collects itself and to data it obtains from others.`,
      ),
      systems.length ? para('It covers the data of these AI systems (in the scope of the AIMS, or being prepared for it):') : para('No AI system has been recorded yet; the procedure applies to the data of each one from its first design.'),
      systems.length ? bullets(systems.map((s) => `**${s.name}**: ${s.intendedPurpose}`)) : null,
      builds ? null : para(`${org} does not train models itself today: for the AI it uses, the procedure applies to the data it sends to those systems and to what it asks of its suppliers about theirs.`),
      para(accountable ? `Accountable for data used by AI systems: ${accountable}${responsible ? `; responsible for the work: ${responsible}` : ''}.` : placeholder('Who is accountable for the data used by AI systems (name them in the RACI)')),
    ),
    acquisition: doc(
      para('Before a source of data is used for an AI system, its owner records and the person accountable for data approves:'),
      bullets([
        'what the data is, where it comes from, and which AI system will use it and for what;',
        'the right to use it for that purpose: the licence or contract, or for personal data the lawful basis and, where needed, the consent; and any restriction on use or sharing;',
        'whether it contains personal or otherwise sensitive data, and how much of it is really needed;',
        'why this source was chosen over others, and what it is known to lack or over-represent.',
      ]),
      outside.length ? subheading('Data and models from outside today') : null,
      outside.length ? bullets(outside.map((s) => `**${s.name}**: ${s.thirdParties.join('; ')}`)) : null,
      outside.length ? para('For each, the contract says what the data may be used for and what the supplier tells us about its origin and quality; the supplier procedure covers the checks.') : null,
    ),
    quality: doc(
      para('For each AI system the requirements say what quality its data needs, with a threshold for each measure. Before data is used for training, validation or testing, and regularly for data in operation, it is checked against them:'),
      checks.length ? bullets(checks) : para(placeholder('The quality checks made on data before it is used')),
      para('Results are recorded with the data set and its version. Data that fails a check is not used until the problem is fixed or the owner of the system accepts it with a recorded reason; a failure in operation is handled as an incident.'),
      dataPillar?.objectives.length ? para(`Objectives for data: ${listSentence(dataPillar.objectives)}.`) : null,
    ),
    provenance: doc(
      para(
        'Each data set has a data sheet, kept with the AI system\'s records: its source and how it was obtained, the rights attached, when it was collected and last updated, who is responsible for it, what it contains, known gaps and biases, the quality results, and how long it is kept.',
      ),
      para('Every change to a data set (new data, corrections, removals, relabelling) is recorded with its date, the reason and who made it, and a new version is identified, so that any model can be traced back to the exact data it was built and tested with.'),
    ),
    preparation: doc(
      para('Preparation covers cleaning, filling or removing missing values, labelling, removing or masking personal data, balancing, and splitting into training, validation and test sets. The methods are chosen for what the AI system needs and written down before use, with the reason for each.'),
      para('Preparation is done by scripts kept under version control where possible, so that it can be repeated; manual steps are described well enough for someone else to repeat them. Labels are checked by a second person on a sample, and the agreement between them recorded.'),
      para('The data sheet records which preparation was applied to each version of the data, and the test set is kept apart from training so that results are not flattered.'),
    ),
  };
}
