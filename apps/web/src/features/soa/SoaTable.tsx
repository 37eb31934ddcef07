import { useMemo, type ReactNode } from 'react';
import { ActionIcon, Anchor, Badge, Stack, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { CUSTOM_FRAMEWORK_ID } from '@fortytwo/catalog/browser';
import { CONTROL_STATUS_LABELS, IMPLEMENTATION_STATUS_LABELS } from '@fortytwo/domain';
import { controlHref } from '../controls/api';
import { Link } from 'react-router';
import { RegisterTable, type RegisterColumn, type RegisterProps } from '../../ui/register';
import { DEFAULT_FRAMEWORK } from '../catalog/api';
import { RefChip } from '../catalog/RefChip';
import { riskHref, type SoaItem } from './api';
import { CUSTOM_GROUP, decisionOf, GROUPS, type Decision } from './url-state';
import { SOA_TEXT as T } from './text';
import classes from './soa.module.css';

/** The id of a control's row, for the warnings' links. */
export const rowId = (ref: string) => `soa-row-${ref.replace(/[^A-Za-z0-9_-]/g, '-')}`;

const DECISION_LABEL: Record<Decision, string> = { included: T.included, excluded: T.excluded, undecided: T.undecided };
const DECISION_COLOR: Record<Decision, string> = { included: 'teal', excluded: 'gray', undecided: 'gray.7' };

export function DecisionBadge({ item }: { item: Pick<SoaItem, 'included'> }) {
  const d = decisionOf(item);
  return (
    <Badge
      color={DECISION_COLOR[d]}
      variant={d === 'undecided' ? 'outline' : 'light'}
      tt="none"
      fw={600}
      data-testid="soa-decision"
    >
      {DECISION_LABEL[d]}
    </Badge>
  );
}

/**
 * The reason an auditor reads: the stated words, then a line per risk the control treats (linked)
 * and per interested-party requirement that names it. An excluded control shows only the stated
 * words, and the treatments that still rely on it as a problem.
 */
export function Justification({ item, orgId }: { item: SoaItem; orgId: string }) {
  const excluded = item.included === false;
  const stated = item.statedJustification.trim();
  const riskLines = item.risks.map((r) => (
    <Text key={r.id} fz="sm" c={excluded ? 'orange.9' : undefined}>
      {excluded ? T.usedByTreatment : T.treatsRisk}{' '}
      <Anchor component={Link} to={riskHref(orgId, r.id)} fz="sm" fw={600}>
        {r.ref}
      </Anchor>
      : {r.title}
    </Text>
  ));
  const requirementLines = excluded
    ? []
    : item.requirements.map((q, n) => (
        <Text key={`req-${n}`} fz="sm">
          {T.requiredBy(q.partyName)} {q.description}
        </Text>
      ));
  if (!stated && riskLines.length === 0 && requirementLines.length === 0)
    return excluded ? (
      <Text fz="sm" c="red.8" fw={500}>
        {T.exclusionUnjustified}
      </Text>
    ) : (
      <Text fz="sm" c="dimmed">
        {T.noJustification}
      </Text>
    );
  return (
    <Stack gap={2} data-testid="soa-justification">
      {stated && (
        <Text fz="sm" className={classes.prewrap}>
          {stated}
        </Text>
      )}
      {excluded && !stated && (
        <Text fz="sm" c="red.8" fw={500}>
          {T.exclusionUnjustified}
        </Text>
      )}
      {riskLines}
      {requirementLines}
    </Stack>
  );
}

const STATUS_ORDER = (i: SoaItem) => i.controlStatus ?? i.implementationStatus ?? null;
const DECISION_ORDER: Record<Decision, number> = { included: 0, excluded: 1, undecided: 2 };

function StatusCell({ item: i, orgId }: { item: SoaItem; orgId: string }) {
  // Read from the control's implementation (one source): the label links to where it is set.
  return i.implementationStatus || i.included ? (
    <Anchor
      component={Link}
      to={controlHref(orgId, i.ref)}
      fz="sm"
      c={i.implementationStatus ? undefined : 'dimmed'}
      data-testid="soa-control-link"
    >
      {i.controlStatus
        ? CONTROL_STATUS_LABELS[i.controlStatus]
        : i.implementationStatus
          ? IMPLEMENTATION_STATUS_LABELS[i.implementationStatus]
          : T.noStatus}
    </Anchor>
  ) : (
    <Text fz="sm" c="dimmed">
      {T.noStatus}
    </Text>
  );
}

function soaColumns(
  orgId: string,
  onEdit: ((item: SoaItem) => void) | undefined,
  statusExtra: ((item: SoaItem) => ReactNode) | undefined,
): RegisterColumn<SoaItem>[] {
  const columns: RegisterColumn<SoaItem>[] = [
    {
      id: 'ref',
      header: T.columns.ref,
      width: 104,
      alwaysVisible: true,
      sortValue: (i) => i.ref,
      cell: (i) => (
        <RefChip
          orgId={orgId}
          frameworkId={i.kind === 'custom' ? CUSTOM_FRAMEWORK_ID : DEFAULT_FRAMEWORK}
          refId={i.ref}
          title={i.title}
        />
      ),
    },
    {
      id: 'control',
      header: T.columns.control,
      width: '22%',
      sortValue: (i) => i.title.toLowerCase(),
      text: (i) => i.title,
      cell: (i) => (
        <Text fz="sm" fw={500}>
          {i.title}
        </Text>
      ),
    },
    {
      id: 'decision',
      header: T.columns.decision,
      width: 118,
      sortValue: (i) => DECISION_ORDER[decisionOf(i)],
      text: (i) => DECISION_LABEL[decisionOf(i)],
      cell: (i) => <DecisionBadge item={i} />,
    },
    {
      id: 'justification',
      header: T.columns.justification,
      text: (i) => i.justification,
      cell: (i) => <Justification item={i} orgId={orgId} />,
    },
    {
      id: 'status',
      header: T.columns.status,
      width: 132,
      sortValue: STATUS_ORDER,
      cell: (i) => (
        <>
          <StatusCell item={i} orgId={orgId} />
          {statusExtra?.(i)}
        </>
      ),
    },
  ];
  if (onEdit)
    columns.push({
      id: 'edit',
      header: T.editShort,
      headerHidden: true,
      width: 52,
      cell: (i) => (
        <ActionIcon
          variant="subtle"
          color="gray"
          onClick={() => onEdit(i)}
          aria-label={T.edit(i.ref)}
          data-testid="soa-edit"
        >
          <IconPencil size={18} />
        </ActionIcon>
      ),
    });
  return columns;
}

/**
 * Every control, grouped by Annex A group (A.2…A.10) then the organization's own controls, on the
 * shared register table. Each row is `<tr data-ref="A.6.2.4">` and says Included, Excluded or
 * Undecided in words.
 */
export function SoaTable({
  orgId,
  items,
  groupTitles,
  onEdit,
  highlight,
  statusExtra,
  ...table
}: {
  orgId: string;
  items: SoaItem[];
  groupTitles: Record<string, string>;
  /** Absent: read-only (a frozen version, or a role that cannot write). */
  onEdit?: ((item: SoaItem) => void) | undefined;
  highlight?: string | null;
  /** Shown under the implementation status (the gap result beside the live SoA). */
  statusExtra?: ((item: SoaItem) => ReactNode) | undefined;
} & Pick<
  RegisterProps<SoaItem>,
  'filters' | 'filtering' | 'onClearFilters' | 'countText' | 'bulkActions' | 'selectable'
>) {
  const columns = useMemo(() => soaColumns(orgId, onEdit, statusExtra), [orgId, onEdit, statusExtra]);
  return (
    <RegisterTable
      orgId={orgId}
      register="soa"
      label={T.title}
      testId="soa-table"
      rows={items}
      columns={columns}
      getRowId={(i) => i.ref}
      onOpen={onEdit}
      rowAttributes={(i) => ({
        'data-ref': i.ref,
        'data-decision': decisionOf(i),
        id: rowId(i.ref),
        'data-highlight': highlight === i.ref ? 'true' : undefined,
        className: classes.row,
      })}
      groups={{
        of: (i) => i.group,
        order: GROUPS,
        heading: (group, rows) => (
          <>
            <Text component="span" fw={700} fz="sm">
              {group === CUSTOM_GROUP ? T.customGroup : T.groupHeading(group, groupTitles[group] ?? '')}
            </Text>
            <Text component="span" fz="xs" c="dimmed" ml="sm" fw={400}>
              {T.groupCount(rows.filter((i) => i.included === true).length, rows.length)}
            </Text>
          </>
        ),
      }}
      noMatch={{ title: T.noMatchTitle, body: T.noMatch }}
      exportName="soa"
      minWidth={900}
      {...table}
    />
  );
}
