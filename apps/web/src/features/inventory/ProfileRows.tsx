import { useId, useState, type ReactNode } from 'react';
import {
  ActionIcon,
  Button,
  Checkbox,
  Grid,
  Group,
  Paper,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { DATA_USES } from '@fortytwo/domain';
import {
  DATA_USE_LABELS,
  DATASET_HELP as DH,
  DATASET_LABELS as DL,
  FORM_HELP as H,
  FORM_LABELS as L,
  PROFILE_TEXT as T,
} from './profile-text';
import { emptyDataset, emptyPerson, emptyTool, type DatasetRow, type PersonRow, type ToolRow } from './profile-values';

export type RowProps<R> = {
  rows: R[];
  onChange: (rows: R[]) => void;
  /** The messages a row shows now, by field. */
  messagesOf: (key: string) => Partial<Record<string, string>>;
  onBlur: (key: string, field: string) => void;
};

/** A list of rows with an add button; a row added with the button takes the focus. */
function Rows<R extends { key: string }>({
  rows,
  onChange,
  empty,
  addLabel,
  make,
  render,
}: Pick<RowProps<R>, 'rows' | 'onChange'> & {
  empty: string;
  addLabel: string;
  make: () => R;
  render: (row: R, n: number, autoFocus: boolean) => ReactNode;
}) {
  const [added, setAdded] = useState<string | null>(null);
  return (
    <Stack gap="sm">
      {rows.length === 0 && (
        <Text fz="sm" c="dimmed">
          {empty}
        </Text>
      )}
      {rows.map((row, i) => render(row, i + 1, row.key === added))}
      <Group>
        <Button
          variant="default"
          leftSection={<IconPlus size={16} />}
          onClick={() => {
            const row = make();
            setAdded(row.key);
            onChange([...rows, row]);
          }}
        >
          {addLabel}
        </Button>
      </Group>
    </Stack>
  );
}

function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <Tooltip label={label} withArrow>
      <ActionIcon variant="subtle" color="red" onClick={onClick} aria-label={label}>
        <IconTrash size={18} />
      </ActionIcon>
    </Tooltip>
  );
}

const replace = <R extends { key: string }>(rows: R[], next: R) => rows.map((r) => (r.key === next.key ? next : r));
const without = <R extends { key: string }>(rows: R[], key: string) => rows.filter((r) => r.key !== key);

/** Datasets: one card each, with everything A.4.3 asks about a dataset. */
export function DatasetRows({ rows, onChange, messagesOf, onBlur }: RowProps<DatasetRow>) {
  return (
    <Rows
      rows={rows}
      onChange={onChange}
      empty={T.noDatasets}
      addLabel={T.addDataset}
      make={emptyDataset}
      render={(row, n, autoFocus) => (
        <DatasetCard
          key={row.key}
          n={n}
          row={row}
          messages={messagesOf(row.key)}
          autoFocus={autoFocus}
          onBlur={(f) => onBlur(row.key, f)}
          onChange={(next) => onChange(replace(rows, next))}
          onRemove={() => onChange(without(rows, row.key))}
        />
      )}
    />
  );
}

function DatasetCard({
  n,
  row,
  messages,
  autoFocus,
  onChange,
  onBlur,
  onRemove,
}: {
  n: number;
  row: DatasetRow;
  messages: Partial<Record<string, string>>;
  autoFocus: boolean;
  onChange: (row: DatasetRow) => void;
  onBlur: (field: string) => void;
  onRemove: () => void;
}) {
  const titleId = useId();
  const title = T.datasetN(n);
  const set = <K extends keyof DatasetRow>(key: K, value: DatasetRow[K]) => onChange({ ...row, [key]: value });
  const text = (key: 'name' | 'origin' | 'labelling' | 'retention', max: number) => (
    <TextInput
      label={DL[key]}
      description={DH[key]}
      required={key === 'name'}
      value={row[key]}
      onChange={(e) => set(key, e.currentTarget.value)}
      onBlur={() => onBlur(key)}
      error={messages[key]}
      maxLength={max + 50}
      autoFocus={key === 'name' && autoFocus}
    />
  );
  const long = (key: 'quality' | 'knownBias') => (
    <Textarea
      label={DL[key]}
      description={DH[key]}
      value={row[key]}
      onChange={(e) => set(key, e.currentTarget.value)}
      onBlur={() => onBlur(key)}
      error={messages[key]}
      autosize
      minRows={2}
      maxRows={6}
      maxLength={1050}
    />
  );
  return (
    <Paper withBorder radius="md" p="md" role="group" aria-labelledby={titleId} data-testid="dataset-row">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={3} fz="sm" id={titleId}>
            {row.name.trim() ? `${title}: ${row.name.trim()}` : title}
          </Title>
          <RemoveButton label={T.remove(title)} onClick={onRemove} />
        </Group>
        <Grid>
          <Grid.Col span={{ base: 12, sm: 6 }}>{text('name', 200)}</Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>{text('origin', 300)}</Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Checkbox.Group
              label={DL.uses}
              description={DH.uses}
              value={row.uses}
              onChange={(v) => set('uses', v)}
              error={messages.uses}
            >
              <Group gap="lg" mt={8}>
                {DATA_USES.map((u) => (
                  <Checkbox key={u} value={u} label={DATA_USE_LABELS[u]} />
                ))}
              </Group>
            </Checkbox.Group>
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Switch
              label={DL.personalData}
              description={DH.personalData}
              checked={row.personalData}
              onChange={(e) => set('personalData', e.currentTarget.checked)}
              mt={{ base: 0, sm: 26 }}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>{text('labelling', 300)}</Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>{text('retention', 300)}</Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>{long('quality')}</Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>{long('knownBias')}</Grid.Col>
        </Grid>
      </Stack>
    </Paper>
  );
}

