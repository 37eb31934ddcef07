import { Button, EmptyState, Paper, Stack, Text } from '@mantine/core';
import { IconListDetails, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { INVENTORY_TEXT as T } from './text';

/** The first visit: what the inventory is for, why the standard asks for it, and the first step. */
export function InventoryEmpty({ orgId, canWrite }: { orgId: string; canWrite: boolean }) {
  return (
    <Paper withBorder radius="md" p="xl">
      <EmptyState
        size="lg"
        variant="light"
        icon={<IconListDetails size={32} />}
        title={T.emptyTitle}
        description={
          <Stack gap="sm" maw={620} mx="auto">
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
            <Button component={Link} to={`/orgs/${orgId}/ai-systems/new`} leftSection={<IconPlus size={16} />}>
              {T.emptyCta}
            </Button>
          </EmptyState.Actions>
        )}
      </EmptyState>
    </Paper>
  );
}
