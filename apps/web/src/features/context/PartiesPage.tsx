import { Anchor, Badge, Button, EmptyState, Group, Paper, Progress, Select, Stack, Text } from '@mantine/core';
import { IconPlus, IconUsers } from '@tabler/icons-react';
import { PARTY_CATEGORIES, PARTY_CATEGORY_LABELS, type PartyCategory } from '@fortytwo/domain';
import { useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { RegisterTable, type RegisterColumn } from '../../ui/register';
import { formatDate, formatRelative } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useOrg } from '../shell/org-context';
import { partiesDownloads, partiesHref, partyHref, useParties } from './api';
import { options } from './labels';
import { PARTIES_TEXT as T, STEP_CRUMBS } from './text';
import type { InterestedParty } from './types';
import classes from './context.module.css';
import { DownloadMenu } from '../../ui/DownloadMenu';

function PartiesEmpty({ newHref, canWrite }: { newHref: string; canWrite: boolean }) {
  return (
    <Paper withBorder radius="md" p="xl">
      <EmptyState
        size="lg"
        variant="light"
        icon={<IconUsers size={32} />}
        title={T.emptyTitle}
        description={
          <Stack gap="sm" maw={640} mx="auto">
            <Text fz="sm">{T.emptyBody}</Text>
            <Text fz="sm">{T.emptyWhy}</Text>
            {!canWrite && (
              <Text fz="sm" fw={500}>
                {T.emptyReadOnly}
              </Text>
            )}
          </Stack>
        }
      >
        {canWrite && (
          <EmptyState.Actions>
            <Button component={Link} to={newHref} leftSection={<IconPlus size={16} />}>
              {T.emptyCta}
            </Button>
          </EmptyState.Actions>
        )}
      </EmptyState>
    </Paper>
  );
}

const addressedCount = (p: InterestedParty) => p.requirements.filter((r) => r.addressed).length;

const partyColumns = (orgId: string): RegisterColumn<InterestedParty>[] => [
  {
    id: 'name',
    header: T.columns.name,
    alwaysVisible: true,
    minWidth: 220,
    sortValue: (p) => p.name.toLowerCase(),
    text: (p) => p.name,
    cell: (p) => (
      <>
        <Anchor component={Link} to={partyHref(orgId, p.id)} fw={600} fz="sm" className={classes.name}>
          {p.name}
        </Anchor>
        {p.description && (
          <Text fz="xs" c="dimmed" lineClamp={1}>
            {p.description}
          </Text>
        )}
      </>
    ),
  },
  {
    id: 'category',
    header: T.columns.category,
    width: 220,
    sortValue: (p) => PARTY_CATEGORY_LABELS[p.category],
    cell: (p) => (
      <Badge variant="default" tt="none" fw={500}>
        {PARTY_CATEGORY_LABELS[p.category]}
      </Badge>
    ),
  },
  {
    id: 'requirements',
    header: T.columns.requirements,
    width: 120,
    sortValue: (p) => p.requirements.length,
    cell: (p) => (
      <Text fz="sm" data-testid="requirement-count">
        {p.requirements.length}
      </Text>
    ),
  },
  {
    id: 'addressed',
    header: T.columns.addressed,
    width: 190,
    sortValue: (p) => (p.requirements.length ? addressedCount(p) / p.requirements.length : null),
    text: (p) => (p.requirements.length ? T.addressedOf(addressedCount(p), p.requirements.length) : ''),
    cell: (p) => {
      const total = p.requirements.length;
      const addressed = addressedCount(p);
      return total === 0 ? (
        <Text fz="sm" c="dimmed" data-testid="addressed-count">
          —
        </Text>
      ) : (
        <Group gap="xs" wrap="nowrap" data-testid="addressed-count">
          <Text fz="sm" className={classes.nowrap}>
            {T.addressedOf(addressed, total)}
          </Text>
          <Progress
            value={(addressed / total) * 100}
            size="sm"
            w={64}
            color={addressed === total ? 'teal' : 'indigo'}
            aria-hidden
          />
        </Group>
      );
    },
  },
  {
    id: 'updatedAt',
    header: T.columns.updatedAt,
    width: 110,
    sortValue: (p) => p.updatedAt,
    cell: (p) => (
      <Text fz="sm" title={`Added ${formatDate(p.createdAt)}`} className={classes.nowrap}>
        {formatRelative(p.updatedAt)}
      </Text>
    ),
  },
];

/** Clause 4.2: the interested parties, how many requirements each has and how many the AIMS addresses. */
export function PartiesPage() {
  const { orgId, can } = useOrg();
  const canWrite = can('context.write');
  const list = useParties(orgId);
  const [params, setParams] = useSearchParams();
  const raw = params.get('category');
  const category = raw && (PARTY_CATEGORIES as readonly string[]).includes(raw) ? (raw as PartyCategory) : null;
  const all = list.data ?? [];
  const shown = category ? all.filter((p) => p.category === category) : all;
  const firstVisit = list.isSuccess && all.length === 0;
  const newHref = `${partiesHref(orgId)}/new`;
  const requirements = shown.reduce((n, p) => n + p.requirements.length, 0);
  const addressed = shown.reduce((n, p) => n + addressedCount(p), 0);
  const navigate = useNavigate();
  const columns = useMemo(() => partyColumns(orgId), [orgId]);
  // Only the category changes: the table's sort and columns stay in the address.
  const setCategory = (v: string | null) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (v) next.set('category', v);
        else next.delete('category');
        return next;
      },
      { replace: true },
    );

  return (
    <>
      <PageHeader
        crumbs={STEP_CRUMBS}
        title={T.title}
        description={T.description}
        actions={
          !firstVisit &&
          list.isSuccess && (
            <>
              <DownloadMenu label={T.export} hint={T.exportHint} items={partiesDownloads(orgId)} />
              {canWrite && (
                <Button component={Link} to={newHref} leftSection={<IconPlus size={16} />}>
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
        <PartiesEmpty newHref={newHref} canWrite={canWrite} />
      ) : (
        <RegisterTable
          orgId={orgId}
          register="parties"
          label={T.title}
          testId="parties-table"
          rows={shown}
          columns={columns}
          getRowId={(p) => p.id}
          onOpen={(p) => void navigate(partyHref(orgId, p.id))}
          rowAttributes={(p) => ({ 'data-party': p.name })}
          noMatch={{ title: T.noMatchTitle, body: '' }}
          exportName="interested-parties"
          minWidth={760}
          countText={
            <span data-testid="parties-totals">
              {T.showing(shown.length, all.length)} · {T.totals(requirements, addressed)}
            </span>
          }
          filters={
            <Select
              label={T.filterCategory}
              placeholder={T.anyCategory}
              data={options(PARTY_CATEGORY_LABELS)}
              value={category}
              onChange={(v) => setCategory(v)}
              clearable
              w={240}
              comboboxProps={{ withinPortal: true }}
            />
          }
        />
      )}
    </>
  );
}
