import { AI_ROLE_LABELS } from '../enums';
import { bullets, doc, para, placeholder, subheading, type RichDoc } from '../rich-text';
import {
  answerList,
  answerText,
  listSentence,
  topManagementIn,
  type DocumentAnswers,
  type DocumentFacts,
} from './facts';

// The AI policy (5.2, A.2.2–A.2.4): a first draft in the organization's own terms. Commitments the
// standard expects are always present; what only the organization can say is asked in the wizard
// and left as a [[placeholder]] (which blocks approval) until someone answers it.

export function aiPolicy(f: DocumentFacts, a: DocumentAnswers): Record<string, RichDoc> {
  const org = f.organization.name;
  const roles = f.aiRoles.map((r) => AI_ROLE_LABELS[r.role].toLowerCase());
  const inScope = f.aiSystems.filter((s) => s.inScope);
  const thirdParty = f.aiSystems.filter(
    (s) => s.thirdParties.length > 0 && s.lifecycleStage !== 'retired' && s.lifecycleStage !== 'idea',
  );
  const prohibited = answerList(a, 'prohibitedUses');
  const restricted = answerList(a, 'restrictedUses');
  const related = answerList(a, 'relatedPolicies');
  const principles = f.pillars.flatMap((p) =>
    p.policyStatements.map((s) => `**${p.label}.** ${/[.!?]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`}`),
  );
  return {
    purpose: doc(
      para(
        `This policy sets out how ${org} develops, provides and uses artificial intelligence${roles.length ? `, in its role${roles.length > 1 ? 's' : ''} as AI ${listSentence(roles)}` : ''}. It applies to everyone who works for ${org} or on its behalf, and to every AI system within the scope of the AI management system (AIMS).`,
      ),
      inScope.length
        ? para('The AI systems within the scope of the AIMS are:')
        : para(
            `No AI system has been placed within the scope of the AIMS yet; this policy applies to each one as soon as it is.`,
          ),
      inScope.length ? bullets(inScope.map((s) => `**${s.name}**: ${s.intendedPurpose}`)) : null,
    ),
    commitment: doc(
      para(
        answerText(a, 'ambition') ??
          placeholder('Why the organization uses or builds AI, in one or two sentences of its leadership'),
      ),
      para(
        `${f.organization.topManagement} is accountable for this policy and for the AIMS. We will use AI where it serves our purpose and the people it affects, and we will not use it where its risks to people or society cannot be brought to a level we can justify.`,
      ),
    ),
    principles: doc(
      para('Every AI system we develop, provide or use must meet these principles:'),
      bullets([
        '**Fairness.** Outcomes are checked for unjustified differences between groups of people.',
        '**Transparency.** People know when they deal with AI and can get an explanation suited to them.',
        '**Human oversight.** A competent person can understand, question and override what an AI system does where it matters.',
        '**Privacy and security.** Data is used lawfully and AI systems are protected against misuse.',
        '**Accountability.** Each AI system has a named owner who answers for it.',
      ]),
      principles.length ? para('The owners of our governance framework add:') : null,
      principles.length ? bullets(principles) : null,
    ),
    objectives: doc(
      para(
        `AI objectives follow from this policy. They are set by the owners of the governance framework, approved by ${topManagementIn(f)}, measured, and reviewed at each management review (6.2).`,
      ),
      f.pillars.some((p) => p.objectives.length)
        ? bullets(f.pillars.flatMap((p) => p.objectives.map((o) => `${o} (${p.label})`)))
        : null,
    ),
    obligations: doc(
      para(
        `${org} commits to meet the requirements that apply to its AI systems: the law, its contracts, and what its interested parties can rightly expect of it.`,
      ),
      f.parties.length
        ? para(
            `The interested parties whose requirements we track include ${listSentence(f.parties.map((p) => p.name))}.`,
          )
        : null,
      para(
        `${org} commits to improving the AIMS continually, using the results of monitoring, internal audits, incidents and management reviews.`,
      ),
    ),
    limits: doc(
      subheading('Not allowed'),
      prohibited.length ? bullets(prohibited) : para(placeholder('The uses of AI that are not allowed at all')),
      subheading('Allowed only with approval'),
      restricted.length
        ? bullets(restricted)
        : para(
            'Any use of AI outside the AI systems listed in the scope needs the approval of the AIMS manager before it starts.',
          ),
    ),
    thirdParty: doc(
      para(
        answerText(a, 'thirdPartyStance') ??
          placeholder('How AI from suppliers and AI inside bought software is approved before use'),
      ),
      thirdParty.length ? para('The AI systems that depend on suppliers or partners today, and on whom:') : null,
      thirdParty.length ? bullets(thirdParty.map((s) => `**${s.name}**: ${s.thirdParties.join('; ')}`)) : null,
    ),
    roles: doc(
      para(
        `${f.organization.topManagement} approves this policy and is accountable for the AIMS.${f.documentOwner ? ` ${f.documentOwner} owns this policy and keeps it current.` : ''} Responsibilities for each AIMS activity are set out in the AI roles and responsibilities document.`,
      ),
      f.raci.length
        ? bullets(
            f.raci
              .filter((r) => r.accountable.length)
              .slice(0, 8)
              .map((r) => `${r.activity}: accountable ${listSentence(r.accountable)}`),
          )
        : null,
    ),
    alignment: doc(
      related.length
        ? para(
            `This policy works together with the ${listSentence(related)}. Where they overlap, the stricter rule applies; conflicts are resolved by the AIMS manager with the owners of the other policies (A.2.3).`,
          )
        : para(placeholder('The other policies this policy works with')),
    ),
    exceptions: doc(
      para(
        'An exception to this policy is requested in writing to the AIMS manager, with the reason, the AI system concerned, the risks and how they are controlled. Exceptions are approved by top management, recorded, limited in time and reviewed when they end.',
      ),
    ),
    communication: doc(
      para(
        `This policy is published to everyone who works for ${org}, who confirm that they have read it. It is made available to interested parties outside ${org} where appropriate, on request or on its website.`,
      ),
    ),
    review: doc(
      para(
        'This policy is reviewed at least once a year, and also after a significant change to an AI system or to how AI is used, a serious incident, a change in the law, or a finding of an audit or management review (A.2.4).',
      ),
    ),
  };
}
