import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconPlus, IconShieldCheck } from '@tabler/icons-react';
import { RISK_KINDS, RISK_LEVEL_LABELS, RISK_LEVELS } from '@fortytwo/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { bulkEach, RegisterTable } from '../../ui/register';
import { DownloadMenu } from '../../ui/DownloadMenu';
import { FirstVisit } from '../../ui/FirstVisit';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useAiSystemChoices } from '../impact/api';
import { useOrg } from '../shell/org-context';
import {
  DASHBOARD_LISTS,
  newRiskHref,
  riskDownloads,
  risksHref,
  riskHref,
  riskKey,
  riskPath,
  useDashboard,
  useRisks,
  type DashboardList,
  type RiskFilters,
} from './api';
import { riskColumns } from './risk-columns';
import { RiskHeatmap } from './RiskHeatmap';
import { RISK_TEXT as T } from './text';
import type { Risk } from './types';

const pick = <V extends string>(v: string | null, allowed: readonly V[]): V | undefined =>
  v && (allowed as readonly string[]).includes(v) ? (v as V) : undefined;

const TABLE_KEYS = ['sort', 'order', 'hide'];

function useFilters() {
  const [params, setParams] = useSearchParams();
  const filters: RiskFilters = {
    aiSystemId: params.get('aiSystemId') ?? undefined,
    kind: pick(params.get('kind'), RISK_KINDS),
    status: pick(params.get('status'), ['open', 'closed'] as const),
    level: pick(params.get('level'), RISK_LEVELS),
    attention: params.get('attention') === 'true' ? 'true' : undefined,
    list: pick(params.get('list'), LIST_FILTERS),
  };
  const cell = params.get('cell'); // "inherent:4:5": a heatmap cell, filtered on the page
  // Sort and columns belong to the register table (they live in the address too).
  const sorting = params.has('sort');
  const set = (key: string, value: string | null) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const filtering = [...params.keys()].some((k) => !TABLE_KEYS.includes(k));
  return {
    filters,
    cell,
    sorting,
    set,
    clear: () =>
      setParams((p) => new URLSearchParams([...p].filter(([k]) => TABLE_KEYS.includes(k))), { replace: true }),
    any: filtering,
  };
}

const SHOWN = 5;
// "Needs attention" has its own filter (`attention=true`, the same rule, linked from the home page):
// the list filter offers the other lists, so no two controls mean the same thing.
const LIST_FILTERS = DASHBOARD_LISTS.filter((l) => l !== 'needsAttention');
const wholeListHref = (orgId: string, list: DashboardList) =>
  `${risksHref(orgId)}?${list === 'needsAttention' ? 'attention=true' : `list=${list}`}`;

function SideList({
  title,
  risks,
  total,
  orgId,
  list,
}: {
  title: string;
  risks: Risk[];
  total: number;
  orgId: string;
  list: DashboardList;
}) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Group justify="space-between" wrap="nowrap" gap="xs" mb={6}>
        <Title order={2} fz="sm">
          {title}
        </Title>
        <Badge variant="filled" color={total ? 'red.9' : 'gray.8'} style={{ flexShrink: 0 }}>
          {total}
        </Badge>
      </Group>
      {risks.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {T.none}
        </Text>
      ) : (
        <Stack gap={4}>
          {risks.slice(0, SHOWN).map((r) => (
            <Anchor key={r.id} component={Link} to={riskHref(orgId, r.id)} fz="sm">
              {r.ref} {r.title}
            </Anchor>
          ))}
          <Anchor component={Link} to={wholeListHref(orgId, list)} fz="xs" fw={600} mt={2}>
            {T.wholeList(total, SHOWN)}
          </Anchor>
        </Stack>
      )}
    </Paper>
  );
}

