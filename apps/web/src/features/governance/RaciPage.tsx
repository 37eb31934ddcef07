import { useState, type ReactNode } from 'react';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  EmptyState,
  Group,
  List,
  Paper,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  ThemeIcon,
  Title,
  Tooltip,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconCircleDashed,
  IconInfoCircle,
  IconPlus,
  IconSitemap,
  IconX,
} from '@tabler/icons-react';
import { RACI_LABELS, RACI_LETTERS, ROLE_LABELS, ROLES } from '@fortytwo/domain';
import { api } from '../../api/client';
import type { Member } from '../../api/types';
import { confirmDanger } from '../../ui/confirm';
import { notifyError, notifySuccess } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useMembers } from '../members/api';
import { useOrg } from '../shell/org-context';
import { ActivityFormModal } from './ActivityFormModal';
import { raciActivityPath, raciDownloads, raciKey, useRaci, useRaciAccountability, useRaciColumnChoice } from './api';
import { useRaciColumns } from './raci-columns';
import { RaciRow } from './RaciRow';
import type { RaciActivity, RaciColumnChoice } from './types';
import { RACI_COLORS, RACI_TEXT as T } from './text';
import classes from './governance.module.css';
import { DownloadMenu } from '../../ui/DownloadMenu';

function Teaching({ full }: { full: boolean }) {
  return (
    <Paper withBorder radius="md" p="lg">
      <Group align="flex-start" wrap="nowrap" gap="md">
        <ThemeIcon variant="light" size="lg" radius="md" aria-hidden>
          <IconSitemap size={20} />
        </ThemeIcon>
        <Stack gap={8} style={{ minWidth: 0 }}>
          {full && (
            <>
              <Title order={2} fz="md">
                {T.teachTitle}
              </Title>
              <Text fz="sm">{T.teachBody}</Text>
              <Text fz="sm">{T.teachWhy}</Text>
            </>
          )}
          <Group gap="md" aria-label={T.legend} role="list">
            {RACI_LETTERS.map((l) => (
              <Group key={l} gap={6} wrap="nowrap" role="listitem">
                <Badge radius="sm" variant="light" color={RACI_COLORS[l]} className={classes.letter} aria-hidden>
                  {l}
                </Badge>
                <Text fz="sm">
                  <Text span fw={600} inherit>
                    {RACI_LABELS[l]}
                  </Text>{' '}
                  <Text span c="dimmed" inherit>
                    {T.letterHints[l]}
                  </Text>
                </Text>
              </Group>
            ))}
          </Group>
        </Stack>
      </Group>
    </Paper>
  );
}

/** The RACI of AIMS activities (5.3, A.3.2): activities as rows, people and roles as columns. */
export function RaciPage() {
  const { orgId, can } = useOrg();
  const raci = useRaci(orgId);
  const members = useMembers(orgId);
  const columns = useRaciColumnChoice(orgId);
  const header = (actions?: ReactNode) => (
    <PageHeader
      crumbs={[{ label: 'Plan' }, { label: T.crumbStep }]}
      title={T.title}
      description={T.description}
      actions={actions}
    />
  );
  if (raci.isError || members.isError || columns.isError)
    return (
      <>
        {header()}
        <ErrorAlert
          error={raci.error ?? members.error ?? columns.error}
          onRetry={() => void Promise.all([raci.refetch(), members.refetch(), columns.refetch()])}
        />
      </>
    );
  if (raci.isPending || members.isPending || columns.isPending) return <Loading />;
  return (
    <RaciMatrix
      activities={raci.data}
      members={members.data}
      choice={columns.data}
      header={header}
      canWrite={can('context.write')}
    />
  );
}

type MatrixProps = {
  activities: RaciActivity[];
  members: Member[];
  choice: RaciColumnChoice;
  header: (actions?: ReactNode) => ReactNode;
  canWrite: boolean;
};

