import type { ReactNode } from 'react';
import { EmptyState, Paper, Stack, Text } from '@mantine/core';

/**
 * The empty state of a register on its first visit (UX.md: "empty states teach"): what the register
 * is for, why the standard asks for it, a note for those who can only read, and the first step.
 */
export function FirstVisit({
  icon,
  title,
  body,
  why,
  readOnlyNote,
  notes,
  actions,
  testId,
  width = 660,
}: {
  icon: ReactNode;
  title: string;
  body: string;
  why: string;
  readOnlyNote?: string | undefined;
  notes?: ReactNode;
  actions?: ReactNode;
  testId?: string;
  width?: number;
}) {
  return (
    <Paper withBorder radius="md" p="xl" data-testid={testId}>
      <EmptyState
        size="lg"
        variant="light"
        icon={icon}
        title={title}
        description={
          <Stack gap="sm" maw={width} mx="auto">
            <Text fz="sm">{body}</Text>
            <Text fz="sm">{why}</Text>
            {readOnlyNote && (
              <Text fz="sm" fw={500}>
                {readOnlyNote}
              </Text>
            )}
            {notes}
          </Stack>
        }
      >
        {actions && <EmptyState.Actions>{actions}</EmptyState.Actions>}
      </EmptyState>
    </Paper>
  );
}
