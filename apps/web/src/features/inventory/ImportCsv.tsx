import { useState } from 'react';
import { Alert, Button, FileInput, Group, List, Modal, Stack, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconUpload } from '@tabler/icons-react';
import {
  AI_SYSTEM_CSV_COLUMNS,
  CsvParseError,
  parseCsv,
  splitCsvList,
  unguardCsvCell,
  ZCreateAiSystem,
} from '@fortytwo/domain';
import { api } from '../../api/client';
import { errorMessage } from '../../ui/QueryState';
import { notifySuccess } from '../../ui/notify';
import { useMembers } from '../members/api';
import { inventoryKey } from './api';

// The inventory's CSV import in the browser (issue 18): the file is read here, checked row by row,
// then POST …/ai-systems/import with dryRun shows the plan (added, updated, unchanged) before
// anything changes. A row with an id, or else a matching name, updates that AI system.

type Item = Record<string, unknown>;
type Plan = {
  created: number;
  updated: number;
  unchanged: number;
  rows: { row: number; action: 'create' | 'update' | 'unchanged'; name: string; changes: string[] }[];
};
const COLUMNS = ['id', ...AI_SYSTEM_CSV_COLUMNS] as const;
const LABELS: Record<string, string> = {
  name: 'Name',
  description: 'Description',
  intendedPurpose: 'Intended purpose',
  aiRoles: 'AI roles',
  lifecycleStage: 'Lifecycle stage',
  ownerEmail: 'Owner e-mail',
  ownerId: 'Owner',
  jurisdictions: 'Jurisdictions',
  thirdParties: 'Third parties',
  riskTier: 'Risk tier',
  status: 'Status',
  tags: 'Tags',
  id: 'Id',
};

/** Rows of the file as import items, or the problems found (line and column label). */
export function readInventoryCsv(
  text: string,
  ownerIdOf: (email: string) => string | null,
): { items: Item[]; lines: number[] } | { problems: string[] } {
  let rows;
  try {
    rows = parseCsv(text);
  } catch (e) {
    return { problems: [e instanceof CsvParseError ? e.message : String(e)] };
  }
  const [head, ...body] = rows;
  if (!head || body.length === 0)
    return {
      problems: ['The file has no AI systems: expected a header line and one row per AI system, as in the CSV export'],
    };
  const byName = new Map(COLUMNS.map((c) => [c.toLowerCase(), c]));
  const columns = head.cells.map((c) => byName.get(c.trim().toLowerCase()) ?? null);
  const unknown = head.cells.filter((_, i) => columns[i] === null);
  if (unknown.length)
    return {
      problems: [
        `Unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')}: use the columns of the CSV export`,
      ],
    };
  const problems: string[] = [];
  const items: Item[] = [];
  const lines: number[] = [];
  for (const row of body) {
    const v: Record<string, string> = {};
    row.cells.forEach((cell, i) => {
      const col = columns[i];
      if (col) v[col] = unguardCsvCell(cell).trim();
    });
    const ownerId = v.ownerEmail ? ownerIdOf(v.ownerEmail) : null;
    if (v.ownerEmail && !ownerId)
      problems.push(`Line ${row.line}, Owner e-mail: no current member has the e-mail ${v.ownerEmail}`);
    const candidate = {
      name: v.name ?? '',
      description: v.description || undefined,
      intendedPurpose: v.intendedPurpose ?? '',
      aiRoles: splitCsvList(v.aiRoles ?? ''),
      lifecycleStage: v.lifecycleStage || undefined,
      ownerId,
      jurisdictions: splitCsvList(v.jurisdictions ?? ''),
      thirdParties: splitCsvList(v.thirdParties ?? ''),
      riskTier: v.riskTier || undefined,
      status: v.status || undefined,
      tags: splitCsvList(v.tags ?? ''),
    };
    const parsed = ZCreateAiSystem.safeParse(candidate);
    if (!parsed.success)
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        problems.push(
          `Line ${row.line}, ${LABELS[field] ?? field}: ${field === 'lifecycleStage' && !candidate.lifecycleStage ? 'Lifecycle stage is required' : issue.message}`,
        );
      }
    else {
      items.push(v.id ? { ...parsed.data, id: v.id } : parsed.data);
      lines.push(row.line);
    }
  }
  return problems.length ? { problems } : { items, lines };
}

