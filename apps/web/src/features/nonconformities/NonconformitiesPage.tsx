import { useState } from 'react';
import { Anchor, Badge, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { DownloadMenu } from '../../ui/DownloadMenu';
import { formatDate } from '../../ui/format';
import { notifyError } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useOrg } from '../shell/org-context';
import {
  improvementsPath,
  ncDownloads,
  ncHref,
  refreshNonconformities,
  useImprovements,
  useNonconformities,
} from './api';
import { NC_TEXT as T } from './text';

/** The nonconformity register and the improvement log. */
export function NonconformitiesPage() {
  const { orgId, can } = useOrg();
  const list = useNonconformities(orgId);
  const log = useImprovements(orgId);
  const qc = useQueryClient();
  const [title, setTitle] = useState('');
  const addImprovement = async () => {
    try {
      await api.post(improvementsPath(orgId), { title });
      setTitle('');
      await refreshNonconformities(qc, orgId);
    } catch (e) {
      notifyError(e);
    }
  };
  return (
    <>
      <PageHeader
        title={T.title}
        description={T.description}
        actions={
          <DownloadMenu
            label="Export"
            items={ncDownloads(orgId, (list.data ?? []).filter((n) => n.status !== 'closed').length)}
          />
        }
      />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Stack gap="lg">
          {list.data.length === 0 ? (
            <Text c="dimmed">{T.empty}</Text>
          ) : (
            <Table.ScrollContainer minWidth={800}>
              <Table striped aria-label={T.title}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Ref</Table.Th>
                    <Table.Th>Nonconformity</Table.Th>
                    <Table.Th>Grade</Table.Th>
                    <Table.Th>Source</Table.Th>
                    <Table.Th>Owner</Table.Th>
                    <Table.Th>Due</Table.Th>
                    <Table.Th>Status</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.map((n) => (
                    <Table.Tr key={n.id}>
                      <Table.Td>{n.ref}</Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={ncHref(orgId, n.id)}>
                          {n.title}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{n.grade}</Table.Td>
                      <Table.Td>
                        {T.source[n.source]} {n.sourceRef ?? ''}
                      </Table.Td>
                      <Table.Td>{n.owner?.name ?? T.none}</Table.Td>
                      <Table.Td>{formatDate(n.status === 'open' ? n.responseDue : n.reviewDue)}</Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          <Badge variant="light" color={n.status === 'closed' ? 'teal' : 'blue'}>
                            {T.status[n.status]}
                          </Badge>
                          {n.overdue && (
                            <Badge color="red" variant="light">
                              Overdue
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <Stack gap="xs">
            <Title order={2} fz="lg">
              {T.improvements}
            </Title>
            <Text fz="sm" c="dimmed">
              {T.improvementsHelp}
            </Text>
            {can('nonconformity.write') && (
              <Group align="flex-end">
                <TextInput
                  label="Improvement"
                  value={title}
                  onChange={(e) => setTitle(e.currentTarget.value)}
                  style={{ flex: 1 }}
                />
                <Button onClick={() => void addImprovement()} disabled={!title.trim()}>
                  {T.addImprovement}
                </Button>
              </Group>
            )}
            <Table striped aria-label={T.improvements}>
              <Table.Tbody>
                {(log.data ?? []).map((i) => (
                  <Table.Tr key={i.id}>
                    <Table.Td>{i.ref}</Table.Td>
                    <Table.Td>
                      {i.kind === 'nonconformity' ? (
                        <Anchor component={Link} to={ncHref(orgId, i.id)}>
                          {i.title}
                        </Anchor>
                      ) : (
                        i.title
                      )}
                    </Table.Td>
                    <Table.Td>{i.source.replace(/_/g, ' ')}</Table.Td>
                    <Table.Td>{i.status.replace(/_/g, ' ')}</Table.Td>
                    <Table.Td>{formatDate(i.createdAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        </Stack>
      )}
    </>
  );
}
