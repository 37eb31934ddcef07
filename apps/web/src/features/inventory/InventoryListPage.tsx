import { Button, Center, Group, Paper, Stack, Text } from '@mantine/core';
import { IconDownload, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useOrg } from '../shell/org-context';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { exportCsvHref, useAiSystemList } from './api';
import { ImportCsvButton } from './ImportCsv';
import { InventoryEmpty } from './InventoryEmpty';
import { InventoryTable } from './InventoryTable';
import { InventoryToolbar } from './InventoryToolbar';
import { SortControl } from './SortControl';
import { INVENTORY_TEXT as T } from './text';
import { useInventoryUrlState } from './url-state';

export function InventoryListPage() {
  const { orgId, can } = useOrg();
  const state = useInventoryUrlState();
  const list = useAiSystemList(orgId, state.filters, state.sort);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;
  const canWrite = can('ai_system.write');
  const firstVisit = list.isSuccess && total === 0 && !state.hasFilters;

  return (
    <>
      <PageHeader
        crumbs={[{ label: 'Plan' }, { label: '2. Scope & governance' }]}
        title={T.title}
        description={T.description}
        actions={
          !firstVisit && (
            <>
              <Button
                component="a"
                href={exportCsvHref(orgId, state.filters)}
                download
                variant="default"
                leftSection={<IconDownload size={16} />}
              >
                {T.exportCsv}
              </Button>
              {canWrite && <ImportCsvButton orgId={orgId} />}
              {canWrite && (
                <Button component={Link} to={`/orgs/${orgId}/ai-systems/new`} leftSection={<IconPlus size={16} />}>
                  {T.add}
                </Button>
              )}
            </>
          )
        }
      />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : firstVisit ? (
        <InventoryEmpty orgId={orgId} canWrite={canWrite} />
      ) : (
        <Stack gap="md">
          <InventoryToolbar state={state} />
          <Group justify="space-between">
            <Text fz="sm" c="dimmed" aria-live="polite">
              {T.showing(items.length, total)}
            </Text>
            <SortControl state={state} />
          </Group>
          <Paper withBorder radius="md">
            {items.length > 0 ? (
              <InventoryTable orgId={orgId} items={items} sort={state.sort} onSort={state.setSort} />
            ) : (
              <Center py={48}>
                <Stack align="center" gap={4}>
                  <Text fw={600}>{T.noMatchTitle}</Text>
                  <Text c="dimmed" fz="sm">
                    {T.noMatch}
                  </Text>
                  <Button variant="subtle" onClick={state.clearFilters} mt="xs">
                    {T.clearFilters}
                  </Button>
                </Stack>
              </Center>
            )}
          </Paper>
          {list.hasNextPage && (
            <Group justify="center">
              <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
                {T.loadMore} ({total - items.length} more)
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </>
  );
}
