import { Fragment } from 'react';
import { ActionIcon, Anchor, Badge, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { CUSTOM_FRAMEWORK_ID } from '@fortytwo/catalog/browser';
import { CONTROL_STATUS_LABELS, IMPLEMENTATION_STATUS_LABELS } from '@fortytwo/domain';
import { controlHref } from '../controls/api';
import { Link } from 'react-router';
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

/**
 * Every control, grouped by Annex A group (A.2…A.10) then the organization's own controls. Each row
 * is `<tr data-ref="A.6.2.4">` and says Included, Excluded or Undecided in words.
 */
export function SoaTable({
  orgId,
  items,
  groupTitles,
  onEdit,
  highlight,
  statusExtra,
}: {
  orgId: string;
  items: SoaItem[];
  groupTitles: Record<string, string>;
  /** Absent: read-only (a frozen version, or a role that cannot write). */
  onEdit?: ((item: SoaItem) => void) | undefined;
  highlight?: string | null;
  /** Shown under the implementation status (the gap result beside the live SoA). */
  statusExtra?: ((item: SoaItem) => React.ReactNode) | undefined;
}) {
  const columns = onEdit ? 6 : 5;
  const groups = GROUPS.map((g) => ({ group: g, items: items.filter((i) => i.group === g) })).filter(
    (g) => g.items.length > 0,
  );
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="sm" className={classes.table} data-testid="soa-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={104}>{T.columns.ref}</Table.Th>
            <Table.Th w="22%">{T.columns.control}</Table.Th>
            <Table.Th w={118}>{T.columns.decision}</Table.Th>
            <Table.Th>{T.columns.justification}</Table.Th>
            <Table.Th w={132}>{T.columns.status}</Table.Th>
            {onEdit && (
              <Table.Th w={52}>
                <VisuallyHidden>{T.editShort}</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        {groups.map(({ group, items: rows }) => (
          <Fragment key={group}>
            <Table.Tbody>
              <Table.Tr className={classes.groupRow}>
                <Table.Th colSpan={columns} scope="colgroup">
                  <Text component="span" fw={700} fz="sm">
                    {group === CUSTOM_GROUP ? T.customGroup : T.groupHeading(group, groupTitles[group] ?? '')}
                  </Text>
                  <Text component="span" fz="xs" c="dimmed" ml="sm" fw={400}>
                    {T.groupCount(rows.filter((i) => i.included === true).length, rows.length)}
                  </Text>
                </Table.Th>
              </Table.Tr>
              {rows.map((i) => (
                <Table.Tr
                  key={i.ref}
                  data-ref={i.ref}
                  data-decision={decisionOf(i)}
                  id={rowId(i.ref)}
                  data-highlight={highlight === i.ref || undefined}
                  className={classes.row}
                  tabIndex={-1}
                >
                  <Table.Td>
                    <RefChip
                      orgId={orgId}
                      frameworkId={i.kind === 'custom' ? CUSTOM_FRAMEWORK_ID : DEFAULT_FRAMEWORK}
                      refId={i.ref}
                      title={i.title}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Text fz="sm" fw={500}>
                      {i.title}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <DecisionBadge item={i} />
                  </Table.Td>
                  <Table.Td>
                    <Justification item={i} orgId={orgId} />
                  </Table.Td>
                  <Table.Td>
                    {/* Read from the control's implementation (one source): the label links to where it is set. */}
                    {i.implementationStatus || i.included ? (
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
                    )}
                    {statusExtra?.(i)}
                  </Table.Td>
                  {onEdit && (
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        onClick={() => onEdit(i)}
                        aria-label={T.edit(i.ref)}
                        data-testid="soa-edit"
                      >
                        <IconPencil size={18} />
                      </ActionIcon>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Fragment>
        ))}
      </Table>
    </Table.ScrollContainer>
  );
}
