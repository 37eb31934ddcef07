import { useState } from 'react';
import { ActionIcon, Alert, Button, Group, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconPlus, IconX } from '@tabler/icons-react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { notifySuccess } from '../../ui/notify';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useOrg } from '../shell/org-context';
import {
  customerSplitPath,
  refreshThirdParties,
  suppliersHref,
  useCustomerSplit,
  useSuppliers,
  type CustomerSplit,
} from './api';
import { SupplierForm } from './SupplierForm';
import { SupplierTable } from './SupplierTable';
import { THIRD_PARTY_TEXT } from './text';

const T = THIRD_PARTY_TEXT.suppliers;
const S = T.split;

function SplitEditor({ orgId, split, canWrite }: { orgId: string; split: CustomerSplit; canWrite: boolean }) {
  const qc = useQueryClient();
  const [rows, setRows] = useState(split.items);
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () =>
      api.put<CustomerSplit>(customerSplitPath(orgId, split.aiSystemId), { version: split.version, items: rows }),
    onSuccess: async () => {
      setError(null);
      await refreshThirdParties(qc, orgId);
      notifySuccess(S.saved);
    },
    onError: (e) => setError(e instanceof Error ? e.message : String(e)),
  });
  const set = (i: number, k: 'topic' | 'ours' | 'customers', v: string) =>
    setRows((r) => r.map((x, j) => (j === i ? { ...x, [k]: v } : x)));
  return (
    <Stack gap="sm">
      {error && (
        <Alert color="red" variant="light" role="alert">
          {error}
        </Alert>
      )}
      {rows.map((r, i) => (
        <Group key={i} align="flex-start" wrap="nowrap">
          <TextInput
            label={S.topic}
            value={r.topic}
            onChange={(e) => set(i, 'topic', e.currentTarget.value)}
            readOnly={!canWrite}
            w={220}
          />
          <Textarea
            label={S.ours}
            value={r.ours}
            onChange={(e) => set(i, 'ours', e.currentTarget.value)}
            readOnly={!canWrite}
            autosize
            style={{ flex: 1 }}
          />
          <Textarea
            label={S.customers}
            value={r.customers}
            onChange={(e) => set(i, 'customers', e.currentTarget.value)}
            readOnly={!canWrite}
            autosize
            style={{ flex: 1 }}
          />
          {canWrite && (
            <ActionIcon
              variant="subtle"
              color="gray"
              mt={26}
              aria-label={`Remove row ${i + 1}`}
              onClick={() => setRows((x) => x.filter((_, j) => j !== i))}
            >
              <IconX size={16} />
            </ActionIcon>
          )}
        </Group>
      ))}
      {canWrite && (
        <Group>
          <Button
            variant="default"
            leftSection={<IconPlus size={16} />}
            onClick={() => setRows((x) => [...x, { topic: '', ours: '', customers: '' }])}
          >
            {S.addRow}
          </Button>
          <Button onClick={() => save.mutate()} loading={save.isPending}>
            {THIRD_PARTY_TEXT.save}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** The AI system page's Suppliers tab: the suppliers it uses, and for a provided system the A.10.4 split. */
export function SystemSuppliersTab({ aiSystemId }: { aiSystemId: string }) {
  const { orgId, can } = useOrg();
  const list = useSuppliers(orgId, { aiSystemId });
  const split = useCustomerSplit(orgId, aiSystemId);
  const [adding, setAdding] = useState(false);
  const canWrite = can('supplier.write');
  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p="lg">
        <Group justify="space-between" mb="sm">
          <Title order={2} fz="lg">
            {T.systemTitle}
          </Title>
          <Group gap="xs">
            <Button variant="subtle" component={Link} to={`${suppliersHref(orgId)}?aiSystemId=${aiSystemId}`}>
              {T.title}
            </Button>
            {canWrite && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
                {T.add}
              </Button>
            )}
          </Group>
        </Group>
        {canWrite && (
          <SupplierForm orgId={orgId} aiSystemId={aiSystemId} opened={adding} onClose={() => setAdding(false)} />
        )}
        {list.isPending ? (
          <Loading />
        ) : list.isError ? (
          <ErrorAlert error={list.error} />
        ) : list.data.length === 0 ? (
          <Text c="dimmed">{T.emptyBody}</Text>
        ) : (
          <SupplierTable orgId={orgId} items={list.data} />
        )}
      </Paper>
      <Paper withBorder radius="md" p="lg">
        <Title order={2} fz="lg" mb={4}>
          {S.title}
        </Title>
        <Text c="dimmed" fz="sm" mb="sm">
          {S.description}
        </Text>
        {split.isPending ? (
          <Loading />
        ) : split.isError ? (
          <ErrorAlert error={split.error} />
        ) : split.data.applies ? (
          <SplitEditor key={split.data.version} orgId={orgId} split={split.data} canWrite={can('ai_system.write')} />
        ) : (
          <Text fz="sm">{S.notApplicable}</Text>
        )}
      </Paper>
    </Stack>
  );
}
