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
  Table,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowDown,
  IconArrowsSort,
  IconArrowUp,
  IconPlus,
  IconShieldCheck,
} from '@tabler/icons-react';
import { RISK_KINDS, RISK_LEVEL_LABELS, RISK_LEVELS } from '@fortytwo/domain';
import { useEffect } from 'react';
import { Link, useSearchParams } from 'react-router';
import { DownloadMenu } from '../../ui/DownloadMenu';
import { FirstVisit } from '../../ui/FirstVisit';
import { formatDate } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useAiSystemChoices } from '../impact/api';
import { useOrg } from '../shell/org-context';
import { newRiskHref, riskDownloads, riskHref, useDashboard, useRisks, type RiskFilters } from './api';
import { LevelBadge } from './levels';
import { RiskHeatmap } from './RiskHeatmap';
import { RISK_TEXT as T } from './text';
import type { Risk } from './types';

const pick = <V extends string>(v: string | null, allowed: readonly V[]): V | undefined =>
  v && (allowed as readonly string[]).includes(v) ? (v as V) : undefined;

type Column = keyof typeof T.columns;
const COLUMNS = Object.keys(T.columns) as Column[];
type Sort = { column: Column; order: 'asc' | 'desc' } | null;
const ACCEPTANCE_ORDER = { none: 0, in_force: 1, expiring: 2, expired: 3 } as const;
const refNumber = (ref: string) => Number(ref.replace(/\D/g, '')) || 0;
/** What a column sorts by; empty values (null) go last either way. */
const sortValue = (r: Risk, c: Column): string | number | null => {
  switch (c) {
    case 'ref':
      return refNumber(r.ref);
    case 'title':
      return r.title.toLowerCase();
    case 'aiSystem':
      return r.aiSystem?.name.toLowerCase() ?? null;
    case 'source':
      return r.sourceLabel.toLowerCase();
    case 'inherent':
      return r.inherentScore;
    case 'residual':
      return r.residualScore;
    case 'owner':
      return r.owner?.name.toLowerCase() ?? null;
    case 'review':
      return r.reviewDate;
    case 'acceptance':
      return ACCEPTANCE_ORDER[r.acceptanceState];
  }
};
function sorted(rows: Risk[], sort: Sort): Risk[] {
  if (!sort) return rows;
  const dir = sort.order === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = sortValue(a, sort.column);
    const y = sortValue(b, sort.column);
    if (x === y) return refNumber(a.ref) - refNumber(b.ref);
    if (x === null) return 1;
    if (y === null) return -1;
    return (x < y ? -1 : 1) * dir;
  });
}

