import type { ReactNode } from 'react';
import { Anchor, Breadcrumbs, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

export type Crumb = { label: string; to?: string };

export function PageHeader({
  title,
  description,
  actions,
  crumbs,
  badge,
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  crumbs?: Crumb[];
  badge?: ReactNode;
}) {
  return (
    <Stack gap={6} mb="lg">
      {crumbs && crumbs.length > 0 && (
        <Breadcrumbs separatorMargin={6} fz="sm" style={{ flexWrap: 'wrap', rowGap: 2 }}>
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
      {/* On a phone the actions wrap below the title rather than squeezing it to a letter per line. */}
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
        <Stack gap={4} style={{ minWidth: 0, flex: '1 1 260px' }}>
          <Group gap="sm" wrap="wrap">
            <Title
              order={1}
              fz={{ base: 22, sm: 26 }}
              fw={700}
              style={{ overflowWrap: 'break-word', minWidth: 0, maxWidth: '100%' }}
            >
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
          <Group gap="sm" wrap="wrap" style={{ maxWidth: '100%' }}>
            {actions}
          </Group>
        )}
      </Group>
    </Stack>
  );
}
