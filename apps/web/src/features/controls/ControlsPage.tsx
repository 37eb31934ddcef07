import { Anchor, Badge, Button, Checkbox, Group, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { IconListCheck } from '@tabler/icons-react';
import { cadenceLabel, CONTROL_STATUS_LABELS, CONTROL_STATUSES, type ControlStatus } from '@fortytwo/domain';
import { Link, useSearchParams } from 'react-router';
import { DownloadMenu, registerDownloads } from '../../ui/DownloadMenu';
import { FirstVisit } from '../../ui/FirstVisit';
import { formatDate } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useMembers } from '../members/api';
import { qs } from '../../api/client';
import { personOf } from '../../api/people';
import { useOrg } from '../shell/org-context';
import { controlHref, controlsPath, useControls, type ControlFilters } from './api';
import { StatusBadge } from './labels';
import { CONTROLS_TEXT as T } from './text';

const pick = <V extends string>(v: string | null, allowed: readonly V[]): V | undefined =>
  v && (allowed as readonly string[]).includes(v) ? (v as V) : undefined;

function useFilters() {
  const [params, setParams] = useSearchParams();
  const filters: ControlFilters = {
    status: pick(params.get('status'), [...CONTROL_STATUSES, 'none'] as const),
    ownerId: params.get('ownerId') ?? undefined,
    overdue: params.get('overdue') === 'true' ? 'true' : undefined,
    kind: pick(params.get('kind'), ['annex_a', 'custom'] as const),
  };
  const set = (key: keyof ControlFilters, value: string | null) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  return {
    filters,
    set,
    any: [...params.keys()].length > 0,
    clear: () => setParams(new URLSearchParams(), { replace: true }),
  };
}

/** The controls register (step 4): the SoA's included controls with their operation computed from recorded runs. */
export function ControlsPage() {
  const { orgId } = useOrg();
  const { filters, set, any, clear } = useFilters();
  const list = useControls(orgId, filters);
  const members = useMembers(orgId);
  const rows = list.data?.items ?? [];
  const people = list.data?.people;
  const firstVisit = list.isSuccess && rows.length === 0 && !any;

  return (
    <>
      <PageHeader
        title={T.title}
        description={T.description}
        crumbs={[{ label: T.crumbStep }]}
        actions={
          !firstVisit && (
            <DownloadMenu
              label={T.download}
              hint={T.downloadHint}
              items={registerDownloads(`${controlsPath(orgId)}/export`, qs(filters))}
            />
          )
        }
      />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : firstVisit ? (
        <FirstVisit
          testId="controls-empty"
          icon={<IconListCheck size={32} />}
          title={T.title}
          body={T.empty}
          why={T.whyBody}
          actions={
            <Button component={Link} to={`/orgs/${orgId}/soa`}>
              {T.toSoa}
            </Button>
          }
        />
      ) : (
        <Stack gap="md">
          <Group gap="sm" align="flex-end" wrap="wrap">
            <Select
              label={T.filterStatus}
              placeholder={T.anyStatus}
              clearable
              w={170}
              data={[
                ...CONTROL_STATUSES.map((s: ControlStatus) => ({ value: s, label: CONTROL_STATUS_LABELS[s] })),
                { value: 'none', label: T.notStarted },
              ]}
              value={filters.status ?? null}
              onChange={(v) => set('status', v)}
            />
            <Select
              label={T.filterOwner}
              placeholder={T.anyOwner}
              clearable
              searchable
              w={200}
              data={(members.data ?? []).map((m) => ({ value: m.user.id, label: m.user.name }))}
              value={filters.ownerId ?? null}
              onChange={(v) => set('ownerId', v)}
            />
            <Select
              label={T.filterSource}
              placeholder={T.anySource}
              clearable
              w={190}
              data={[
                { value: 'annex_a', label: T.annexA },
                { value: 'custom', label: T.custom },
              ]}
              value={filters.kind ?? null}
              onChange={(v) => set('kind', v)}
            />
            <Checkbox
              label={T.overdueOnly}
              checked={filters.overdue === 'true'}
              onChange={(e) => set('overdue', e.currentTarget.checked ? 'true' : null)}
              mb={8}
            />
            {any && (
              <Button variant="subtle" onClick={clear} mb={2}>
                {T.clearFilters}
              </Button>
            )}
          </Group>
          <Text fz="sm" c="dimmed" aria-live="polite">
            {T.showing(rows.length)}
          </Text>
          {rows.length === 0 ? (
            <Paper withBorder p="lg" radius="md">
              <Text fz="sm">{T.noMatch}</Text>
            </Paper>
          ) : (
            <Table.ScrollContainer minWidth={980}>
              <Table striped highlightOnHover verticalSpacing="xs" data-testid="controls-register">
                <Table.Thead>
                  <Table.Tr>
                    {Object.values(T.columns).map((c) => (
                      <Table.Th key={c}>{c}</Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((c) => (
                    <Table.Tr key={c.ref} data-ref={c.ref}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Anchor component={Link} to={controlHref(orgId, c.ref)} fw={600} fz="sm">
                          {c.ref}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <Text fz="sm">{c.title}</Text>
                        {c.included === false && (
                          <Text fz="xs" c="orange.8">
                            {T.excluded}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <StatusBadge status={c.status} />
                      </Table.Td>
                      <Table.Td>
                        <Text fz="sm">{personOf(people, c.ownerId)?.name ?? '—'}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text fz="sm">{c.status ? cadenceLabel(c.cadenceMonths) : '—'}</Text>
                      </Table.Td>
                      <Table.Td data-col="operatingSince">
                        <Text fz="sm">{formatDate(c.operatingSince)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text fz="sm">{formatDate(c.lastPerformed)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={6} wrap="nowrap">
                          <Text fz="sm">{formatDate(c.status === 'operating' ? c.nextDue : c.dueOn)}</Text>
                          {c.overdue && (
                            <Badge color="red" variant="filled" size="sm">
                              {T.overdue}
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
        </Stack>
      )}
    </>
  );
}
