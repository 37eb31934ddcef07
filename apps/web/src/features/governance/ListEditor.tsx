import { useId } from 'react';
import { ActionIcon, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';

/**
 * An editable list of short texts (objectives, policy statements): one field per entry, each
 * with its own label and message, a remove button, and a button to add the next.
 */
export function ListEditor({
  label,
  hint,
  entryLabel,
  addLabel,
  removeLabel,
  placeholder,
  values,
  onChange,
  errorFor,
  onBlur,
  max,
}: {
  label: string;
  hint: string;
  entryLabel: (n: number) => string;
  addLabel: string;
  removeLabel: (n: number) => string;
  placeholder: string;
  values: string[];
  onChange: (next: string[], index: number | null) => void;
  errorFor: (index: number) => string | undefined;
  onBlur: (index: number) => void;
  max: number;
}) {
  const id = useId();
  const add = () => {
    onChange([...values, ''], values.length);
    requestAnimationFrame(() => document.getElementById(`${id}-${values.length}`)?.focus());
  };
  return (
    <Stack gap={6} role="group" aria-labelledby={`${id}-label`}>
      <div>
        <Text fz="sm" fw={500} id={`${id}-label`}>
          {label}
        </Text>
        <Text fz="xs" c="dimmed">
          {hint}
        </Text>
      </div>
      {values.map((v, i) => (
        <Group key={i} align="flex-start" wrap="nowrap" gap={6}>
          <Textarea
            id={`${id}-${i}`}
            aria-label={entryLabel(i + 1)}
            placeholder={placeholder}
            value={v}
            onChange={(e) =>
              onChange(
                values.map((x, j) => (j === i ? e.currentTarget.value : x)),
                i,
              )
            }
            onBlur={() => onBlur(i)}
            error={errorFor(i)}
            autosize
            minRows={1}
            maxRows={6}
            maxLength={max + 50}
            style={{ flex: 1 }}
          />
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            onClick={() =>
              onChange(
                values.filter((_, j) => j !== i),
                null,
              )
            }
            aria-label={removeLabel(i + 1)}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} />} onClick={add}>
          {addLabel}
        </Button>
      </Group>
    </Stack>
  );
}
