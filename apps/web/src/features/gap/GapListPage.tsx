import { useState } from 'react';
import {
  Anchor,
  Badge,
  Button,
  Center,
  Checkbox,
  Group,
  Paper,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconChecklist, IconFileDescription } from '@tabler/icons-react';
import { ACTION_STATUS_LABELS } from '@fortytwo/domain';
import { Link, useSearchParams } from 'react-router';
import { personOf, type People } from '../../api/people';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useMembers } from '../members/api';
import { useOrg } from '../shell/org-context';
import { gapHref, useGaps, type Gap } from './api';
import { useAssessmentOutlet } from './AssessmentLayout';
import { CreateActionsModal } from './CreateActionsModal';
import { formatDay } from './format';
import { ResultBadge } from './ResultBadge';
import { SECTIONS, sectionName, useGapCatalogue } from './sections';
import { GAP_TEXT as T } from './text';
import classes from './gap.module.css';

const ACTION_COLORS = { open: 'blue', in_progress: 'yellow', done: 'teal' } as const;

function Actions({ gap, people }: { gap: Gap; people: People }) {
  if (gap.actions.length === 0)
    return (
      <Text fz="sm" c="dimmed">
        {T.noActions}
      </Text>
    );
  return (
    <Stack gap={4}>
      {gap.actions.map((a) => (
        <div key={a.id} title={a.title}>
          <Group gap={6} wrap="nowrap">
            <Badge size="xs" variant="light" color={ACTION_COLORS[a.status]} tt="none" style={{ flexShrink: 0 }}>
              {ACTION_STATUS_LABELS[a.status]}
            </Badge>
            <Text fz="xs" truncate>
              {personOf(people, a.ownerId)?.name ?? T.noOwner}
            </Text>
          </Group>
          {a.dueDate && (
            <Text fz="xs" c="dimmed">
              {T.due(formatDay(a.dueDate))}
            </Text>
          )}
        </div>
      ))}
    </Stack>
  );
}

