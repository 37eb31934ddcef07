import type { ReactNode } from 'react';
import { Anchor, Breadcrumbs, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

export type Crumb = { label: string; to?: string };

export function PageHeader({ title, description, actions, crumbs, badge }: { title: ReactNode; description?: ReactNode; actions?: ReactNode; crumbs?: Crumb[]; badge?: ReactNode }) {
  return (
    <Stack gap={6} mb="lg">
      {crumbs && crumbs.length > 0 && (
        <Breadcrumbs separatorMargin={6} fz="sm">
          {crumbs.map((c) =>
            c.to ? (
              <Anchor key={c.label} component={Link} to={c.to} fz="sm">
                {c.label}
              </Anchor>
            ) : (
              <Text key={c.label} fz="sm" c="dimmed">
                {c.label}
              </Text>
            ),
          )}
        </Breadcrumbs>
      )}
      {/* On a phone the actions go below the title rather than squeezing it letter by letter. */}
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
        <Stack gap={4} style={{ minWidth: 0, flex: '1 1 280px' }}>
          <Group gap="sm" wrap="nowrap">
            <Title order={1} fz={26} fw={700} style={{ overflowWrap: 'anywhere' }}>
              {title}
            </Title>
            {badge}
          </Group>
          {description && (
            <Text c="dimmed" maw={760}>
              {description}
            </Text>
          )}
        </Stack>
        {actions && (
          <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
            {actions}
          </Group>
        )}
      </Group>
    </Stack>
  );
}
