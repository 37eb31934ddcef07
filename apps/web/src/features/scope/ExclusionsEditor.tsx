import { ActionIcon, Button, Group, Paper, Stack, Text, TextInput, Textarea, Tooltip } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { newRowKey, type ExclusionRow, type ScopeFormValues } from './scope-values';
import type { PathForm } from './use-path-form';
import { SCOPE_TEXT as T } from './text';

/** Repeatable rows of an excluded item and why it is excluded; the justification is required. */
export function ExclusionsEditor({ form, readOnly }: { form: PathForm<ScopeFormValues>; readOnly: boolean }) {
  const rows = form.values.exclusions;
  const edit = (i: number, patch: Partial<ExclusionRow>, key: string) =>
    form.update((v) => ({ ...v, exclusions: v.exclusions.map((e, j) => (j === i ? { ...e, ...patch } : e)) }), key);
  const add = () => {
    form.update((v) => ({ ...v, exclusions: [...v.exclusions, { key: newRowKey(), item: '', justification: '' }] }));
    // Focus the new row's first field once it is drawn.
    requestAnimationFrame(() =>
      document.querySelector<HTMLInputElement>(`[data-exclusion="${rows.length}"] input`)?.focus(),
    );
  };
  const remove = (i: number) => {
    form.update((v) => ({ ...v, exclusions: v.exclusions.filter((_, j) => j !== i) }));
    form.untouch('exclusions.');
  };

  return (
    <Stack gap="sm">
      {rows.length === 0 && (
        <Text fz="sm" c="dimmed">
          {T.noExclusions}
        </Text>
      )}
      {rows.map((row, i) => (
        <Paper
          key={row.key}
          withBorder
          radius="md"
          p="sm"
          role="group"
          aria-label={T.exclusionGroup(i + 1)}
          data-exclusion={i}
        >
          <Group align="flex-start" wrap="nowrap" gap="sm">
            <Stack gap="xs" style={{ flex: 1, minWidth: 0 }}>
              <TextInput
                label={T.exclusionItem}
                placeholder={T.exclusionItemPlaceholder}
                required
                value={row.item}
                onChange={(e) => edit(i, { item: e.currentTarget.value }, `exclusions.${i}.item`)}
                onBlur={() => form.touch(`exclusions.${i}.item`)}
                error={form.errorFor(`exclusions.${i}.item`)}
                readOnly={readOnly}
                maxLength={350}
              />
              <Textarea
                label={T.exclusionJustification}
                placeholder={T.exclusionJustificationPlaceholder}
                required
                value={row.justification}
                onChange={(e) => edit(i, { justification: e.currentTarget.value }, `exclusions.${i}.justification`)}
                onBlur={() => form.touch(`exclusions.${i}.justification`)}
                error={form.errorFor(`exclusions.${i}.justification`)}
                readOnly={readOnly}
                autosize
                minRows={2}
                maxRows={8}
                maxLength={2050}
              />
            </Stack>
            {!readOnly && (
              <Tooltip label={T.removeExclusion(i + 1)} withArrow>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  mt={26}
                  onClick={() => remove(i)}
                  aria-label={T.removeExclusion(i + 1)}
                >
                  <IconTrash size={18} />
                </ActionIcon>
              </Tooltip>
            )}
          </Group>
        </Paper>
      ))}
      {!readOnly && (
        <Group>
          <Button variant="default" leftSection={<IconPlus size={16} />} onClick={add}>
            {T.addExclusion}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