export function ImportCsvButton({ orgId }: { orgId: string }) {
  const [opened, { open, close }] = useDisclosure(false);
  const [file, setFile] = useState<File | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [prepared, setPrepared] = useState<{ items: Item[]; lines: number[]; plan: Plan } | null>(null);
  const members = useMembers(orgId);
  const qc = useQueryClient();
  const reset = () => {
    setFile(null);
    setProblems([]);
    setPrepared(null);
  };
  const url = `/api/orgs/${encodeURIComponent(orgId)}/ai-systems/import`;
  const check = useMutation({
    mutationFn: async (f: File) => {
      const byEmail = new Map(
        (members.data ?? []).filter((m) => !m.expired).map((m) => [m.user.email.toLowerCase(), m.user.id]),
      );
      const read = readInventoryCsv(await f.text(), (email) => byEmail.get(email.toLowerCase()) ?? null);
      if ('problems' in read) return { problems: read.problems };
      const plan = await api.post<Plan>(url, { items: read.items, dryRun: true });
      return { prepared: { ...read, plan } };
    },
    onSuccess: (r) => {
      setProblems(r.problems ?? []);
      setPrepared(r.prepared ?? null);
    },
    onError: (e) => setProblems([errorMessage(e)]),
  });
  const apply = useMutation({
    mutationFn: () => api.post<Plan>(url, { items: prepared!.items }),
    onSuccess: async (plan) => {
      await qc.invalidateQueries({ queryKey: inventoryKey(orgId) });
      notifySuccess(`Imported: ${plan.created} added, ${plan.updated} updated, ${plan.unchanged} unchanged`);
      reset();
      close();
    },
    onError: (e) => setProblems([errorMessage(e)]),
  });
  const plan = prepared?.plan;
  return (
    <>
      <Button variant="default" leftSection={<IconUpload size={16} />} onClick={open}>
        Import CSV
      </Button>
      <Modal
        opened={opened}
        onClose={() => {
          reset();
          close();
        }}
        title="Import AI systems from CSV"
        size="lg"
      >
        <Stack gap="md">
          <Text fz="sm" c="dimmed">
            Use the columns of the CSV export. A row whose id, or else name, matches an AI system updates it; other rows
            add one. You see the plan before anything changes.
          </Text>
          <FileInput
            label="CSV file"
            accept=".csv,text/csv"
            value={file}
            onChange={(f) => {
              reset();
              setFile(f);
              if (f) check.mutate(f);
            }}
            clearable
          />
          {problems.length > 0 && (
            <Alert color="red" variant="light" title="Nothing was changed" role="alert">
              <List size="sm">
                {problems.slice(0, 20).map((p) => (
                  <List.Item key={p}>{p}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          {plan && (
            <Stack gap="xs" data-testid="import-plan">
              <Text fz="sm" fw={600}>
                {plan.created} to add, {plan.updated} to update, {plan.unchanged} unchanged
              </Text>
              <Table fz="sm" verticalSpacing={4}>
                <Table.Tbody>
                  {plan.rows
                    .filter((r) => r.action !== 'unchanged')
                    .slice(0, 50)
                    .map((r) => (
                      <Table.Tr key={r.row}>
                        <Table.Td>Line {prepared.lines[r.row]}</Table.Td>
                        <Table.Td>{r.action === 'create' ? 'Add' : 'Update'}</Table.Td>
                        <Table.Td>{r.name}</Table.Td>
                        <Table.Td c="dimmed">{r.changes.map((c) => LABELS[c] ?? c).join(', ')}</Table.Td>
                      </Table.Tr>
                    ))}
                </Table.Tbody>
              </Table>
            </Stack>
          )}
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() => {
                reset();
                close();
              }}
            >
              Cancel
            </Button>
            <Button
              onClick={() => apply.mutate()}
              disabled={!plan || plan.created + plan.updated === 0}
              loading={check.isPending || apply.isPending}
            >
              Import
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
