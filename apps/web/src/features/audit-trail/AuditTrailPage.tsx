import { useState } from 'react';
import { Alert, Anchor, Button, Code, Group, Paper, Select, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import { Link } from 'react-router';
import { api, qs } from '../../api/client';
import type { AuditEvent, ChainVerification, Page } from '../../api/types';
import { formatDateTime } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useMemberName } from '../members/api';
import { useOrg } from '../shell/org-context';
import { changesOf, recordName } from './describe';
import { AUDIT_TEXT as T, ENTITY_LABELS, actionLabel } from './text';

export function AuditTrailPage() {
  const { orgId } = useOrg();
  const [entityType, setEntityType] = useState<string | null>(null);
  const memberName = useMemberName(orgId);
  const base = `/api/orgs/${encodeURIComponent(orgId)}/audit-events`;
  const events = useInfiniteQuery({
    queryKey: ['audit-events', orgId, entityType],
    queryFn: ({ pageParam }) => api.get<Page<AuditEvent>>(`${base}${qs({ entityType, limit: 50, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const verify = useMutation({ mutationFn: () => api.get<ChainVerification>(`${base}/verify`) });
  const items = events.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader
        title={T.title}
        description={T.description}
        actions={
          <Button
            leftSection={<IconShieldCheck size={16} />}
            onClick={() => verify.mutate()}
            loading={verify.isPending}
            variant="default"
          >
            {T.verify}
          </Button>
        }
      />
      <Stack gap="md">
        {verify.data && (
          <Alert
            color={verify.data.ok ? 'teal' : 'red'}
            variant="light"
            role="status"
            icon={verify.data.ok ? <IconShieldCheck size={20} /> : <IconShieldX size={20} />}
            title={verify.data.ok ? T.verifyOkTitle : T.verifyBrokenTitle}
            data-testid="verify-result"
          >
            {verify.data.ok
              ? T.verifyOk(verify.data.checked)
              : T.verifyBroken(verify.data.checked, verify.data.firstBrokenId ?? '?')}
          </Alert>
        )}
        {verify.isError && <ErrorAlert error={verify.error} />}
        <Group>
          <Select
            label={T.entityType}
            placeholder={T.all}
            data={Object.entries(ENTITY_LABELS).map(([value, label]) => ({ value, label }))}
            value={entityType}
            onChange={setEntityType}
            clearable
            w={220}
          />
        </Group>
        <Paper withBorder radius="md">
          {events.isPending ? (
            <Loading />
          ) : events.isError ? (
            <ErrorAlert error={events.error} onRetry={() => void events.refetch()} />
          ) : items.length === 0 ? (
            <Text c="dimmed" p="lg">
              {T.empty}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={900}>
              <Table verticalSpacing="sm" data-testid="audit-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={50}>{T.seq}</Table.Th>
                    <Table.Th w={180}>{T.when}</Table.Th>
                    <Table.Th w={150}>{T.who}</Table.Th>
                    <Table.Th>{T.what}</Table.Th>
                    <Table.Th>{T.changes}</Table.Th>
                    <Table.Th w={110}>{T.seal}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((e) => {
                    const name = recordName(e) ?? (e.entityType === 'membership' ? memberName(e.entityId) : null);
                    const changes = changesOf(e, memberName);
                    const linkable = e.entityType === 'ai_system' && e.action !== 'ai_system.deleted';
                    return (
                      <Table.Tr key={e.id} data-action={e.action}>
                        <Table.Td>
                          <Text fz="sm" c="dimmed">
                            {e.seq}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text fz="sm" style={{ whiteSpace: 'nowrap' }}>
                            {formatDateTime(e.at)}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text fz="sm">{e.actor.name || T.system}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text fz="sm" fw={500}>
                            {actionLabel(e.action)}
                          </Text>
                          <Text fz="xs" c="dimmed">
                            {ENTITY_LABELS[e.entityType] ?? e.entityType}
                            {name && ': '}
                            {name &&
                              (linkable ? (
                                <Anchor component={Link} to={`/orgs/${orgId}/ai-systems/${e.entityId}`} fz="xs">
                                  {name}
                                </Anchor>
                              ) : (
                                name
                              ))}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          {changes.slice(0, 4).map((c) => (
                            <Text key={c.label} fz="xs" style={{ overflowWrap: 'anywhere' }}>
                              <b>{c.label}</b>: {c.before} → {c.after}
                            </Text>
                          ))}
                          {changes.length > 4 && (
                            <Text fz="xs" c="dimmed">
                              and {changes.length - 4} more
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Tooltip label={`sha-256 ${e.hash}`} multiline w={320}>
                            <Code fz="xs" tabIndex={0} aria-label={`Seal ${e.hash}`}>
                              {e.hash.slice(0, 10)}
                            </Code>
                          </Tooltip>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>
        <Group justify="space-between">
          <Text fz="sm" c="dimmed">
            {T.showing(items.length)}
          </Text>
          {events.hasNextPage && (
            <Button variant="default" onClick={() => void events.fetchNextPage()} loading={events.isFetchingNextPage}>
              {T.loadMore}
            </Button>
          )}
        </Group>
      </Stack>
    </>
  );
}
