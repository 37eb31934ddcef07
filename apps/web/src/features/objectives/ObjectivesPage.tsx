import { useState } from 'react';
import { Anchor, Badge, Button, Group, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { DownloadMenu } from '../../ui/DownloadMenu';
import { formatDate } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useOrg } from '../shell/org-context';
import { objectiveDownloads, objectiveHref, useObjectiveRegister } from './api';
import { personOf } from '../../api/people';
import { ObjectiveForm } from './ObjectiveForm';
import { OBJECTIVES_TEXT as T } from './text';

const fmt = (n: number | null, unit = '') => (n === null ? T.none : `${n}${unit ? ` ${unit}` : ''}`);

/** The objectives register (6.2): one row per objective, with its progress towards the target. */
export function ObjectivesPage() {
  const { orgId, can } = useOrg();
  const list = useObjectiveRegister(orgId);
  const [adding, setAdding] = useState(false);
  const canWrite = can('objective.write');
  const add = canWrite && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
      {T.add}
    </Button>
  );

  return (
    <>
      <PageHeader
        title={T.title}
        description={T.description}
        actions={
          <>
            <DownloadMenu label={T.export} items={objectiveDownloads(orgId)} />
            {add}
          </>
        }
      />
      {canWrite && <ObjectiveForm orgId={orgId} opened={adding} onClose={() => setAdding(false)} />}
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Paper withBorder radius="md" p="xl">
          <Stack gap="sm" align="flex-start" maw={640}>
            <Title order={2} fz="lg">
              {T.emptyTitle}
            </Title>
            <Text c="dimmed">{T.emptyBody}</Text>
            {add}
          </Stack>
        </Paper>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover aria-label={T.title}>
            <Table.Thead>
              <Table.Tr>
                {Object.values(T.columns).map((c) => (
                  <Table.Th key={c}>{c}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td>{o.ref}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={objectiveHref(orgId, o.id)}>
                      {o.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{o.annexCRef ?? T.none}</Table.Td>
                  <Table.Td>{fmt(o.target, o.unit)}</Table.Td>
                  <Table.Td>{fmt(o.latestValue, o.unit)}</Table.Td>
                  <Table.Td miw={120}>
                    {o.progressPercent === null ? (
                      T.none
                    ) : (
                      <Group gap={6} wrap="nowrap">
                        <Progress value={o.progressPercent} w={70} aria-label={`${o.ref} ${o.progressPercent}%`} />
                        <Text fz="sm">{o.progressPercent}%</Text>
                      </Group>
                    )}
                  </Table.Td>
                  <Table.Td>{personOf(list.data.people, o.ownerId)?.name ?? T.none}</Table.Td>
                  <Table.Td>{o.dueDate ? formatDate(o.dueDate) : T.none}</Table.Td>
                  <Table.Td>
                    <Badge
                      variant="light"
                      color={
                        o.status === 'achieved'
                          ? 'teal'
                          : o.status === 'not_achieved'
                            ? 'red'
                            : o.status === 'cancelled'
                              ? 'gray'
                              : 'blue'
                      }
                    >
                      {T.status[o.status]}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
