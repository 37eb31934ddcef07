import {
  ActionIcon,
  Anchor,
  Badge,
  Group,
  Paper,
  Progress,
  Table,
  Text,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconCamera, IconGitCompare, IconPencilCheck, IconTrash } from '@tabler/icons-react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { confirmDanger } from '../../ui/confirm';
import { formatDateTime } from '../../ui/format';
import { notifyError, notifySuccess } from '../../ui/notify';
import { assessmentPath, compareHref, gapHref, gapKey, type GapAssessmentSummary } from './api';
import { formatPercent } from './format';
import { GAP_TEXT as T } from './text';
import classes from './gap.module.css';

/** Every working assessment and snapshot, newest first; snapshots can be compared with the current one. */
export function AssessmentList({
  orgId,
  items,
  current,
  canWrite,
}: {
  orgId: string;
  items: GapAssessmentSummary[];
  current: GapAssessmentSummary | undefined;
  canWrite: boolean;
}) {
  const qc = useQueryClient();
  const remove = useMutation({
    mutationFn: (a: GapAssessmentSummary) => api.delete(assessmentPath(orgId, a.id)),
    onSuccess: async (_v, a) => {
      notifySuccess(T.deleted(a.name));
      await qc.invalidateQueries({ queryKey: gapKey(orgId) });
    },
    onError: (e) => notifyError(e),
  });
  const askDelete = async (a: GapAssessmentSummary) => {
    if (await confirmDanger({ title: T.deleteTitle(a.kind), message: T.deleteBody(a.name), confirmLabel: T.delete }))
      remove.mutate(a);
  };
  const C = T.columns;

  return (
    <Paper withBorder radius="md" component="section" aria-labelledby="gap-list-title">
      <Group justify="space-between" px="lg" pt="md" pb="xs">
        <div>
          <Title order={2} fz="md" id="gap-list-title">
            {T.listTitle}
          </Title>
          <Text fz="sm" c="dimmed">
            {T.listHint}
          </Text>
        </div>
      </Group>
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing="sm" className={classes.table} data-testid="assessment-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{C.name}</Table.Th>
              <Table.Th w={140}>{C.kind}</Table.Th>
              <Table.Th w={110}>{C.readiness}</Table.Th>
              <Table.Th w={150}>{C.answered}</Table.Th>
              <Table.Th w={170}>{C.date}</Table.Th>
              <Table.Th w={96}>
                <VisuallyHidden>{C.actions}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((a) => (
              <Table.Tr key={a.id} data-testid="assessment-row" data-kind={a.kind}>
                <Table.Td>
                  <Anchor component={Link} to={gapHref(orgId, a.id)} fw={600} fz="sm">
                    {a.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Badge
                    variant={a.kind === 'snapshot' ? 'outline' : 'light'}
                    color={a.kind === 'snapshot' ? 'gray' : 'indigo'}
                    tt="none"
                    leftSection={a.kind === 'snapshot' ? <IconCamera size={12} /> : <IconPencilCheck size={12} />}
                  >
                    {T.kind[a.kind]}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text fz="sm" fw={600}>
                    {formatPercent(a.overall)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text fz="xs">{T.answeredOf(a.answered, a.total)}</Text>
                  <Progress
                    value={a.total ? (100 * a.answered) / a.total : 0}
                    size="xs"
                    radius="xl"
                    mt={4}
                    aria-label={`${T.answered}: ${T.answeredOf(a.answered, a.total)}`}
                  />
                </Table.Td>
                <Table.Td>
                  <Text fz="sm">{formatDateTime(a.frozenAt ?? a.updatedAt)}</Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap" justify="flex-end">
                    {a.kind === 'snapshot' && current && (
                      <Tooltip label={`${T.compareWithCurrent}: ${current.name}`} withArrow>
                        <ActionIcon
                          component={Link}
                          to={compareHref(orgId, current.id, a.id)}
                          variant="subtle"
                          color="gray"
                          aria-label={T.compareAria(a.name, current.name)}
                        >
                          <IconGitCompare size={18} />
                        </ActionIcon>
                      </Tooltip>
                    )}
                    {canWrite && (
                      <Tooltip label={T.delete} withArrow>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          onClick={() => void askDelete(a)}
                          aria-label={`${T.delete} ${a.name}`}
                          loading={remove.isPending && remove.variables?.id === a.id}
                        >
                          <IconTrash size={18} />
                        </ActionIcon>
                      </Tooltip>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