function SortHeader({ column, sort, onSort }: { column: Column; sort: Sort; onSort: (c: Column) => void }) {
  const active = sort?.column === column;
  const Icon = !active ? IconArrowsSort : sort.order === 'asc' ? IconArrowUp : IconArrowDown;
  return (
    <Table.Th aria-sort={active ? (sort.order === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton onClick={() => onSort(column)} fz="sm" fw={700} style={{ borderRadius: 4 }} data-sort={column}>
        <Group gap={4} wrap="nowrap">
          <span>{T.columns[column]}</span>
          <Icon size={14} aria-hidden color={active ? undefined : 'var(--mantine-color-dimmed)'} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

function useFilters() {
  const [params, setParams] = useSearchParams();
  const filters: RiskFilters = {
    aiSystemId: params.get('aiSystemId') ?? undefined,
    kind: pick(params.get('kind'), RISK_KINDS),
    status: pick(params.get('status'), ['open', 'closed'] as const),
    level: pick(params.get('level'), RISK_LEVELS),
    attention: params.get('attention') === 'true' ? 'true' : undefined,
  };
  const cell = params.get('cell'); // "inherent:4:5": a heatmap cell, filtered on the page
  const column = pick(params.get('sort'), COLUMNS);
  const sort: Sort = column ? { column, order: params.get('order') === 'desc' ? 'desc' : 'asc' } : null;
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
  const onSort = (c: Column) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        next.set('sort', c);
        next.set('order', sort?.column === c && sort.order === 'asc' ? 'desc' : 'asc');
        return next;
      },
      { replace: true },
    );
  const filtering = [...params.keys()].some((k) => k !== 'sort' && k !== 'order');
  return {
    filters,
    cell,
    sort,
    onSort,
    set,
    clear: () =>
      setParams((p) => new URLSearchParams([...p].filter(([k]) => k === 'sort' || k === 'order')), { replace: true }),
    any: filtering,
  };
}

function SideList({ title, risks, total, orgId }: { title: string; risks: Risk[]; total: number; orgId: string }) {
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
          {risks.slice(0, 5).map((r) => (
            <Anchor key={r.id} component={Link} to={riskHref(orgId, r.id)} fz="sm">
              {r.ref} {r.title}
            </Anchor>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

export function RisksPage() {
  const { orgId, can } = useOrg();
  const { filters, cell, sort, onSort, set, clear, any } = useFilters();
  const list = useRisks(orgId, filters);
  const dashboard = useDashboard(orgId);
  const systems = useAiSystemChoices(orgId);
  const canWrite = can('risk.write');

  const [cellKind, cl, cc] = cell?.split(':') ?? [];
  const cellIds = cell
    ? new Set(
        (cellKind === 'residual' ? dashboard.data?.residual : dashboard.data?.inherent)?.find(
          (x) => x.likelihood === Number(cl) && x.consequence === Number(cc),
        )?.riskIds ?? [],
      )
    : null;
  // Sorting a column or picking a heatmap cell works on the whole register: the rest is read first.
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const needsAll = sort !== null || cell !== null;
  useEffect(() => {
    if (needsAll && hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [needsAll, hasNextPage, isFetchingNextPage, fetchNextPage]);
  const rows = sorted(
    (list.rows ?? []).filter((r) => !cellIds || cellIds.has(r.id)),
    sort,
  );
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
              <DownloadMenu label={T.export} hint={T.exportHint} items={riskDownloads(orgId, filters)} />
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
                  risks={dashboard.data.needsAttention}
                  total={dashboard.data.listTotals.needsAttention}
                  orgId={orgId}
                />
                <SideList
                  title={T.reviewOverdue}
                  risks={dashboard.data.reviewOverdue}
                  total={dashboard.data.listTotals.reviewOverdue}
                  orgId={orgId}
                />
                <SideList
                  title={T.expiring}
                  risks={dashboard.data.acceptancesExpiring}
                  total={dashboard.data.listTotals.acceptancesExpiring}
                  orgId={orgId}
                />
              </Stack>
            </SimpleGrid>
          )}
          <Group gap="sm" align="flex-end" wrap="wrap">
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
            <Checkbox
              label={T.filters.attention}
              checked={filters.attention === 'true'}
              onChange={(e) => set('attention', e.currentTarget.checked ? 'true' : null)}
              mb={8}
            />
            {any && (
              <Button variant="subtle" onClick={clear} mb={2}>
                {T.filters.clear}
              </Button>
            )}
          </Group>
          {cell && (
            <Alert
              variant="light"
              color="blue"
              withCloseButton
              onClose={() => set('cell', null)}
              closeButtonLabel={T.filters.clear}
            >
              {T.cellFilter(Number(cl), Number(cc))}
            </Alert>
          )}
          <Text fz="sm" c="dimmed" aria-live="polite">
            {list.hasNextPage && !needsAll ? T.countSoFar(rows.length) : T.count(rows.length)}
          </Text>
          <Table.ScrollContainer minWidth={920}>
            <Table striped highlightOnHover verticalSpacing="xs" horizontalSpacing={6} data-testid="risk-table">
              <Table.Thead>
                <Table.Tr>
                  {COLUMNS.map((c) => (
                    <SortHeader key={c} column={c} sort={sort} onSort={onSort} />
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.id} data-ref={r.ref}>
                    <Table.Td>
                      <Anchor component={Link} to={riskHref(orgId, r.id)} fw={600}>
                        {r.ref}
                      </Anchor>
                    </Table.Td>
                    <Table.Td miw={150}>
                      <Group gap={6} wrap="nowrap">
                        {r.needsAttention && (
                          <IconAlertTriangle size={16} color="var(--mantine-color-red-8)" aria-label={T.attention} />
                        )}
                        <Text fz="sm">{r.title}</Text>
                        {r.kind === 'opportunity' && (
                          <Badge size="xs" variant="outline" color="teal.9" tt="none">
                            {T.kinds.opportunity}
                          </Badge>
                        )}
                        {r.status === 'closed' && (
                          <Badge size="xs" variant="outline" color="gray.8">
                            {T.statuses.closed}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td fz="sm">{r.aiSystem?.name ?? T.filters.orgWide}</Table.Td>
                    <Table.Td maw={150}>
                      <Text fz="sm" lineClamp={2} title={r.sourceLabel}>
                        {r.sourceLabel}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <LevelBadge level={r.inherentLevel} score={r.inherentScore} unrated={!r.rated} />
                    </Table.Td>
                    <Table.Td>
                      <LevelBadge level={r.residualLevel} score={r.residualScore} />
                    </Table.Td>
                    <Table.Td fz="sm">{r.owner?.name ?? '—'}</Table.Td>
                    <Table.Td fz="sm" c={r.reviewOverdue ? 'red.9' : undefined}>
                      {r.reviewDate ? `${formatDate(r.reviewDate)}${r.reviewOverdue ? ` (${T.overdue})` : ''}` : '—'}
                    </Table.Td>
                    <Table.Td fz="sm">{T.acceptance[r.acceptanceState]}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {list.hasNextPage && (
            <Group justify="center">
              <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
                {T.loadMore}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </>
  );
}
