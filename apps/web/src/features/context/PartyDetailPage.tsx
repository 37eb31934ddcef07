import { useId } from 'react';
import { Badge, Button, DataList, Group, Paper, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconCheck, IconHistory, IconListDetails, IconMinus, IconPencil, IconTrash } from '@tabler/icons-react';
import { PARTY_CATEGORY_LABELS } from '@fortytwo/domain';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { confirmDanger } from '../../ui/confirm';
import { formatDateTime } from '../../ui/format';
import { notifyError, notifySuccess } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { DEFAULT_FRAMEWORK } from '../catalog/api';
import { RefChip } from '../catalog/RefChip';
import { useOrg } from '../shell/org-context';
import { partiesHref, partyHref, partyPath, refreshAfterChange, useParty } from './api';
import { useIsoRefs } from './iso-refs';
import { REQUIREMENT_KIND_COLORS } from './labels';
import { RecordHistory } from './RecordHistory';
import {
  COMMON_TEXT as C,
  PARTIES_TEXT as T,
  PARTY_FIELD_LABELS as L,
  REQUIREMENT_KIND_LABELS,
  STEP_CRUMBS,
} from './text';
import type { InterestedParty } from './types';
import classes from './context.module.css';

function Requirements({ orgId, party }: { orgId: string; party: InterestedParty }) {
  const iso = useIsoRefs(orgId);
  const RC = T.requirementColumns;
  if (party.requirements.length === 0)
    return (
      <Text fz="sm" c="dimmed">
        {T.noRequirements}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="sm" className={classes.table} withTableBorder data-testid="requirements-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={120}>{RC.kind}</Table.Th>
            <Table.Th>{RC.description}</Table.Th>
            <Table.Th w={170}>{RC.addressed}</Table.Th>
            <Table.Th w={300}>{RC.how}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {party.requirements.map((r) => (
            <Table.Tr key={r.id} data-addressed={r.addressed}>
              <Table.Td>
                <Badge variant="light" color={REQUIREMENT_KIND_COLORS[r.kind]} tt="none">
                  {REQUIREMENT_KIND_LABELS[r.kind]}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text fz="sm" className={classes.prewrap}>
                  {r.description}
                </Text>
              </Table.Td>
              <Table.Td>
                {r.addressed ? (
                  <Badge
                    variant="light"
                    color="teal"
                    tt="none"
                    className={classes.badgeText}
                    leftSection={<IconCheck size={12} aria-hidden />}
                  >
                    {T.addressed}
                  </Badge>
                ) : (
                  <Badge
                    variant="light"
                    color="gray"
                    tt="none"
                    className={classes.badgeText}
                    leftSection={<IconMinus size={12} aria-hidden />}
                  >
                    {T.notAddressed}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <Stack gap={6}>
                  {r.refs.length > 0 && (
                    <Group gap={4}>
                      {r.refs.map((ref) => (
                        <RefChip
                          key={ref}
                          orgId={orgId}
                          frameworkId={DEFAULT_FRAMEWORK}
                          refId={ref}
                          title={iso.titleOf(ref)}
                        />
                      ))}
                    </Group>
                  )}
                  {r.how && (
                    <Text fz="sm" className={classes.prewrap}>
                      {r.how}
                    </Text>
                  )}
                  {!r.addressed && (
                    <Text fz="sm" c="dimmed">
                      —
                    </Text>
                  )}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Details({ orgId, party }: { orgId: string; party: InterestedParty }) {
  const titleId = useId();
  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p="lg">
        <DataList withDivider labelWidth={200} gap="md">
          <DataList.Item>
            <DataList.ItemLabel>{L.category}</DataList.ItemLabel>
            <DataList.ItemValue>{PARTY_CATEGORY_LABELS[party.category]}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{L.description}</DataList.ItemLabel>
            <DataList.ItemValue>
              <Text fz="sm" c={party.description ? undefined : 'dimmed'} className={classes.prewrap}>
                {party.description || T.noDescription}
              </Text>
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{T.lastUpdatedLabel}</DataList.ItemLabel>
            <DataList.ItemValue>{T.lastUpdated(formatDateTime(party.updatedAt), party.version)}</DataList.ItemValue>
          </DataList.Item>
        </DataList>
      </Paper>
      <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={titleId}>
        <Stack gap="md">
          <Group justify="space-between">
            <Title order={2} fz="md" id={titleId}>
              {T.requirementsTitle}
            </Title>
            <Text fz="sm" c="dimmed">
              {T.totals(party.requirements.length, party.requirements.filter((r) => r.addressed).length)}
            </Text>
          </Group>
          <Requirements orgId={orgId} party={party} />
        </Stack>
      </Paper>
    </Stack>
  );
}

/** One interested party: its requirements and the decision on each, and its history. */
export function PartyDetailPage() {
  const { orgId, can } = useOrg();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'history' ? 'history' : 'details';
  const record = useParty(orgId, id);
  const qc = useQueryClient();
  const navigate = useNavigate();
  const listHref = partiesHref(orgId);
  const remove = useMutation({
    mutationFn: () => api.delete(partyPath(orgId, id)),
    onSuccess: async () => {
      notifySuccess(T.deleted(record.data?.name ?? ''));
      void navigate(listHref);
      await refreshAfterChange(qc, orgId);
    },
    onError: (e) => notifyError(e),
  });

  if (record.isPending) return <Loading />;
  if (record.isError) return <ErrorAlert error={record.error} onRetry={() => void record.refetch()} />;
  const p = record.data;
  if (!p)
    return (
      <>
        <PageHeader crumbs={[...STEP_CRUMBS, { label: T.title, to: listHref }]} title={T.title} />
        <ErrorAlert error={new Error(T.notFound)} title={T.notFound} />
      </>
    );
  const askDelete = async () => {
    if (await confirmDanger({ title: T.deleteTitle, message: T.deleteBody(p.name), confirmLabel: T.delete }))
      remove.mutate();
  };

  return (
    <>
      <PageHeader
        crumbs={[...STEP_CRUMBS, { label: T.title, to: listHref }, { label: p.name }]}
        title={p.name}
        badge={
          <Badge variant="outline" color="gray" tt="none">
            {PARTY_CATEGORY_LABELS[p.category]}
          </Badge>
        }
        actions={
          can('context.write') && (
            <>
              <Button
                variant="default"
                color="red"
                leftSection={<IconTrash size={16} />}
                onClick={() => void askDelete()}
                loading={remove.isPending}
              >
                {T.delete}
              </Button>
              <Button component={Link} to={`${partyHref(orgId, p.id)}/edit`} leftSection={<IconPencil size={16} />}>
                {T.edit}
              </Button>
            </>
          )
        }
      />
      <Tabs
        value={tab}
        onChange={(v) => setParams(v === 'history' ? { tab: 'history' } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List mb="lg">
          <Tabs.Tab value="details" leftSection={<IconListDetails size={16} />}>
            {T.details}
          </Tabs.Tab>
          <Tabs.Tab value="history" leftSection={<IconHistory size={16} />}>
            {T.history}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="details">
          <Details orgId={orgId} party={p} />
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <Paper withBorder radius="md" p="lg">
            {can('audit_event.read') ? (
              <RecordHistory orgId={orgId} entityType="interested_party" entityId={p.id} />
            ) : (
              <Text fz="sm" c="dimmed">
                {C.historyNotAllowed}
              </Text>
            )}
          </Paper>
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
