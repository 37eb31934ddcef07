import type { DocumentRegister } from '@fortytwo/catalog';
import {
  IMPLEMENTATION_STATUS_LABELS,
  RACI_LABELS,
  RISK_LEVEL_LABELS,
  TREATMENT_OPTION_LABELS,
} from '@fortytwo/domain';
import type { DocSection } from '../../platform/documents/model';
import type { Deps } from '../../platform/transaction';
import { builtinCatalog } from '../catalog/builtin';
import { getGovernance, listRaci } from '../context/governance';
import { getScope } from '../context/scope';
import { getPlan } from '../risk/plan';
import { getSoa } from '../soa/service';

// Register documents are rendered from the records, never retyped: the scope from its approved
// revision, the RACI, the treatment plan, the SoA, the objectives. A draft renders live; the
// rendering is frozen into the version when it goes to review, so what is approved is what was
// reviewed. Each renderer says, in `basis`, which record version it was rendered from.

export type RegisterRendering = { sections: DocSection[]; basis: string; orientation: 'portrait' | 'landscape' };

const level = (l: string | null) => (l ? (RISK_LEVEL_LABELS[l as keyof typeof RISK_LEVEL_LABELS] ?? l) : '');

async function scope(deps: Deps, orgId: string): Promise<RegisterRendering> {
  const s = await getScope(deps, orgId);
  const approved = s.approved;
  const statement = approved?.statement ?? s.statement;
  return {
    basis: approved
      ? `Scope revision ${approved.revision}, approved ${approved.approvedAt.slice(0, 10)} by ${approved.approvedByName}`
      : 'The scope draft (no revision approved yet)',
    orientation: 'portrait',
    sections: [
      { heading: 'Scope statement', paragraphs: statement.split('\n\n') },
      {
        heading: 'Units and sites',
        bullets: [...s.units.map((u) => `Unit: ${u}`), ...s.sites.map((x) => `Site: ${x}`)],
        ...(s.units.length + s.sites.length ? {} : { paragraphs: ['The whole organization.'] }),
      },
      ...(s.interfaces.length ? [{ heading: 'Interfaces and dependencies', bullets: s.interfaces }] : []),
      {
        heading: 'Exclusions',
        ...(s.exclusions.length
          ? {
              table: {
                columns: [
                  { header: 'Excluded', width: 1 },
                  { header: 'Justification', width: 2 },
                ],
                rows: s.exclusions.map((e) => [e.item, e.justification]),
              },
            }
          : { paragraphs: ['Nothing is excluded.'] }),
      },
    ],
  };
}

async function raci(deps: Deps, orgId: string): Promise<RegisterRendering> {
  const activities = await listRaci(deps, orgId);
  const who = (a: (typeof activities)[number], letter: keyof typeof RACI_LABELS) =>
    a.assignments
      .filter((x) => x.letter === letter)
      .map((x) => ('userId' in x.assignee ? (x.assignee.name ?? 'a former member') : `${x.assignee.role} role`))
      .join(', ');
  return {
    basis: `The RACI matrix as recorded (${activities.length} activities)`,
    orientation: 'landscape',
    sections: [
      {
        heading: 'Responsibilities for the AIMS activities',
        table: {
          columns: [
            { header: 'Activity', width: 3 },
            { header: 'Accountable', width: 2 },
            { header: 'Responsible', width: 2 },
            { header: 'Consulted', width: 2 },
            { header: 'Informed', width: 2 },
          ],
          rows: activities.map((a) => [
            `${a.name}\n${a.description}`,
            who(a, 'A'),
            who(a, 'R'),
            who(a, 'C'),
            who(a, 'I'),
          ]),
        },
      },
      ...(activities.some((a) => a.problems.length)
        ? [
            {
              heading: 'Open points',
              bullets: activities.flatMap((a) => a.problems.map((p) => `${a.name}: ${p.message}`)),
            },
          ]
        : []),
    ],
  };
}

