import { Button, Checkbox, Popover, Stack, Text } from '@mantine/core';
import { IconColumns } from '@tabler/icons-react';
import type { RegisterColumn } from './types';
import { REGISTER_TEXT as T } from './text';

/** Shows and hides columns; the choice goes to the address (and so into a saved view). */
export function ColumnChooser<R>({
  columns,
  hidden,
  onChange,
  onReset,
}: {
  columns: RegisterColumn<R>[];
  hidden: string[];
  onChange: (hidden: string[]) => void;
  onReset: () => void;
}) {
  return (
    <Popover position="bottom-end" shadow="md" withinPortal trapFocus>
      <Popover.Target>
        <Button variant="default" leftSection={<IconColumns size={16} aria-hidden />}>
          {T.columns}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap={6} role="group" aria-label={T.columnsTitle}>
          <Text fz="sm" fw={600}>
            {T.columnsTitle}
          </Text>
          {columns.map((c) => (
            <Checkbox
              key={c.id}
              label={c.header}
              disabled={c.alwaysVisible}
              checked={!hidden.includes(c.id)}
              onChange={(e) => onChange(e.currentTarget.checked ? hidden.filter((h) => h !== c.id) : [...hidden, c.id])}
            />
          ))}
          <Button variant="subtle" size="xs" onClick={onReset} mt={4}>
            {T.columnsReset}
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
