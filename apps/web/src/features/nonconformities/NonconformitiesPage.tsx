import { useMemo, useState } from 'react';
import { Anchor, Badge, Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { personOf, type People } from '../../api/people';
import { RegisterTable, type RegisterColumn } from '../../ui/register';
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
  type Nonconformity,
} from './api';
import { NC_TEXT as T } from './text';

const NONCONFORMITY_STATUSES = Object.keys(T.status) as (keyof typeof T.status)[];

const ncColumns = (orgId: string, people: People): RegisterColumn<Nonconformity>[] => [
  {
    id: 'ref',
    header: 'Ref',
    alwaysVisible: true,
    sortValue: (n) => Number(n.ref.replace(/\D/g, '')) || 0,
    text: (n) => n.ref,
    cell: (n) => n.ref,
  },
  {
    id: 'title',
    header: 'Nonconformity',
    sortValue: (n) => n.title.toLowerCase(),
    text: (n) => n.title,
    cell: (n) => (
      <Anchor component={Link} to={ncHref(orgId, n.id)}>
        {n.title}
      </Anchor>
    ),
  },
  { id: 'grade', header: 'Grade', sortValue: (n) => n.grade, cell: (n) => n.grade },
  {
    id: 'source',
    header: 'Source',
    sortValue: (n) => T.source[n.source],
    text: (n) => `${T.source[n.source]} ${n.sourceRef ?? ''}`.trim(),
    cell: (n) => `${T.source[n.source]} ${n.sourceRef ?? ''}`,
  },
  {
    id: 'owner',
    header: 'Owner',
    sortValue: (n) => personOf(people, n.ownerId)?.name ?? null,
    cell: (n) => personOf(people, n.ownerId)?.name ?? T.none,
  },
  {
    id: 'due',
    header: 'Due',
    sortValue: (n) => (n.status === 'open' ? n.responseDue : n.reviewDue),
    cell: (n) => formatDate(n.status === 'open' ? n.responseDue : n.reviewDue),
  },
  {
    id: 'status',
    header: 'Status',
    sortValue: (n) => T.status[n.status],
    cell: (n) => (
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
    ),
  },
];

/** The nonconformity register and the improvement log. */
export function NonconformitiesPage() {
  const { orgId, can } = useOrg();
  const list = useNonconformities(orgId);
  const log = useImprovements(orgId);
  const qc = useQueryClient();
  const [title, setTitle] = useState('');
  const navigate = useNavigate();
  const people = list.data?.people;
  const columns = useMemo(() => ncColumns(orgId, people ?? {}), [orgId, people]);
  // Filters live in the address, like every register's (a saved view keeps them).
  const [params, setParams] = useSearchParams();
  const status = params.get('status');
  const grade = params.get('grade');
  const setFilter = (key: string, value: string | null) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const shown = (list.data?.items ?? []).filter(
    (n) => (!status || n.status === status) && (!grade || n.grade === grade),
  );
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
            items={ncDownloads(orgId, (list.data?.items ?? []).filter((n) => n.status !== 'closed').length)}
          />
        }
      />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Stack gap="lg">
          <RegisterTable
            orgId={orgId}
            register="nonconformities"
            label={T.title}
            rows={shown}
            columns={columns}
            getRowId={(n) => n.id}
            onOpen={(n) => void navigate(ncHref(orgId, n.id))}
            rowAttributes={(n) => ({ 'data-ref': n.ref })}
            emptyText={T.empty}
            exportName="nonconformities"
            minWidth={800}
            filters={
              <>
                <Select
                  label="Status"
                  placeholder="Any status"
                  clearable
                  w={200}
                  data={NONCONFORMITY_STATUSES.map((v) => ({ value: v, label: T.status[v] }))}
                  value={status ?? null}
                  onChange={(v) => setFilter('status', v)}
                />
                <Select
                  label="Grade"
                  placeholder="Any grade"
                  clearable
                  w={140}
                  data={[
                    { value: 'major', label: 'major' },
                    { value: 'minor', label: 'minor' },
                  ]}
                  value={grade ?? null}
                  onChange={(v) => setFilter('grade', v)}
                />
              </>
            }
          />
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
