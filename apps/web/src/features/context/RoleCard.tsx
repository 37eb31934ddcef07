import { useId } from 'react';
import { Button, Checkbox, Group, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { AI_SUB_ROLES, type AiRole } from '@fortytwo/domain';
import { useInventoryCount } from '../inventory/api';
import { useOrg } from '../shell/org-context';
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
  const { orgId } = useOrg();
  // The inventory already says which roles the organization has per AI system: suggested here (issue 18).
  const inInventory = useInventoryCount(orgId, { aiRole: role }).data ?? 0;
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
        {!value.chosen && inInventory > 0 && (
          <Group gap="xs" wrap="nowrap" justify="space-between" data-testid="role-suggestion">
            <Text fz="sm">{T.roleSuggested(inInventory)}</Text>
            <Button size="compact-xs" variant="light" onClick={() => onChange({ ...value, chosen: true })}>
              {T.roleTake}
            </Button>
          </Group>
        )}
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
