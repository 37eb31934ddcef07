import {
  Anchor,
  Badge,
  Button,
  Center,
  EmptyState,
  Group,
  Paper,
  Progress,
  Select,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { IconPlus, IconUsers } from '@tabler/icons-react';
import { PARTY_CATEGORIES, PARTY_CATEGORY_LABELS, type PartyCategory } from '@fortytwo/domain';
import { Link, useNavigate, useSearchParams } from 'react-router';
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

function PartiesTable({ orgId, items }: { orgId: string; items: InterestedParty[] }) {
  const navigate = useNavigate();
  const C = T.columns;
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table highlightOnHover verticalSpacing="sm" className={classes.table} data-testid="parties-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{C.name}</Table.Th>
            <Table.Th w={220}>{C.category}</Table.Th>
            <Table.Th w={120} ta="right">
              {C.requirements}
            </Table.Th>
            <Table.Th w={190}>{C.addressed}</Table.Th>
            <Table.Th w={110}>{C.updatedAt}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((p) => {
            const href = partyHref(orgId, p.id);
            const total = p.requirements.length;
            const addressed = addressedCount(p);
            return (
              <Table.Tr
                key={p.id}
                data-party={p.name}
                style={{ cursor: 'pointer' }}
                onClick={(e) => !(e.target as HTMLElement).closest('a') && void navigate(href)}
              >
                <Table.Td miw={220}>
                  <Anchor component={Link} to={href} fw={600} fz="sm" className={classes.name}>
                    {p.name}
                  </Anchor>
                  {p.description && (
                    <Text fz="xs" c="dimmed" lineClamp={1}>
                      {p.description}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge variant="default" tt="none" fw={500}>
                    {PARTY_CATEGORY_LABELS[p.category]}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right" data-testid="requirement-count">
                  <Text fz="sm">{total}</Text>
                </Table.Td>
                <Table.Td data-testid="addressed-count">
                  {total === 0 ? (
                    <Text fz="sm" c="dimmed">
                      —
                    </Text>
                  ) : (
                    <Group gap="xs" wrap="nowrap">
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
                  )}
                </Table.Td>
                <Table.Td>
                  <Text fz="sm" title={`Added ${formatDate(p.createdAt)}`} className={classes.nowrap}>
                    {formatRelative(p.updatedAt)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

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
        <Stack gap="md">
          <Group align="flex-end" gap="md">
            <Select
              label={T.filterCategory}
              placeholder={T.anyCategory}
              data={options(PARTY_CATEGORY_LABELS)}
              value={category}
              onChange={(v) => setParams(v ? { category: v } : {}, { replace: true })}
              clearable
              w={240}
              comboboxProps={{ withinPortal: true }}
            />
            <Text fz="sm" c="dimmed" ml="auto" aria-live="polite" data-testid="parties-totals">
              {T.showing(shown.length, all.length)} · {T.totals(requirements, addressed)}
            </Text>
          </Group>
          <Paper withBorder radius="md">
            {shown.length > 0 ? (
              <PartiesTable orgId={orgId} items={shown} />
            ) : (
              <Center py={48}>
                <Text fw={600}>{T.noMatchTitle}</Text>
              </Center>
            )}
          </Paper>
        </Stack>
      )}
    </>
  );
}