/** A row of two texts (a name and what goes with it) with its remove button. */
function PairRow({
  title,
  first,
  second,
  onRemove,
}: {
  title: string;
  first: ReactNode;
  second: ReactNode;
  onRemove: () => void;
}) {
  return (
    <Group role="group" aria-label={title} align="flex-start" gap="sm" wrap="nowrap" data-testid="pair-row">
      <Grid style={{ flex: 1 }}>
        <Grid.Col span={{ base: 12, sm: 5 }}>{first}</Grid.Col>
        <Grid.Col span={{ base: 12, sm: 7 }}>{second}</Grid.Col>
      </Grid>
      {/* Level with the inputs, below their labels. */}
      <div style={{ paddingTop: 26 }}>
        <RemoveButton label={T.remove(title)} onClick={onRemove} />
      </div>
    </Group>
  );
}

export function ToolRows({ rows, onChange, messagesOf, onBlur }: RowProps<ToolRow>) {
  return (
    <Rows
      rows={rows}
      onChange={onChange}
      empty={T.noTools}
      addLabel={T.addTool}
      make={emptyTool}
      render={(row, n, autoFocus) => {
        const m = messagesOf(row.key);
        const set = (next: Partial<ToolRow>) => onChange(replace(rows, { ...row, ...next }));
        return (
          <PairRow
            key={row.key}
            title={T.toolN(n)}
            onRemove={() => onChange(without(rows, row.key))}
            first={
              <TextInput
                label={L.toolName}
                required
                value={row.name}
                onChange={(e) => set({ name: e.currentTarget.value })}
                onBlur={() => onBlur(row.key, 'name')}
                error={m.name}
                maxLength={250}
                autoFocus={autoFocus}
              />
            }
            second={
              <Textarea
                label={L.toolPurpose}
                placeholder={H.toolPurpose}
                value={row.purpose}
                onChange={(e) => set({ purpose: e.currentTarget.value })}
                onBlur={() => onBlur(row.key, 'purpose')}
                error={m.purpose}
                autosize
                minRows={1}
                maxRows={4}
                maxLength={350}
              />
            }
          />
        );
      }}
    />
  );
}

export function PersonRows({ rows, onChange, messagesOf, onBlur }: RowProps<PersonRow>) {
  return (
    <Rows
      rows={rows}
      onChange={onChange}
      empty={T.noPeople}
      addLabel={T.addPerson}
      make={emptyPerson}
      render={(row, n, autoFocus) => {
        const m = messagesOf(row.key);
        const set = (next: Partial<PersonRow>) => onChange(replace(rows, { ...row, ...next }));
        return (
          <PairRow
            key={row.key}
            title={T.personN(n)}
            onRemove={() => onChange(without(rows, row.key))}
            first={
              <TextInput
                label={L.role}
                required
                value={row.role}
                onChange={(e) => set({ role: e.currentTarget.value })}
                onBlur={() => onBlur(row.key, 'role')}
                error={m.role}
                maxLength={250}
                autoFocus={autoFocus}
              />
            }
            second={
              <Textarea
                label={L.skills}
                placeholder={H.skills}
                value={row.skills}
                onChange={(e) => set({ skills: e.currentTarget.value })}
                onBlur={() => onBlur(row.key, 'skills')}
                error={m.skills}
                autosize
                minRows={1}
                maxRows={4}
                maxLength={1050}
              />
            }
          />
        );
      }}
    />
  );
}