function RaciMatrix({ activities, members, choice, header, canWrite }: MatrixProps) {
  const { orgId } = useOrg();
  const qc = useQueryClient();
  const [onlyProblems, setOnlyProblems] = useState(false);
  const [editing, setEditing] = useState<RaciActivity | 'new' | null>(null);
  const cols = useRaciColumns(orgId, members, activities, choice);
  const needsWork = activities.filter((a) => a.problems.length > 0);
  const unassigned = needsWork.filter((a) => a.assignments.length === 0).length;
  const wrong = needsWork.length - unassigned;
  const shown = onlyProblems ? needsWork : activities;
  const anyAssigned = activities.some((a) => a.assignments.length > 0);

  const remove = useMutation({
    mutationFn: (a: RaciActivity) => api.delete(raciActivityPath(orgId, a.id)),
    onSuccess: async (_r, a) => {
      notifySuccess(T.deleted(a.name));
      await qc.invalidateQueries({ queryKey: raciKey(orgId) });
    },
    onError: (e) => notifyError(e),
  });
  const askDelete = async (a: RaciActivity) => {
    if (await confirmDanger({ title: T.deleteTitle, message: T.deleteBody(a.name), confirmLabel: T.delete }))
      remove.mutate(a);
  };

  const shownKeys = new Set(cols.columns.map((c) => c.key));
  const columnChoices = [
    {
      group: T.people,
      items: members
        .filter((m) => !m.expired && !shownKeys.has(`user:${m.user.id}`))
        .map((m) => ({ value: `user:${m.user.id}`, label: m.user.name })),
    },
    {
      group: T.roles,
      items: ROLES.filter((r) => !shownKeys.has(`role:${r}`)).map((r) => ({
        value: `role:${r}`,
        label: `${ROLE_LABELS[r]} (${T.roleSuffix})`,
      })),
    },
  ].filter((g) => g.items.length > 0);

  const actions = (
    <>
      <DownloadMenu label={T.export} hint={T.exportHint} items={raciDownloads(orgId)} />
      {canWrite && activities.length > 0 && (
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
          {T.addActivity}
        </Button>
      )}
    </>
  );

  return (
    <>
      {header(actions)}
      <Stack gap="lg">
        <Teaching full={!anyAssigned} />
        <AccountabilityCheck orgId={orgId} />
        {!canWrite && (
          <Alert variant="light" color="gray" icon={<IconInfoCircle size={18} />}>
            {T.readOnly}
          </Alert>
        )}
        {activities.length === 0 ? (
          <Paper withBorder radius="md" p="xl">
            <EmptyState
              size="lg"
              variant="light"
              icon={<IconSitemap size={32} />}
              title={T.emptyTitle}
              description={
                <Text fz="sm" maw={620} mx="auto">
                  {T.emptyBody}
                </Text>
              }
            >
              {canWrite && (
                <EmptyState.Actions>
                  <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
                    {T.emptyCta}
                  </Button>
                </EmptyState.Actions>
              )}
            </EmptyState>
          </Paper>
        ) : (
          <Paper withBorder radius="md">
            <Group justify="space-between" p="md" gap="md" align="flex-end">
              <Group gap="md">
                <Group gap={6} wrap="nowrap" data-testid="raci-summary">
                  {wrong ? (
                    <IconAlertTriangle size={18} color="var(--mantine-color-orange-light-color)" aria-hidden />
                  ) : unassigned ? (
                    <IconCircleDashed size={18} color="var(--mantine-color-dimmed)" aria-hidden />
                  ) : (
                    <IconCircleCheck size={18} color="var(--mantine-color-teal-7)" aria-hidden />
                  )}
                  <Text fz="sm" fw={600} aria-live="polite">
                    {needsWork.length === 0
                      ? T.allGood
                      : [wrong ? T.withProblems(wrong) : null, unassigned ? T.notAssigned(unassigned) : null]
                          .filter(Boolean)
                          .join(' · ')}
                  </Text>
                </Group>
                <Switch
                  label={T.onlyProblems}
                  checked={onlyProblems}
                  onChange={(e) => setOnlyProblems(e.currentTarget.checked)}
                />
              </Group>
              {canWrite && columnChoices.length > 0 && (
                <Select
                  label={T.addColumn}
                  placeholder={T.addColumnPlaceholder}
                  data={columnChoices}
                  value={null}
                  onChange={(v) => v && cols.add(v)}
                  searchable
                  w={260}
                  leftSection={<IconPlus size={14} />}
                  comboboxProps={{ withinPortal: true }}
                />
              )}
            </Group>
            <Table.ScrollContainer minWidth={280 + cols.columns.length * 120} type="native">
              <Table className={classes.raciTable} verticalSpacing="sm" withRowBorders>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th className={classes.activityCell}>{T.activity}</Table.Th>
                    {cols.columns.map((c) => (
                      <Table.Th key={c.key} className={classes.cell}>
                        <Group gap={2} justify="center" wrap="nowrap">
                          <Stack gap={0} align="center" style={{ minWidth: 0 }}>
                            <Text fz="sm" fw={600} ta="center" lineClamp={2}>
                              {c.label}
                            </Text>
                            <Text fz="xs" c="dimmed" fw={400}>
                              {c.sub}
                            </Text>
                          </Stack>
                          {canWrite && !cols.isUsed(c.key) && (
                            <Tooltip label={T.removeColumn(c.label)} withArrow>
                              <ActionIcon
                                size="sm"
                                variant="subtle"
                                color="gray"
                                onClick={() => cols.remove(c.key)}
                                aria-label={T.removeColumn(c.label)}
                              >
                                <IconX size={14} />
                              </ActionIcon>
                            </Tooltip>
                          )}
                        </Group>
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.map((a) => (
                    <RaciRow
                      key={a.id}
                      orgId={orgId}
                      activity={a}
                      columns={cols.columns}
                      canWrite={canWrite}
                      onEdit={() => setEditing(a)}
                      onDelete={() => void askDelete(a)}
                    />
                  ))}
                  {shown.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={cols.columns.length + 1}>
                        <Text fz="sm" c="dimmed" ta="center" py="md">
                          {T.noProblemsFiltered}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {cols.columns.length === 0 && (
              <Text fz="sm" c="dimmed" p="md">
                {T.noColumns}
              </Text>
            )}
          </Paper>
        )}
      </Stack>
      <ActivityFormModal orgId={orgId} target={editing} onClose={() => setEditing(null)} />
    </>
  );
}

/** Clause 5.3's two assignments: warns while either is missing or has no one Accountable. */
function AccountabilityCheck({ orgId }: { orgId: string }) {
  const check = useRaciAccountability(orgId);
  if (!check.data?.length) return null;
  return (
    <Alert
      variant="light"
      color="orange"
      icon={<IconAlertTriangle size={18} />}
      title={T.accountabilityTitle}
      data-testid="raci-accountability"
    >
      <Text fz="sm" mb={4}>
        {T.accountabilityIntro}
      </Text>
      <List size="sm" spacing={2}>
        {check.data.map((w) => (
          <List.Item key={w.activity} data-code={w.code}>
            {w.message}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