async function riskTreatmentPlan(deps: Deps, orgId: string): Promise<RegisterRendering> {
  const plan = await getPlan(deps, orgId);
  return {
    basis:
      plan.status === 'approved'
        ? `Treatment plan version ${plan.number}, approved ${plan.approved!.approvedAt.slice(0, 10)} by ${plan.approved!.approvedBy.name}`
        : `Draft of treatment plan version ${plan.number}, not approved`,
    orientation: 'landscape',
    sections: [
      ...(plan.warnings.length ? [{ heading: 'Needs attention', bullets: plan.warnings.map((w) => w.message) }] : []),
      {
        heading: 'Treatments',
        table: {
          columns: [
            { header: 'Risk', width: 16 },
            { header: 'Inherent', width: 7 },
            { header: 'Option and treatment', width: 20 },
            { header: 'Controls', width: 9 },
            { header: 'Actions', width: 20 },
            { header: 'Residual', width: 7 },
            { header: 'Owner', width: 10 },
          ],
          rows: plan.risks.flatMap((r) =>
            (r.treatments.length ? r.treatments : [null]).map((t) => [
              `${r.ref} ${r.title}`,
              level(r.inherentLevel),
              t ? [TREATMENT_OPTION_LABELS[t.option], t.description].filter(Boolean).join('\n') : 'No treatment yet',
              t?.controlRefs.join(', ') ?? '',
              t?.actions
                .map((a) => `${a.title} (${a.owner?.name ?? 'no owner'}, ${a.dueDate ?? 'no date'})`)
                .join('\n') ?? '',
              t ? level(t.residualLevel) : '',
              r.owner?.name ?? '',
            ]),
          ),
        },
      },
    ],
  };
}

async function statementOfApplicability(deps: Deps, orgId: string): Promise<RegisterRendering> {
  const soa = await getSoa(deps, orgId);
  const iso = builtinCatalog();
  const groups = [...new Set(soa.items.map((i) => i.group))];
  const decision = (i: (typeof soa.items)[number]) =>
    i.included === null ? 'Undecided' : i.included ? 'Included' : 'Excluded';
  return {
    basis:
      soa.status === 'approved'
        ? `SoA version ${soa.version}, approved ${soa.approved!.approvedAt.slice(0, 10)} by ${soa.approved!.approvedBy.name}`
        : `Draft of SoA version ${soa.version}, not approved`,
    orientation: 'landscape',
    sections: [
      {
        heading: 'Summary',
        paragraphs: [
          `${soa.counts.total} controls: ${soa.counts.included} included, ${soa.counts.excluded} excluded, ${soa.counts.undecided} undecided.`,
        ],
      },
      ...groups.map((g) => ({
        heading: g === 'Custom' ? 'Organization controls' : `${g} ${iso.item('iso42001', g)?.title ?? ''}`.trim(),
        table: {
          columns: [
            { header: 'Ref', width: 8 },
            { header: 'Control', width: 24 },
            { header: 'Included', width: 9 },
            { header: 'Justification', width: 42 },
            { header: 'Status', width: 11 },
            { header: 'Risks', width: 8 },
          ],
          rows: soa.items
            .filter((i) => i.group === g)
            .map((i) => [
              i.ref,
              i.title,
              decision(i),
              i.justification,
              i.implementationStatus ? IMPLEMENTATION_STATUS_LABELS[i.implementationStatus] : '',
              i.risks.map((r) => r.ref).join(', '),
            ]),
        },
      })),
    ],
  };
}

async function objectives(deps: Deps, orgId: string): Promise<RegisterRendering> {
  // Until the objectives register exists (step 4), the governance pillars hold the AI objectives.
  const pillars = await getGovernance(deps, orgId);
  const rows = pillars.flatMap((p) => p.objectives.map((o) => [o, p.label, p.owner?.name ?? '']));
  return {
    basis: 'The objectives of the governance pillars',
    orientation: 'portrait',
    sections: [
      {
        heading: 'AI objectives',
        table: {
          columns: [
            { header: 'Objective', width: 3 },
            { header: 'Pillar', width: 1.5 },
            { header: 'Owner', width: 1.5 },
          ],
          rows,
        },
      },
    ],
  };
}

const RENDERERS: Record<DocumentRegister, (deps: Deps, orgId: string) => Promise<RegisterRendering>> = {
  scope,
  raci,
  'risk-treatment-plan': riskTreatmentPlan,
  'statement-of-applicability': statementOfApplicability,
  objectives,
};

export const renderRegister = (deps: Deps, orgId: string, register: DocumentRegister) =>
  RENDERERS[register](deps, orgId);
