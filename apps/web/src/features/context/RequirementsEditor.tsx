import { useId, useState } from 'react';
import {
  ActionIcon,
  Button,
  Grid,
  Group,
  MultiSelect,
  Paper,
  Select,
  Stack,
  Switch,
  Text,
  Textarea,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { REQUIREMENT_KINDS } from '@fortytwo/domain';
import { refOptions } from './iso-refs';
import { emptyRequirement, type RequirementField, type RequirementValues } from './party-values';
import {
  COMMON_TEXT as C,
  PARTIES_TEXT as T,
  REQUIREMENT_FIELD_HELP as H,
  REQUIREMENT_FIELD_LABELS as L,
  REQUIREMENT_KIND_LABELS,
} from './text';

type RowErrors = Partial<Record<RequirementField, string>>;

function RequirementRow({
  n,
  row,
  errors,
  isoOptions,
  isoLoading,
  onChange,
  onBlur,
  onRemove,
  autoFocus,
}: {
  autoFocus: boolean;
  n: number;
  row: RequirementValues;
  errors: RowErrors;
  isoOptions: { value: string; label: string }[];
  isoLoading: boolean;
  onChange: (next: RequirementValues) => void;
  onBlur: (field: RequirementField) => void;
  onRemove: () => void;
}) {
  const titleId = useId();
  const set = <K extends keyof RequirementValues>(key: K, value: RequirementValues[K]) =>
    onChange({ ...row, [key]: value });
  return (
    <Paper withBorder radius="md" p="md" role="group" aria-labelledby={titleId} data-testid="requirement-row">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={3} fz="sm" id={titleId}>
            {T.requirementN(n)}
          </Title>
          <Tooltip label={T.removeRequirement(n)} withArrow>
            <ActionIcon variant="subtle" color="red" onClick={onRemove} aria-label={T.removeRequirement(n)}>
              <IconTrash size={18} />
            </ActionIcon>
          </Tooltip>
        </Group>
        <Grid>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <Select
              label={L.kind}
              required
              data={REQUIREMENT_KINDS.map((k) => ({ value: k, label: REQUIREMENT_KIND_LABELS[k] }))}
              value={row.kind}
              onChange={(v) => set('kind', v)}
              onBlur={() => onBlur('kind')}
              error={errors.kind}
              placeholder={C.chooseKind}
              comboboxProps={{ withinPortal: true }}
              autoFocus={autoFocus}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 8 }}>
            <Textarea
              label={L.description}
              required
              value={row.description}
              onChange={(e) => set('description', e.currentTarget.value)}
              onBlur={() => onBlur('description')}
              error={errors.description}
              autosize
              minRows={1}
              maxRows={6}
              maxLength={2050}
            />
          </Grid.Col>
        </Grid>
        <Switch
          label={L.addressed}
          description={H.addressed}
          checked={row.addressed}
          onChange={(e) => set('addressed', e.currentTarget.checked)}
        />
        {row.addressed && (
          <Grid>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <MultiSelect
                label={L.refs}
                description={H.refs}
                data={refOptions(isoOptions, row.refs)}
                value={row.refs}
                onChange={(v) => set('refs', v)}
                onBlur={() => onBlur('refs')}
                error={errors.refs}
                placeholder={row.refs.length ? undefined : T.refsPlaceholder}
                searchable
                clearable
                hidePickedOptions
                nothingFoundMessage={isoLoading ? C.loading : T.refsNothing}
                maxDropdownHeight={260}
                comboboxProps={{ withinPortal: true }}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Textarea
                label={L.how}
                description={H.how}
                value={row.how}
                onChange={(e) => set('how', e.currentTarget.value)}
                onBlur={() => onBlur('how')}
                error={errors.how}
                autosize
                minRows={2}
                maxRows={6}
                maxLength={2050}
              />
            </Grid.Col>
          </Grid>
        )}
      </Stack>
    </Paper>
  );
}

/** The repeatable requirements of a party: add, edit and remove rows; messages per row and field. */
export function RequirementsEditor({
  rows,
  errorsOf,
  isoOptions,
  isoLoading,
  onChange,
  onBlur,
}: {
  rows: RequirementValues[];
  errorsOf: (key: string) => RowErrors;
  isoOptions: { value: string; label: string }[];
  isoLoading: boolean;
  onChange: (rows: RequirementValues[]) => void;
  onBlur: (key: string, field: RequirementField) => void;
}) {
  // A row added with the button takes the focus, so the keyboard goes on where the eye does.
  const [added, setAdded] = useState<string | null>(null);
  return (
    <Stack gap="md">
      {rows.length === 0 && (
        <Text fz="sm" c="dimmed">
          {T.editorEmpty}
        </Text>
      )}
      {rows.map((row, i) => (
        <RequirementRow
          key={row.key}
          n={i + 1}
          row={row}
          errors={errorsOf(row.key)}
          isoOptions={isoOptions}
          isoLoading={isoLoading}
          onChange={(next) => onChange(rows.map((r) => (r.key === row.key ? next : r)))}
          onBlur={(field) => onBlur(row.key, field)}
          onRemove={() => onChange(rows.filter((r) => r.key !== row.key))}
          autoFocus={row.key === added}
        />
      ))}
      <Group>
        <Button
          variant="default"
          leftSection={<IconPlus size={16} />}
          onClick={() => {
            const row = emptyRequirement();
            setAdded(row.key);
            onChange([...rows, row]);
          }}
        >
          {T.addRequirement}
        </Button>
      </Group>
    </Stack>
  );
}
