import {
  ActionIcon,
  Anchor,
  Badge,
  Code,
  EmptyState,
  Grid,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconFileImport, IconTrash } from '@tabler/icons-react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { CatalogImport } from '../../api/types';
import { confirmDanger } from '../../ui/confirm';
import { formatDateTime } from '../../ui/format';
import { notifyError, notifySuccess } from '../../ui/notify';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useOrg } from '../shell/org-context';
import { catalogHref, catalogKey, importsPath, useImports } from './api';
import { CatalogSections } from './CatalogSections';
import { ImportForm } from './ImportForm';
import { CROSSWALK_EXAMPLE, FRAMEWORK_EXAMPLE, IMPORTS_TEXT as T } from './text';
import classes from './catalog.module.css';

/** What an import is for. */
function ImportsEmpty({ canManage }: { canManage: boolean }) {
  return (
    <Paper withBorder radius="md" p="lg">
      <EmptyState
        size="md"
        variant="light"
        icon={<IconFileImport size={26} />}
        title={T.emptyTitle}
        description={
          <Stack gap="sm" maw={620} mx="auto">
            <Text fz="sm">{T.emptyBody}</Text>
            {!canManage && (
              <Text fz="sm" fw={500}>
                {T.emptyReadOnly}
              </Text>
            )}
          </Stack>
        }
      />
    </Paper>
  );
}

/** The file format in a few lines, next to the form. */
function FormatHelp() {
  const example = (title: string, text: string) => (
    <div>
      <Text fz="sm" fw={600} mb={4}>
        {title}
      </Text>
      <Code block fz="xs">
        {text}
      </Code>
    </div>
  );
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="import-format-title">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="import-format-title">
          {T.formatTitle}
        </Title>
        <Text fz="sm">{T.formatBody}</Text>
        {example(T.formatFramework, FRAMEWORK_EXAMPLE)}
        {example(T.formatCrosswalk, CROSSWALK_EXAMPLE)}
        <Text fz="xs" c="dimmed">
          {T.formatMore}
        </Text>
      </Stack>
    </Paper>
  );
}

function ImportsTable({
  orgId,
  items,
  canManage,
  onDelete,
}: {
  orgId: string;
  items: CatalogImport[];
  canManage: boolean;
  onDelete: (i: CatalogImport) => void;
}) {
  const C = T.columns;
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="sm" className={classes.table}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={130}>{C.kind}</Table.Th>
              <Table.Th>{C.name}</Table.Th>
              <Table.Th>{C.id}</Table.Th>
              <Table.Th>{C.fileName}</Table.Th>
              <Table.Th w={90}>{C.size}</Table.Th>
              <Table.Th w={190}>{C.createdAt}</Table.Th>
              {canManage && (
                <Table.Th w={56}>
                  <VisuallyHidden>{T.actions}</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((i) => (
              <Table.Tr key={i.id} data-key={i.key}>
                <Table.Td>
                  <Badge
                    variant="light"
                    color={i.kind === 'framework' ? 'cyan' : 'grape'}
                    tt="none"
                    style={{ overflow: 'visible' }}
                  >
                    {T.kind[i.kind]}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {i.kind === 'framework' ? (
                    <Anchor component={Link} to={catalogHref(orgId, i.key)} fz="sm" fw={600}>
                      {i.name}
                    </Anchor>
                  ) : (
                    <Text fz="sm" fw={600}>
                      {i.name}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text fz="xs" className={classes.mono} style={{ overflowWrap: 'anywhere' }}>
                    {i.key}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text fz="sm" c={i.fileName ? undefined : 'dimmed'} style={{ overflowWrap: 'anywhere' }}>
                    {i.fileName ?? '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text fz="sm">{T.size(i.kind, i.size)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text fz="sm" style={{ whiteSpace: 'nowrap' }}>
                    {formatDateTime(i.createdAt)}
                  </Text>
                </Table.Td>
                {canManage && (
                  <Table.Td>
                    <Tooltip label={T.deleteLabel(i.name)} withArrow>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={T.deleteLabel(i.name)}
                        onClick={() => onDelete(i)}
                      >
                        <IconTrash size={18} />
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

/** Frameworks and crosswalks the organization imported, and the form to import another. */
export function ImportsPage() {
  const { orgId, can } = useOrg();
  const qc = useQueryClient();
  const manage = can('catalog.manage');
  const list = useImports(orgId);
  const remove = useMutation({
    mutationFn: (i: CatalogImport) => api.delete(`${importsPath(orgId)}/${encodeURIComponent(i.id)}`),
    onSuccess: async (_r, i) => {
      notifySuccess(T.deleted(i.name));
      await qc.invalidateQueries({ queryKey: catalogKey(orgId) });
    },
    onError: (e) => notifyError(e),
  });
  const askDelete = async (i: CatalogImport) => {
    if (await confirmDanger({ title: T.deleteTitle, message: T.deleteBody(i.name), confirmLabel: T.delete }))
      remove.mutate(i);
  };

  return (
    <CatalogSections section="imports">
      <Stack gap="xl">
        {list.isPending ? (
          <Loading />
        ) : list.isError ? (
          <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        ) : list.data.length === 0 ? (
          <ImportsEmpty canManage={manage} />
        ) : (
          <ImportsTable orgId={orgId} items={list.data} canManage={manage} onDelete={(i) => void askDelete(i)} />
        )}
        <Grid gap="lg">
          {manage && (
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <ImportForm />
            </Grid.Col>
          )}
          <Grid.Col span={{ base: 12, lg: manage ? 5 : 12 }}>
            <FormatHelp />
          </Grid.Col>
        </Grid>
      </Stack>
    </CatalogSections>
  );
}
