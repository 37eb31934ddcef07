import { NONCONFORMITY_STATUS_LABELS, type NonconformityStatus } from '@fortytwo/domain';
import type { NonconformityOut } from '../nonconformities/service';
import {
  controlIdsOf,
  dateTime,
  line,
  metadata,
  prop,
  prose,
  recordUuid,
  type OscalMetadata,
  type OscalOrg,
  type OscalProp,
} from './common';

// The open nonconformities and their corrective actions (10.2) as an OSCAL 1.0.6 plan of action and
// milestones: each nonconformity is a POA&M item tied to a risk, whose remediations are its
// corrective actions, each with its due date as a milestone. Closed nonconformities are not in it.

type Milestone = { uuid: string; type: 'milestone'; title: string; timing: { 'on-date': { date: string } } };
export type OscalResponse = {
  uuid: string;
  lifecycle: 'planned' | 'completed';
  title: string;
  description: string;
  props?: OscalProp[];
  tasks?: Milestone[];
};
export type OscalRisk = {
  uuid: string;
  title: string;
  description: string;
  statement: string;
  props?: OscalProp[];
  status: 'open' | 'investigating' | 'remediating' | 'closed';
  deadline?: string;
  remediations?: OscalResponse[];
};
export type OscalPoamItem = {
  uuid: string;
  title: string;
  description: string;
  props?: OscalProp[];
  'related-risks': { 'risk-uuid': string }[];
  remarks?: string;
};
export type OscalPoam = {
  'plan-of-action-and-milestones': {
    uuid: string;
    metadata: OscalMetadata;
    risks?: OscalRisk[];
    'poam-items': OscalPoamItem[];
  };
};

/** The parts of a nonconformity the export reads. */
export type NonconformityInput = Pick<
  NonconformityOut,
  | 'id'
  | 'ref'
  | 'title'
  | 'statement'
  | 'grade'
  | 'clauseRef'
  | 'source'
  | 'sourceRef'
  | 'status'
  | 'overdue'
  | 'responseDue'
  | 'correction'
  | 'rootCause'
> & {
  owner: { name: string } | null;
  actions: Pick<NonconformityOut['actions'][number], 'id' | 'title' | 'description' | 'status' | 'dueDate'>[];
};

// open: nothing planned yet; the corrective actions are planned or done: remediating; verified
// effective but not yet closed by someone independent: still remediating until closed.
const RISK_STATUS: Record<NonconformityStatus, OscalRisk['status']> = {
  open: 'open',
  actions_planned: 'remediating',
  effectiveness_review: 'remediating',
  verified: 'remediating',
  closed: 'closed',
};

/** The nonconformities a POA&M lists: every one not yet closed. */
export const openNonconformities = <N extends Pick<NonconformityInput, 'status'>>(ncs: N[]) =>
  ncs.filter((n) => n.status !== 'closed');

function riskOf(org: OscalOrg, n: NonconformityInput): OscalRisk {
  const props = [prop('grade', n.grade), prop('nonconformity-status', NONCONFORMITY_STATUS_LABELS[n.status])];
  for (const id of controlIdsOf(n.clauseRef)) props.push(prop('control-id', id));
  return {
    uuid: recordUuid(org.id, 'nonconformity-risk', n.id),
    title: line(`${n.ref} ${n.title}`),
    description: prose(n.statement, n.title),
    statement: prose(n.rootCause, 'Root cause not yet analysed.'),
    props,
    status: RISK_STATUS[n.status],
    ...(n.responseDue ? { deadline: dateTime(n.responseDue) } : {}),
    ...(n.actions.length
      ? {
          remediations: n.actions.map((a) => ({
            uuid: recordUuid(org.id, 'corrective-action', a.id),
            lifecycle: a.status === 'done' ? ('completed' as const) : ('planned' as const),
            title: line(a.title),
            description: prose(a.description, a.title),
            props: [prop('action-status', a.status)],
            ...(a.dueDate
              ? {
                  tasks: [
                    {
                      uuid: recordUuid(org.id, 'corrective-action-due', a.id),
                      type: 'milestone' as const,
                      title: line(`${a.title}: due`),
                      timing: { 'on-date': { date: dateTime(a.dueDate) } },
                    },
                  ],
                }
              : {}),
          })),
        }
      : {}),
  };
}

/** Throws nothing: the caller decides what an empty list means (the schema needs one item at least). */
export function toOscalPoam(input: {
  org: OscalOrg;
  generatedAt: string;
  nonconformities: NonconformityInput[];
}): OscalPoam {
  const { org } = input;
  const open = openNonconformities(input.nonconformities);
  const risks = open.map((n) => riskOf(org, n));
  return {
    'plan-of-action-and-milestones': {
      uuid: recordUuid(org.id, 'poam', org.id),
      metadata: metadata(
        org,
        `${line(org.name)}: plan of action and milestones (open nonconformities)`,
        input.generatedAt,
        'Exported from Fortytwo: every nonconformity not yet closed, with its corrective actions (ISO/IEC 42001 10.2).',
      ),
      ...(risks.length ? { risks } : {}),
      'poam-items': open.map((n, i) => {
        const props = [prop('grade', n.grade), prop('source', n.source)];
        if (n.sourceRef) props.push(prop('source-ref', n.sourceRef));
        if (n.owner) props.push(prop('owner', n.owner.name));
        if (n.overdue) props.push(prop('overdue', 'true'));
        return {
          uuid: recordUuid(org.id, 'nonconformity', n.id),
          title: line(`${n.ref} ${n.title}`),
          description: prose(n.statement, n.title),
          props,
          'related-risks': [{ 'risk-uuid': risks[i]!.uuid }],
          ...(n.correction.trim() ? { remarks: `Correction: ${n.correction.trim()}` } : {}),
        };
      }),
    },
  };
}
