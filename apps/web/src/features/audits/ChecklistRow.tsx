import { useRef, useState, type KeyboardEvent } from 'react';
import {
  Badge,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { CHECKLIST_RESULTS, type ChecklistResult } from '@fortytwo/domain';
import { api } from '../../api/client';
import { notifyError } from '../../ui/notify';
import { auditPath, refreshAudits, type Audit, type ChecklistItem } from './api';
import { AUDITS_TEXT as T } from './text';

export const KEYS: Record<string, ChecklistResult> = { c: 'conforms', f: 'finding', n: 'not_sampled' };

export const RESULT_COLOR: Record<ChecklistResult, string> = {
  open: 'gray',
  conforms: 'teal',
  finding: 'red',
  not_sampled: 'yellow',
};

export type EvidenceRow = { id: string; reference: string; title: string };

export const focusItem = (position: number) =>
  document.querySelector<HTMLElement>(`[data-checklist-position="${position}"]`)?.focus();

export function ChecklistRow({
  orgId,
  audit,
  item,
  frozen,
  evidence,
}: {
  orgId: string;
  audit: Audit;
  item: ChecklistItem;
  frozen: boolean;
  evidence: EvidenceRow[];
}) {
  const qc = useQueryClient();
  const [notes, setNotes] = useState(item.notes);
  const [sampled, setSampled] = useState(item.sampled);
  const [population, setPopulation] = useState(item.population);
  const [sampleSize, setSampleSize] = useState<string | number>(item.sampleSize ?? '');
  // Saves of one item run one after another, each with the version the last one returned: tabbing from
  // "What was sampled" to "How many" saves twice in a row, and the second must not carry a stale version.
  const version = useRef(item.version);
  if (item.version > version.current) version.current = item.version;
  const queue = useRef<Promise<void>>(Promise.resolve());
  const save = (patch: Record<string, unknown>) => {
    queue.current = queue.current.then(async () => {
      try {
        const saved = await api.patch<{ version: number }>(`${auditPath(orgId, audit.id)}/checklist/${item.id}`, {
          version: version.current,
          ...patch,
        });
        version.current = saved.version;
        await refreshAudits(qc, orgId);
      } catch (e) {
        notifyError(e);
      }
    });
    return queue.current;
  };
  // Like the gap questionnaire: a key answers the item and moves on to the next; J/K or the arrows move.
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget || e.ctrlKey || e.metaKey || e.altKey) return;
    const key = e.key.toLowerCase();
    const step = key === 'j' || key === 'arrowdown' ? 1 : key === 'k' || key === 'arrowup' ? -1 : 0;
    const r = frozen ? undefined : KEYS[key];
    if (!step && !r) return;
    e.preventDefault();
    if (r) void save({ result: r });
    focusItem(item.position + (step || 1));
  };
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      tabIndex={0}
      onKeyDown={onKey}
      aria-label={`${item.ref} ${item.title}: ${T.result[item.result]}`}
      data-testid={`checklist-${item.ref}`}
      data-checklist-position={item.position}
    >
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600}>
            {item.ref} {item.title}
          </Text>
          <Badge color={RESULT_COLOR[item.result]} variant="light">
            {T.result[item.result]}
          </Badge>
        </Group>
        <Text fz="sm">
          <b>{T.looksFor}:</b> {item.looksFor || T.none}
        </Text>
        {(item.sources.documents.length > 0 ||
          item.sources.evidence.length > 0 ||
          item.sources.expectedEvidence.length > 0) && (
          <Text fz="xs" c="dimmed">
            {T.sources}:{' '}
            {[
              ...item.sources.documents.map((d) => (d.version ? `${d.title} (${d.version})` : d.title)),
              ...item.sources.evidence.map((e) => `${e.reference} ${e.title}`),
              ...item.sources.expectedEvidence,
            ].join(' · ')}
          </Text>
        )}
        {!frozen && (
          <SegmentedControl
            size="xs"
            value={item.result}
            onChange={(v) => void save({ result: v })}
            data={CHECKLIST_RESULTS.map((r) => ({ value: r, label: T.result[r] }))}
            aria-label={`${item.ref} result`}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
          <TextInput
            size="xs"
            label={T.sampled}
            value={sampled}
            disabled={frozen}
            onChange={(e) => setSampled(e.currentTarget.value)}
            onBlur={() => sampled !== item.sampled && void save({ sampled })}
          />
          <NumberInput
            size="xs"
            label={T.sampleSize}
            min={0}
            value={sampleSize}
            disabled={frozen}
            onChange={setSampleSize}
            onBlur={() => {
              const n = sampleSize === '' ? null : Number(sampleSize);
              if (n !== item.sampleSize) void save({ sampleSize: n });
            }}
          />
          <TextInput
            size="xs"
            label={T.population}
            value={population}
            disabled={frozen}
            onChange={(e) => setPopulation(e.currentTarget.value)}
            onBlur={() => population !== item.population && void save({ population })}
          />
        </SimpleGrid>
        <Textarea
          size="xs"
          label={T.notes}
          autosize
          value={notes}
          disabled={frozen}
          onChange={(e) => setNotes(e.currentTarget.value)}
          onBlur={() => notes !== item.notes && void save({ notes })}
        />
        <MultiSelect
          size="xs"
          label={T.evidence}
          data={evidence.map((e) => ({ value: e.id, label: `${e.reference} ${e.title}` }))}
          value={item.evidenceIds}
          disabled={frozen}
          onChange={(ids) => void save({ evidenceIds: ids })}
          searchable
        />
      </Stack>
    </Paper>
  );
}
