import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ScopeWarning } from '@fortytwo/domain';
import { reasonInputId, setInScope, systemRowId } from './AiSystemPicker';
import type { ScopeFormValues } from './scope-values';
import type { PathForm } from './use-path-form';
import { SCOPE_TEXT as T } from './text';

function focusReason(id: string) {
  const input = document.getElementById(reasonInputId(id)) ?? document.getElementById(systemRowId(id));
  input?.scrollIntoView({ block: 'center' });
  input?.focus({ preventScroll: true });
}

/** Live AI systems left out without a reason: each with the two ways to fix it. */
export function ScopeWarnings({
  warnings,
  form,
  readOnly,
}: {
  warnings: ScopeWarning[];
  form: PathForm<ScopeFormValues>;
  readOnly: boolean;
}) {
  if (warnings.length === 0) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconAlertTriangle size={20} />}
      title={T.warningsTitle(warnings.length)}
      data-testid="scope-warnings"
    >
      <Stack gap="xs">
        <Text fz="sm">{T.warningsBody}</Text>
        {warnings.map((w) => (
          <Group
            key={w.aiSystemId}
            justify="space-between"
            wrap="nowrap"
            gap="sm"
            data-testid="scope-warning"
            align="center"
          >
            <Text fz="sm" style={{ minWidth: 0 }}>
              {w.message}
            </Text>
            {!readOnly && (
              <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
                <Button
                  size="compact-sm"
                  variant="default"
                  onClick={() => focusReason(w.aiSystemId)}
                  aria-label={`${T.giveReason}: ${w.name}`}
                >
                  {T.giveReason}
                </Button>
                <Button
                  size="compact-sm"
                  onClick={() => setInScope(form, w.aiSystemId, true)}
                  aria-label={`${T.addToScope}: ${w.name}`}
                >
                  {T.addToScope}
                </Button>
              </Group>
            )}
          </Group>
        ))}
      </Stack>
    </Alert>
  );
}
