import { bullets, doc, para, placeholder, type RichDoc } from '../rich-text';
import {
  answerText,
  listSentence,
  membersIn,
  monthsOf,
  raciNames,
  topManagementIn,
  type DocumentAnswers,
  type DocumentFacts,
} from './facts';

// The internal audit procedure (9.2): the programme over a cycle, who audits and how independence
// is kept (an auditor never audits an activity they hold in the RACI), how an audit is run and
// graded, and how results reach management and become corrective actions.

const ACTIVITY = /internal audit/i;

export function internalAuditProcedure(f: DocumentFacts, a: DocumentAnswers): Record<string, RichDoc> {
  const org = f.organization.name;
  const auditors = [
    ...new Set([
      ...membersIn(f, 'internal_auditor'),
      ...(f.raci.find((r) => ACTIVITY.test(r.activity))?.responsible ?? []),
    ]),
  ];
  const accountable = raciNames(f, ACTIVITY, 'accountable');
  const cycle = monthsOf(answerText(a, 'cycleMonths')) ?? '12 months';
  const inScope = f.aiSystems.filter((s) => s.inScope);
  const high = inScope.filter((s) => s.riskTier === 'high');
  const managers = membersIn(f, 'manager');
  const conflicts = auditors
    .map((name) => ({
      name,
      own: f.raci
        .filter((r) => !ACTIVITY.test(r.activity) && (r.accountable.includes(name) || r.responsible.includes(name)))
        .map((r) => r.activity),
    }))
    .filter((c) => c.own.length);
  const owners = f.parties.filter((p) => p.category === 'owners_investors');
  return {
    purpose: doc(
      para(
        `Internal audits tell ${topManagementIn(f)} whether the AI management system (AIMS) of ${org} does what ISO/IEC 42001 and ${org}'s own policy, procedures and objectives require, and whether it works in practice. They are planned, run by people who are independent of what they audit, and reported.`,
      ),
      para(
        "The criteria of every audit are the standard's clauses, the controls included in the Statement of Applicability, and the organization's own documented information in force at the time.",
      ),
    ),
    programme: doc(
      para(
        `The audit programme covers, over each cycle of ${cycle}, every clause from 4 to 10 and every control included in the Statement of Applicability${inScope.length ? `, and samples the AI systems in scope (${listSentence(inScope.map((s) => s.name))})` : ''}. It is planned at the start of the cycle${accountable ? ` by ${accountable}, accountable for internal audit,` : ''} and approved by ${topManagementIn(f)}.`,
      ),
      para(
        `Areas are audited more often when they matter more, changed recently, or had findings last time${high.length ? `; the high-risk AI systems (${listSentence(high.map((s) => s.name))}) are sampled in every cycle` : ''}. The programme is changed when the AIMS, the scope or the risks change, and each change is recorded.`,
      ),
      para(
        'For each audit the programme records its objectives, criteria and scope, the auditors, the dates and the report, so that what was covered over the cycle can be shown.',
      ),
    ),
    independence: doc(
      auditors.length
        ? para(
            `Internal audits are carried out by ${listSentence(auditors)}. Where an audit needs knowledge the team lacks (for example of machine learning or of a particular law), a qualified colleague from another area or an outside auditor joins it.`,
          )
        : para(
            placeholder(
              'Who carries out internal audits: members with the internal auditor role, a colleague from another area, or an outside auditor',
            ),
          ),
      para(
        'An auditor knows the standard and audit technique (by training or a recognised qualification) and enough of AI to judge the evidence. Nobody audits their own work: an auditor who does or is accountable for an activity does not audit it, and another auditor does.',
      ),
      conflicts.length ? bullets(conflicts.map((c) => `${c.name} does not audit: ${listSentence(c.own)}.`)) : null,
    ),
    conduct: doc(
      bullets(
        [
          'The lead auditor sends the audit plan (objectives, criteria, scope, dates, the people to be met) to those audited at least two weeks ahead.',
          "The checklist is prepared from the requirements in scope, the organization's documents, and the findings of earlier audits.",
          'Evidence is gathered by interviews, observation and samples of records (risk assessments, impact assessments, approvals, monitoring results, training records), chosen so that they represent the period and the AI systems audited.',
          'Each finding states the requirement, the evidence and what is wrong, and is agreed with those audited before the closing meeting.',
        ],
        true,
      ),
      para('Findings are graded:'),
      bullets([
        "**Major nonconformity**: a requirement is not met in a way that puts the AIMS's results in doubt, or the same failure recurs across the system.",
        '**Minor nonconformity**: a requirement is not met in one instance, without doubting the results.',
        '**Observation**: not yet a nonconformity, but likely to become one.',
        '**Opportunity for improvement**: something that works and could work better.',
      ]),
    ),
    reporting: doc(
      para(
        `The report gives the scope, the criteria, the auditors, the dates, the conclusion and each finding with its grade. It goes to those audited, to ${managers.length ? listSentence(managers) : 'the AIMS manager'}, and to ${topManagementIn(f)}, within two weeks of the closing meeting${owners.length ? `; the results are also shared with ${listSentence(owners.map((o) => o.name))} as agreed` : ''}.`,
      ),
      para(
        'Each nonconformity is handled under the nonconformity and corrective action procedure: those audited record the correction and the corrective action as actions in Fortytwo, each with an owner and a due date, and the auditor checks that they worked before the finding is closed. Open findings and the results of the cycle are an input to the management review.',
      ),
      para(
        'The programme, the plans, the reports and the follow-up are kept as evidence that the programme was carried out.',
      ),
    ),
  };
}