/** The prioritized gap list with filters; chosen gaps become actions in one step. */
export function GapListPage() {
  const { orgId } = useOrg();
  const { assessment, readOnly } = useAssessmentOutlet();
  const gaps = useGaps(orgId, assessment.id);
  const members = useMembers(orgId);
  const catalogue = useGapCatalogue(orgId);
  const [params, setParams] = useSearchParams();
  const [selected, setSelected] = useState<string[]>([]);
  const [creating, setCreating] = useState(false);
  const section = params.get('section');
  const docsOnly = params.get('docs') === '1';
  const withoutAction = params.get('noAction') === '1';
  const setParam = (key: string, value: string | null) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const canAct = readOnly === null;

  if (gaps.isPending) return <Loading />;
  if (gaps.isError) return <ErrorAlert error={gaps.error} onRetry={() => void gaps.refetch()} />;
  const all = gaps.data.items;
  const people = gaps.data.people;
  const shown = all.filter(
    (g) =>
      (!section || g.section === section) &&
      (!docsOnly || g.documentation) &&
      (!withoutAction || g.actions.length === 0),
  );
  const stillGaps = selected.filter((r) => all.some((g) => g.ref === r));
  const allShownSelected = shown.length > 0 && shown.every((g) => stillGaps.includes(g.ref));
  const toggle = (ref: string, on: boolean) =>
    setSelected((s) => (on ? [...s.filter((r) => r !== ref), ref] : s.filter((r) => r !== ref)));
  const hasFilters = !!section || docsOnly || withoutAction;
  const C = T.gapColumns;

  return (
    <Stack gap="md">
      <div>
        <Title order={2} fz="lg">
          {T.gapsTitle}
        </Title>
        <Text fz="sm" c="dimmed" maw={820}>
          {T.gapsHint}
        </Text>
      </div>
      <Group gap="md" align="flex-end">
        <Select
          label={T.filterSection}
          data={[
            { value: 'all', label: T.allSections },
            ...SECTIONS.map((s) => ({
              value: s,
              label: `${sectionName(s)}${catalogue.titles[s] ? ` · ${catalogue.titles[s]}` : ''}`,
            })),
          ]}
          value={section ?? 'all'}
          onChange={(v) => setParam('section', v && v !== 'all' ? v : null)}
          allowDeselect={false}
          w={260}
          size="sm"
        />
        <Switch
          label={T.filterDocumentation}
          checked={docsOnly}
          onChange={(e) => setParam('docs', e.currentTarget.checked ? '1' : null)}
          mb={8}
        />
        <Switch
          label={T.filterWithoutAction}
          checked={withoutAction}
          onChange={(e) => setParam('noAction', e.currentTarget.checked ? '1' : null)}
          mb={8}
        />
      </Group>
      <Group justify="space-between" gap="sm" mih={36}>
        <Text fz="sm" c="dimmed" aria-live="polite">
          {T.gapsShowing(shown.length, all.length)}
        </Text>
        {canAct && (
          <Group gap="sm">
            <Text fz="sm" aria-live="polite" data-testid="selected-count">
              {T.selected(stillGaps.length)}
            </Text>
            <Button
              leftSection={<IconChecklist size={16} />}
              disabled={stillGaps.length === 0}
              onClick={() => setCreating(true)}
            >
              {T.createActions}
            </Button>
          </Group>
        )}
      </Group>
      <Paper withBorder radius="md">
        {shown.length === 0 ? (
          <Center py={48}>
            <Stack align="center" gap={4}>
              <Text fw={600}>{all.length === 0 ? T.noGaps : T.noGapsMatch}</Text>
              {hasFilters && (
                <Button variant="subtle" onClick={() => setParams({}, { replace: true })}>
                  {T.clearFilters}
                </Button>
              )}
            </Stack>
          </Center>
        ) : (
          <Table.ScrollContainer minWidth={860}>
            <Table verticalSpacing="sm" className={classes.table} data-testid="gap-table">
              <Table.Thead>
                <Table.Tr>
                  {canAct && (
                    <Table.Th w={40}>
                      <Checkbox
                        aria-label={T.selectAll}
                        checked={allShownSelected}
                        indeterminate={!allShownSelected && shown.some((g) => stillGaps.includes(g.ref))}
                        onChange={(e) =>
                          setSelected(
                            e.currentTarget.checked
                              ? [...new Set([...stillGaps, ...shown.map((g) => g.ref)])]
                              : stillGaps.filter((r) => !shown.some((g) => g.ref === r)),
                          )
                        }
                      />
                    </Table.Th>
                  )}
                  <Table.Th>{C.requirement}</Table.Th>
                  <Table.Th w={176}>{C.result}</Table.Th>
                  <Table.Th w={130}>{C.owner}</Table.Th>
                  <Table.Th w={110}>{C.targetDate}</Table.Th>
                  <Table.Th w={56}>{C.documentation}</Table.Th>
                  <Table.Th w={170}>{C.actions}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((g) => {
                  const on = stillGaps.includes(g.ref);
                  return (
                    <Table.Tr
                      key={g.ref}
                      className={classes.row}
                      data-selected={on || undefined}
                      data-testid="gap-row"
                      data-ref={g.ref}
                    >
                      {canAct && (
                        <Table.Td>
                          <Checkbox
                            aria-label={T.selectGap(g.ref)}
                            checked={on}
                            onChange={(e) => toggle(g.ref, e.currentTarget.checked)}
                          />
                        </Table.Td>
                      )}
                      <Table.Td>
                        <Anchor component={Link} to={gapHref(orgId, assessment.id, g.ref)} fz="sm" c="inherit">
                          <Text span fw={700} c="var(--mantine-color-anchor)" className={classes.mono} mr={8}>
                            {g.ref}
                          </Text>
                          {g.title}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <ResultBadge result={g.result} short />
                      </Table.Td>
                      <Table.Td>
                        <Text fz="sm" c={personOf(people, g.ownerId) ? undefined : 'dimmed'}>
                          {personOf(people, g.ownerId)?.name ?? T.noOwner}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text fz="sm">{formatDay(g.targetDate)}</Text>
                      </Table.Td>
                      <Table.Td>
                        {g.documentation ? (
                          <IconFileDescription
                            size={18}
                            color="var(--mantine-color-violet-7)"
                            aria-label={T.docsYes}
                            role="img"
                          />
                        ) : (
                          <VisuallyHidden>—</VisuallyHidden>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Actions gap={g} people={people} />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      {canAct && (
        <CreateActionsModal
          orgId={orgId}
          assessmentId={assessment.id}
          refs={stillGaps}
          members={members.data ?? []}
          opened={creating}
          onClose={() => setCreating(false)}
          onCreated={() => {
            setCreating(false);
            setSelected([]);
          }}
        />
      )}
    </Stack>
  );
}
