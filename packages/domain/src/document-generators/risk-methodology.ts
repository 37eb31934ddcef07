import { RISK_LEVEL_LABELS } from '../risk';
import { bullets, doc, para, placeholder, subheading, type RichDoc } from '../rich-text';
import { answerText, listSentence, monthsOf, type DocumentAnswers, type DocumentFacts } from './facts';

// The AI risk assessment and treatment method (6.1.1–6.1.3, 8.2, 8.3) with the criteria in force
// written out, so that an assessment repeated by someone else gives a comparable result.

export function riskMethodology(f: DocumentFacts, a: DocumentAnswers): Record<string, RichDoc> {
  const org = f.organization.name;
  const c = f.criteria;
  const cycle = answerText(a, 'cycleMonths');
  const live = f.aiSystems.filter(
    (s) => s.inScope || !['retired', 'operation', 'deployment'].includes(s.lifecycleStage),
  );
  const accountable = f.raci.find((r) => /risk assessment/i.test(r.activity))?.accountable ?? [];
  return {
    purpose: doc(
      para(
        `This document sets out how ${org} identifies, analyses, evaluates and treats the risks of its AI systems, and the criteria it uses, so that assessments made by different people at different times can be compared.`,
      ),
    ),
    criteria: c
      ? doc(
          para(
            `The criteria in force are number ${c.number}${c.approved ? ', approved by top management' : ' (a draft, not yet approved)'}.`,
          ),
          c.method ? para(c.method) : null,
          subheading('Likelihood'),
          bullets(
            c.likelihoodLabels.map((l, i) => `${i + 1}: ${l}`),
            true,
          ),
          subheading('Consequence'),
          bullets(
            c.consequenceLabels.map((l, i) => `${i + 1}: ${l}`),
            true,
          ),
          subheading('Levels'),
          para('The score is the likelihood multiplied by the consequence. The level follows from the score:'),
          bullets(
            c.levels.map(
              (l, i) => `${RISK_LEVEL_LABELS[l.level]}: ${i === 0 ? 1 : c.levels[i - 1]!.maxScore + 1}–${l.maxScore}`,
            ),
          ),
          para(
            `Risks at ${RISK_LEVEL_LABELS[c.acceptanceLevel].toLowerCase()} level or below may be retained without treatment. A risk above it needs a treatment, or an acceptance recorded by top management with its reason and an end date.`,
          ),
        )
      : doc(para(placeholder('The risk criteria (approve them in the risk criteria page first)'))),
    triggers: doc(
      para('A risk assessment is made, or repeated, when:'),
      bullets([
        'a new AI system is planned or acquired;',
        'an AI system changes significantly (new purpose, users, data, model or supplier);',
        'an incident or a near miss involves an AI system;',
        'laws, contracts or interested parties change what is required;',
        `a risk reaches its review date, and at least every ${monthsOf(cycle) ?? '12 months'} for every risk.`,
      ]),
    ),
    identification: doc(
      para(
        'Risks are identified for each AI system from its intended purpose and foreseeable misuse, its data and models, the results of its impact assessment, the requirements of interested parties, incidents, and the risk sources listed in Annex C.',
      ),
      live.length ? para(`The AI systems assessed today: ${listSentence(live.map((s) => s.name))}.`) : null,
      accountable.length ? para(`Accountable for the assessment: ${listSentence(accountable)}.`) : null,
    ),
    analysis: doc(
      para(
        'For each risk, the consequence is judged for the organization, for individuals and groups, and for society; the highest sets the consequence rating. The likelihood is judged with the controls already in place. Each rating is recorded with its date, the assessor and the criteria number, and earlier ratings are kept.',
      ),
    ),
    treatment: doc(
      para(
        'For each risk above the acceptance level one or more options are chosen: modify the risk with controls, avoid it, share it, or retain it with a recorded acceptance. The controls chosen are compared with Annex A so that none that is needed is overlooked, and the result is kept in the Statement of Applicability.',
      ),
      para(
        'The residual risk is rated after treatment. Top management approves the treatment plan and accepts the residual risks.',
      ),
    ),
    records: doc(
      para(
        'The risk register keeps every risk, every dated rating, the treatments with their actions and the acceptances. Approved versions of the treatment plan and of the Statement of Applicability are kept unchanged. Records are kept for at least five years.',
      ),
    ),
  };
}
