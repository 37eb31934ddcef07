import { Button } from '@mantine/core';
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
        <InventoryTable
          orgId={orgId}
          items={items}
          people={list.people}
          sort={state.sort}
          onSort={state.setSort}
          filters={
            <>
              <InventoryToolbar state={state} />
              <SortControl state={state} />
            </>
          }
          filtering={state.hasFilters}
          onClearFilters={state.clearFilters}
          countText={T.showing(items.length, total)}
          more={{
            hasMore: Boolean(list.hasNextPage),
            loading: list.isFetchingNextPage,
            onLoadMore: () => void list.fetchNextPage(),
            label: `${T.loadMore} (${total - items.length} more)`,
          }}
        />
      )}
    </>
  );
}
