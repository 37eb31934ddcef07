import {
  ActionIcon,
  Badge,
  Button,
  EmptyState,
  Group,
  Menu,
  Paper,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconBooks, IconDots, IconPencil, IconPlus, IconPuzzle, IconTrash } from '@tabler/icons-react';
import { CUSTOM_FRAMEWORK_ID, PILLAR_LABELS } from '@fortytwo/catalog/browser';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client';
import type { CustomControl } from '../../api/types';
import { confirmDanger } from '../../ui/confirm';
import { formatDate } from '../../ui/format';
import { notifyError, notifySuccess } from '../../ui/notify';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useOrg } from '../shell/org-context';
import { catalogHref, catalogKey, customControlPath, DEFAULT_FRAMEWORK, useCustomControls } from './api';
import { CatalogSections } from './CatalogSections';
import { RefChip } from './RefChip';
import { CUSTOM_TEXT as T } from './text';
import classes from './catalog.module.css';

function CustomControlsEmpty({ newHref, canManage }: { newHref: string; canManage: boolean }) {
  return (
    <Paper withBorder radius="md" p="xl">
      <EmptyState
        size="lg"
        variant="light"
        icon={<IconPuzzle size={32} />}
        title={T.emptyTitle}
        description={
          <Stack gap="sm" maw={620} mx="auto">
            <Text fz="sm">{T.emptyBody}</Text>
            <Text fz="sm">{T.emptyWhy}</Text>
            {!canManage && (
              <Text fz="sm" fw={500}>
                {T.emptyReadOnly}
              </Text>
            )}
          </Stack>
        }
      >
        {canManage && (
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

/** The organization's own controls (clause 6.1.3), listed; each opens as an item of the catalogue. */
export function CustomControlsPage() {
  const { orgId, can } = useOrg();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const manage = can('catalog.manage');
  const list = useCustomControls(orgId);
  const base = `/orgs/${orgId}/catalog/custom-controls`;
  const remove = useMutation({
    mutationFn: (c: CustomControl) => api.delete(customControlPath(orgId, c.id)),
    onSuccess: async (_r, c) => {
      notifySuccess(T.deleted(c.ref));
      await qc.invalidateQueries({ queryKey: catalogKey(orgId) });
    },
    onError: (e) => notifyError(e),
  });
  const askDelete = async (c: CustomControl) => {
    if (await confirmDanger({ title: T.deleteTitle, message: T.deleteBody(c.ref, c.title), confirmLabel: T.delete }))
      remove.mutate(c);
  };
  const empty = list.isSuccess && list.data.length === 0;

  return (
    <CatalogSections
      section="custom-controls"
      actions={
        manage &&
        !empty && (
          <Button component={Link} to={`${base}/new`} leftSection={<IconPlus size={16} />}>
            {T.add}
          </Button>
        )
      }
    >
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : empty ? (
        <CustomControlsEmpty newHref={`${base}/new`} canManage={manage} />
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="sm" highlightOnHover className={classes.table}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={120}>{T.columns.ref}</Table.Th>
                  <Table.Th>{T.columns.title}</Table.Th>
                  <Table.Th w={220}>{T.columns.related}</Table.Th>
                  <Table.Th w={200}>{T.columns.pillars}</Table.Th>
                  <Table.Th w={120}>{T.columns.updatedAt}</Table.Th>
                  <Table.Th w={56}>
                    <VisuallyHidden>{T.actions}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.map((c) => (
                  <Table.Tr key={c.id} data-ref={c.ref}>
                    <Table.Td>
                      <RefChip orgId={orgId} frameworkId={CUSTOM_FRAMEWORK_ID} refId={c.ref} />
                    </Table.Td>
                    <Table.Td>
                      <Text fz="sm" fw={600}>
                        {c.title}
                      </Text>
                      <Text fz="xs" c="dimmed" lineClamp={2}>
                        {c.description}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {c.relatedRefs.length ? (
                        <Group gap={4}>
                          {c.relatedRefs.map((r) => (
                            <RefChip key={r} orgId={orgId} frameworkId={DEFAULT_FRAMEWORK} refId={r} />
                          ))}
                        </Group>
                      ) : (
                        <Text fz="sm" c="dimmed">
                          —
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {c.pillars.map((p) => (
                          <Badge key={p} variant="default" tt="none" fw={500} size="sm">
                            {PILLAR_LABELS[p]}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text fz="sm" style={{ whiteSpace: 'nowrap' }}>
                        {formatDate(c.updatedAt)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Menu position="bottom-end" withinPortal>
                        <Menu.Target>
                          <ActionIcon variant="subtle" color="gray" aria-label={T.actionsFor(c.ref)}>
                            <IconDots size={18} />
                          </ActionIcon>
                        </Menu.Target>
                        <Menu.Dropdown>
                          <Menu.Item
                            leftSection={<IconBooks size={16} />}
                            onClick={() => void navigate(catalogHref(orgId, CUSTOM_FRAMEWORK_ID, c.ref))}
                          >
                            {T.openInCatalogue}
                          </Menu.Item>
                          {manage && (
                            <>
                              <Menu.Item
                                leftSection={<IconPencil size={16} />}
                                onClick={() => void navigate(`${base}/${c.id}/edit`)}
                              >
                                {T.edit}
                              </Menu.Item>
                              <Menu.Item
                                leftSection={<IconTrash size={16} />}
                                color="red"
                                onClick={() => void askDelete(c)}
                              >
                                {T.delete}
                              </Menu.Item>
                            </>
                          )}
                        </Menu.Dropdown>
                      </Menu>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </CatalogSections>
  );
}
