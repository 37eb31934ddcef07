import { useId } from 'react';
import { Checkbox, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { AI_SUB_ROLES, type AiRole } from '@fortytwo/domain';
import { subRoleLabel, type RoleChoice } from './context-values';
import { CONTEXT_TEXT as T, ROLE_TEXT } from './text';
import classes from './context.module.css';

/** One AI role of clause 4.1: "we have this role", then its sub-roles and the reason for it. */
export function RoleCard({
  role,
  value,
  error,
  onChange,
  onReasonBlur,
}: {
  role: AiRole;
  value: RoleChoice;
  error: string | undefined;
  onChange: (next: RoleChoice) => void;
  onReasonBlur: () => void;
}) {
  const titleId = useId();
  const subRoles = AI_SUB_ROLES[role];
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      role="group"
      aria-labelledby={titleId}
      className={classes.roleCard}
      data-chosen={value.chosen || undefined}
      data-role={role}
    >
      <Stack gap="sm">
        <div>
          <Title order={3} fz="sm" id={titleId}>
            {ROLE_TEXT[role].title}
          </Title>
          <Text fz="sm" c="dimmed" mt={2}>
            {ROLE_TEXT[role].explanation}
          </Text>
        </div>
        <Checkbox
          label={T.roleChosen}
          checked={value.chosen}
          onChange={(e) => onChange({ ...value, chosen: e.currentTarget.checked })}
        />
        {value.chosen && (
          <>
            <Checkbox.Group
              label={T.subRoles}
              description={T.subRolesHint}
              value={value.subRoles}
              onChange={(subRoles) => onChange({ ...value, subRoles })}
            >
              <SimpleGrid cols={subRoles.length > 2 ? { base: 1, sm: 2 } : 1} spacing="xs" verticalSpacing={6} mt={6}>
                {subRoles.map((s) => (
                  <Checkbox key={s} value={s} label={subRoleLabel(s)} size="sm" />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
            <Textarea
              label={T.reason}
              description={T.reasonHint}
              required
              value={value.reason}
              onChange={(e) => onChange({ ...value, reason: e.currentTarget.value })}
              onBlur={onReasonBlur}
              error={error}
              autosize
              minRows={2}
              maxRows={8}
              maxLength={2050}
            />
          </>
        )}
      </Stack>
    </Paper>
  );
}
