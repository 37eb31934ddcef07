import { useMemo } from 'react';
import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconExternalLink, IconPointer } from '@tabler/icons-react';
import type { FrameworkDetail } from '../../api/types';
import { ORIGIN_LABELS } from './labels';
import { ReferenceListTable, RequiredDocumentsTable } from './RequiredDocuments';
import { CATALOG_TEXT as T } from './text';
import classes from './catalog.module.css';

function Fact({ label, value }: { label: string; value: string | number }) {
  return (
    <div>
      <Text fz="xs" c="dimmed" tt="uppercase" fw={700} style={{ letterSpacing: 0.5 }}>
        {label}
      </Text>
      <Text fz="sm" fw={600} mt={2}>
        {value}
      </Text>
    </div>
  );
}

/** The right pane with no item open: what the framework is, its size, its documents and reference lists. */
export function FrameworkOverview({ orgId, framework: fw }: { orgId: string; framework: FrameworkDetail }) {
  const titles = useMemo(() => new Map(fw.items.map((i) => [i.ref, i.title])), [fw.items]);
  return (
    <Stack gap="lg" component="article" aria-label={`${T.overview}: ${fw.name}`}>
      <Paper withBorder radius="md" p="lg">
        <Stack gap="md">
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
            <Title order={2} fz={22}>
              {fw.name}
            </Title>
            <Badge
              variant={fw.origin === 'builtin' ? 'default' : 'light'}
              color={fw.origin === 'imported' ? 'cyan' : undefined}
              tt="none"
              style={{ flexShrink: 0 }}
            >
              {ORIGIN_LABELS[fw.origin]}
            </Badge>
          </Group>
          {fw.description && (
            <Text fz="sm" className={classes.prose}>
              {fw.description}
            </Text>
          )}
          <SimpleGrid cols={{ base: 2, xs: 4 }} spacing="md">
            <Fact label={T.publisher} value={fw.publisher ?? '—'} />
            <Fact label={T.version} value={fw.version} />
            <Fact label={T.items} value={fw.itemCount} />
            <Fact label={T.assessableItems} value={fw.assessableCount} />
          </SimpleGrid>
          {fw.url && (
            <Anchor
              href={fw.url}
              target="_blank"
              rel="noopener noreferrer"
              fz="sm"
              style={{ overflowWrap: 'anywhere' }}
            >
              {T.website}: {fw.url} <IconExternalLink size={12} aria-hidden style={{ verticalAlign: 'middle' }} />
              <VisuallyHidden>{T.opensInNewTab}</VisuallyHidden>
            </Anchor>
          )}
          <Group gap={6} wrap="nowrap" c="dimmed">
            <IconPointer size={16} aria-hidden style={{ flexShrink: 0 }} />
            <Text fz="sm" c="dimmed">
              {T.startHint}
            </Text>
          </Group>
        </Stack>
      </Paper>
      {fw.documents.length > 0 && (
        <RequiredDocumentsTable
          orgId={orgId}
          frameworkId={fw.id}
          documents={fw.documents}
          titleOf={(r) => titles.get(r)}
        />
      )}
      {fw.referenceLists.map((l) => (
        <ReferenceListTable key={l.id} list={l} />
      ))}
    </Stack>
  );
}
