import { LIFECYCLE_STAGE_LABELS } from '../enums';
import { INDIVIDUAL_EFFECT_LABELS, SOCIETAL_EFFECT_LABELS } from '../impact';
import { bullets, doc, para, placeholder, type RichDoc } from '../rich-text';
import {
  answerText,
  inSentence,
  listSentence,
  membersIn,
  monthsOf,
  raciNames,
  tierWords,
  topManagementIn,
  type DocumentAnswers,
  type DocumentFacts,
} from './facts';

// The AI system impact assessment procedure (6.1.4, 8.4, A.5.2–A.5.5): which systems are assessed,
// when, how, who signs off and how the results reach the risk register. It names the systems in
// scope and says which of them still lack a signed-off assessment, so the first draft is also a to-do.

const ACTIVITY = /impact assessment/i;
const BEFORE_USE = new Set(['idea', 'design', 'development', 'verification']);

export function impactAssessmentProcedure(f: DocumentFacts, a: DocumentAnswers): Record<string, RichDoc> {
  const org = f.organization.name;
  const inScope = f.aiSystems.filter((s) => s.inScope);
  const coming = f.aiSystems.filter((s) => BEFORE_USE.has(s.lifecycleStage));
  const signed = new Set(f.impactAssessments.filter((i) => i.status === 'signed_off').map((i) => i.aiSystem));
  const drafts = new Set(f.impactAssessments.filter((i) => i.status === 'draft').map((i) => i.aiSystem));
  const missing = inScope.filter((s) => !signed.has(s.name));
  const accountable = raciNames(f, ACTIVITY, 'accountable');
  const responsible = raciNames(f, ACTIVITY, 'responsible');
  const signers = membersIn(f, 'approver', 'owner');
  const cycle = answerText(a, 'reassessMonths');
  const retention = answerText(a, 'retention');
  return {
    purpose: doc(
      para(
        `This procedure sets out how ${org} works out what its AI systems may do to individuals, to groups of people and to society, before they are used and while they are in use. It covers every AI system within the scope of the AI management system (AIMS), and every system planned or bought with a view to bringing it into that scope.`,
      ),
      inScope.length
        ? para('The AI systems in scope today:')
        : para(
            'No AI system has been placed in the scope of the AIMS yet; each one is assessed under this procedure before it is.',
          ),
      inScope.length
        ? bullets(inScope.map((s) => `**${s.name}** (${tierWords(s.riskTier)}): ${s.intendedPurpose}`))
        : null,
      para(
        `An impact assessment looks outwards: at the people and communities a system touches, whatever the consequence for ${org} itself. The AI risk assessment looks at what could stop ${org} meeting its objectives and uses the impact assessment as one of its inputs. Where personal data is processed, the privacy impact assessment the law asks for is still made; the two may share facts, but neither replaces the other.`,
      ),
    ),
    triggers: doc(
      para('An impact assessment is made, or made again:'),
      bullets([
        `before a new AI system is put into use${coming.length ? `; due now for ${listSentence(coming.map((s) => `${s.name} (${LIFECYCLE_STAGE_LABELS[s.lifecycleStage].toLowerCase()})`))}` : ''};`,
        'before a significant change goes live: a new purpose, new groups of users or people affected, new kinds of data, a new model or supplier, or use in another country;',
        'after an incident or a complaint showing an effect on people that the last assessment did not foresee;',
        'when a law, a contract or an interested party changes what is expected of the system;',
        `otherwise every ${monthsOf(cycle) ?? '12 months'} for each system in scope, so that no assessment grows old unnoticed.`,
      ]),
      inScope.length
        ? para(
            missing.length
              ? `At the time of writing, ${missing.length === inScope.length ? `none of the AI systems in scope has a signed-off assessment yet` : `signed-off assessments exist for ${inScope.length - missing.length} of the ${inScope.length} AI systems in scope`}. To be assessed first: ${listSentence(missing.map((s) => (drafts.has(s.name) ? `${s.name} (assessment in draft)` : s.name)))}.`
              : `At the time of writing, every AI system in scope has a signed-off assessment.`,
          )
        : null,
    ),
    method: doc(
      para(
        `Each assessment is prepared by ${responsible ?? 'the owner of the AI system'}, together with ${responsible ? "the system's owner, " : ''}the people who build or run the system and someone who can speak for those it affects (for example customer service or the privacy team). It follows these steps:`,
      ),
      bullets(
        [
          'Describe the system, its intended use, and the ways it could foreseeably be misused.',
          'Name the individuals and groups it affects, and mark those who are vulnerable (for example because of age, health, money worries or little familiarity with technology).',
          'For each group, describe the possible effects on it, area by area.',
          'Describe the possible effects on society as a whole.',
          'Rate how severe the worst credible effect would be and how likely it is, each from 1 to 5.',
          'Record the measures that reduce those effects, and conclude: acceptable as it is, acceptable with conditions, or not acceptable.',
          'Set how long the assessment is kept, then send it for sign-off.',
        ],
        true,
      ),
      para(
        `**Effects on individuals and groups** are considered for ${listSentence(Object.values(INDIVIDUAL_EFFECT_LABELS).map((l) => l.toLowerCase()))}.`,
      ),
      para(
        `**Effects on society** are considered for ${listSentence(Object.values(SOCIETAL_EFFECT_LABELS).map((l) => l.toLowerCase()))}.`,
      ),
    ),
    signoff: doc(
      para(
        `${signers.length ? `An assessment is signed off by ${listSentence(signers)}, on behalf of ${topManagementIn(f)}` : `An assessment is signed off on behalf of ${topManagementIn(f)} by someone with approval rights`}. Fortytwo refuses sign-off while the intended use, the affected groups, the ratings, the conclusion or the retention date are missing, and a signed-off assessment can no longer be edited.`,
      ),
      para(
        accountable
          ? `${accountable} is accountable for assessments being made on time and being complete.`
          : placeholder(
              'Who is accountable for impact assessments being made on time and complete (name them in the RACI)',
            ),
      ),
      para(
        'Every effect that is serious enough to matter becomes a risk in the AI risk register, created from the assessment so the two stay linked, and is then analysed and treated under the risk methodology. The conclusion and its conditions go to the owner of the system; a system is not deployed, or changed, before its assessment is signed off.',
      ),
      para(
        `Results are reported to ${topManagementIn(f)} through the management review. A summary is shared with the people affected, or those who speak for them, where that helps them understand and question how the system treats them.`,
      ),
    ),
    records: doc(
      para(
        'Every assessment is kept, including those a later assessment replaces, so that the history of each system can be followed. Each carries its date, what triggered it, who prepared it, who signed it off, and the risks raised from it.',
      ),
      para(
        `Retention: ${retention ? inSentence(retention) : 'at least five years after the AI system is retired'}. The date is set on each assessment before sign-off, and the assessment is not disposed of before it.`,
      ),
    ),
  };
}