export function RisksPage() {
  const { orgId, can } = useOrg();
  const { filters, cell, sorting, set, clear, any } = useFilters();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const dashboard = useDashboard(orgId);
  const systems = useAiSystemChoices(orgId);
  const canWrite = can('risk.write');

  const [cellKind, cl, cc] = cell?.split(':') ?? [];
  // A heatmap cell is read from the server like any filter: the cell counts open risks (not
  // opportunities), so those are what it lists unless another status or kind is picked.
  const query: RiskFilters =
    cell && (cellKind === 'inherent' || cellKind === 'residual') && /^\d+$/.test(cl ?? '') && /^\d+$/.test(cc ?? '')
      ? {
          ...filters,
          status: filters.status ?? 'open',
          kind: filters.kind ?? 'risk',
          heatmap: cellKind,
          likelihood: Number(cl),
          consequence: Number(cc),
        }
      : filters;
  const list = useRisks(orgId, query);
  const columns = useMemo(() => riskColumns(orgId, list.people), [orgId, list.people]);
  // Sorting a column works on the whole register: the rest is read first.
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const needsAll = sorting;
  useEffect(() => {
    if (needsAll && hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [needsAll, hasNextPage, isFetchingNextPage, fetchNextPage]);
  const rows = list.rows ?? [];
  const setStatus = (status: 'open' | 'closed') => (selected: Risk[]) =>
    bulkEach(
      selected.filter((r) => r.status !== status),
      (r) => api.patch(riskPath(orgId, r.id), { version: r.version, status }),
      { done: T.bulkDone[status], name: (r) => r.ref },
    ).then(() => qc.invalidateQueries({ queryKey: riskKey(orgId) }));
  const firstVisit = list.isSuccess && list.rows?.length === 0 && !any;

  return (
    <>
      <PageHeader
        crumbs={[{ label: 'Do' }, { label: '4. Implementation' }]}
        title={T.registerTitle}
        description={T.registerDescription}
        actions={
          !firstVisit && (
            <>
              <DownloadMenu label={T.export} hint={T.exportHint} items={riskDownloads(orgId, query)} />
              {canWrite && (
                <Button component={Link} to={newRiskHref(orgId)} leftSection={<IconPlus size={16} />}>
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
        <FirstVisit
          testId="risks-empty"
          icon={<IconShieldCheck size={32} />}
          title={T.emptyTitle}
          body={T.emptyBody}
          why={T.emptyWhy}
          readOnlyNote={canWrite ? undefined : T.emptyReadOnly}
          actions={
            canWrite && (
              <Button component={Link} to={newRiskHref(orgId)} leftSection={<IconPlus size={16} />}>
                {T.addFirst}
              </Button>
            )
          }
        />
      ) : (
        <Stack gap="md">
          {dashboard.data && (
            <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
              <RiskHeatmap
                testId="heatmap-inherent"
                title={T.heatInherent}
                cells={dashboard.data.inherent}
                likelihoodLabels={dashboard.data.likelihoodLabels}
                consequenceLabels={dashboard.data.consequenceLabels}
                selected={cellKind === 'inherent' ? `${cl}:${cc}` : null}
                onSelect={(c) => set('cell', c ? `inherent:${c.likelihood}:${c.consequence}` : null)}
              />
              <RiskHeatmap
                testId="heatmap-residual"
                title={T.heatResidual}
                note={T.heatResidualNote}
                cells={dashboard.data.residual}
                likelihoodLabels={dashboard.data.likelihoodLabels}
                consequenceLabels={dashboard.data.consequenceLabels}
                selected={cellKind === 'residual' ? `${cl}:${cc}` : null}
                onSelect={(c) => set('cell', c ? `residual:${c.likelihood}:${c.consequence}` : null)}
              />
              <Stack gap="sm">
                <SideList
                  title={T.attention}
                  list="needsAttention"
                  risks={dashboard.data.needsAttention}
                  total={dashboard.data.listTotals.needsAttention}
                  orgId={orgId}
                />
                <SideList
                  title={T.reviewOverdue}
                  list="reviewOverdue"
                  risks={dashboard.data.reviewOverdue}
                  total={dashboard.data.listTotals.reviewOverdue}
                  orgId={orgId}
                />
                <SideList
                  title={T.expiring}
                  list="acceptancesExpiring"
                  risks={dashboard.data.acceptancesExpiring}
                  total={dashboard.data.listTotals.acceptancesExpiring}
                  orgId={orgId}
                />
              </Stack>
            </SimpleGrid>
          )}
          {query.heatmap && (
            <Alert
              variant="light"
              color="blue"
              withCloseButton
              onClose={() => set('cell', null)}
              closeButtonLabel={T.filters.clear}
            >
              {T.cellFilter(query.heatmap, Number(cl), Number(cc), query.status ?? 'open', query.kind ?? 'risk')}
            </Alert>
          )}
          <RegisterTable
            orgId={orgId}
            register="risks"
            label={T.registerTitle}
            testId="risk-table"
            rows={rows}
            columns={columns}
            getRowId={(r) => r.id}
            rowAttributes={(r) => ({ 'data-ref': r.ref })}
            onOpen={(r) => void navigate(riskHref(orgId, r.id))}
            filtering={any}
            onClearFilters={clear}
            exportName="risks"
            minWidth={920}
            countText={list.hasNextPage && !needsAll ? T.countSoFar(rows.length) : T.count(rows.length)}
            bulkActions={[
              { label: T.bulkClose, run: setStatus('closed'), allowed: canWrite },
              { label: T.bulkReopen, run: setStatus('open'), allowed: canWrite, color: 'gray' },
            ]}
            more={{
              hasMore: Boolean(list.hasNextPage),
              loading: list.isFetchingNextPage,
              onLoadMore: () => void list.fetchNextPage(),
              label: T.loadMore,
            }}
            filters={
              <>
                <Select
                  label={T.filters.aiSystem}
                  placeholder={T.filters.any}
                  clearable
                  searchable
                  w={220}
                  data={(systems.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
                  value={filters.aiSystemId ?? null}
                  onChange={(v) => set('aiSystemId', v)}
                />
                <Select
                  label={T.filters.kind}
                  placeholder={T.filters.any}
                  clearable
                  w={150}
                  data={RISK_KINDS.map((k) => ({ value: k, label: T.kinds[k] }))}
                  value={filters.kind ?? null}
                  onChange={(v) => set('kind', v)}
                />
                <Select
                  label={T.filters.status}
                  placeholder={T.filters.any}
                  clearable
                  w={130}
                  data={(['open', 'closed'] as const).map((s) => ({ value: s, label: T.statuses[s] }))}
                  value={filters.status ?? null}
                  onChange={(v) => set('status', v)}
                />
                <Select
                  label={T.filters.level}
                  placeholder={T.filters.any}
                  clearable
                  w={150}
                  data={RISK_LEVELS.map((l) => ({ value: l, label: RISK_LEVEL_LABELS[l] }))}
                  value={filters.level ?? null}
                  onChange={(v) => set('level', v)}
                />
                <Select
                  label={T.filters.list}
                  placeholder={T.filters.any}
                  clearable
                  w={210}
                  data={LIST_FILTERS.map((l) => ({ value: l, label: T.filters.lists[l] }))}
                  value={filters.list ?? null}
                  onChange={(v) => set('list', v)}
                />
                <Checkbox
                  label={T.filters.attention}
                  checked={filters.attention === 'true'}
                  onChange={(e) => set('attention', e.currentTarget.checked ? 'true' : null)}
                  mb={8}
                />
              </>
            }
          />
        </Stack>
      )}
    </>
  );
}
