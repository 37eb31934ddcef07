import { useState } from 'react';
import { Button, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { REVIEW_STATES, SUPPLY_KIND_LABELS, SUPPLY_KINDS, type ReviewState, type SupplyKind } from '@fortytwo/domain';
import { DownloadMenu } from '../../ui/DownloadMenu';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useOrg } from '../shell/org-context';
import { supplierDownloads, useSuppliers, type SupplierFilters } from './api';
import { SupplierForm } from './SupplierForm';
import { SupplierTable } from './SupplierTable';
import { THIRD_PARTY_TEXT } from './text';

const T = THIRD_PARTY_TEXT.suppliers;

/** The supplier register (A.10), its filters kept in the address so a filtered view can be shared. */
export function SuppliersPage() {
  const { orgId, can } = useOrg();
  const [params, setParams] = useSearchParams();
  const filters: SupplierFilters = {
    ...(params.get('q') ? { q: params.get('q')! } : {}),
    ...(SUPPLY_KINDS.includes(params.get('kind') as SupplyKind) ? { kind: params.get('kind') as SupplyKind } : {}),
    ...(REVIEW_STATES.includes(params.get('review') as ReviewState)
      ? { review: params.get('review') as ReviewState }
      : {}),
    ...(params.get('aiSystemId') ? { aiSystemId: params.get('aiSystemId')! } : {}),
  };
  const setFilter = (key: keyof SupplierFilters, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const list = useSuppliers(orgId, filters);
  const [adding, setAdding] = useState(false);
  const canWrite = can('supplier.write');
  const add = canWrite && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
      {T.add}
    </Button>
  );
  const filtered = Object.keys(filters).length > 0;

  return (
    <>
      <PageHeader
        title={T.title}
        description={T.description}
        actions={
          <>
            <DownloadMenu label={THIRD_PARTY_TEXT.export} items={supplierDownloads(orgId, filters)} />
            {add}
          </>
        }
      />
      {canWrite && <SupplierForm orgId={orgId} opened={adding} onClose={() => setAdding(false)} />}
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.length === 0 && !filtered ? (
        <Paper withBorder radius="md" p="xl">
          <Stack gap="sm" align="flex-start" maw={640}>
            <Title order={2} fz="lg">
              {T.emptyTitle}
            </Title>
            <Text c="dimmed">{T.emptyBody}</Text>
            {add}
          </Stack>
        </Paper>
      ) : (
        <SupplierTable
          orgId={orgId}
          items={list.data}
          filtering={filtered}
          onClearFilters={() => setParams(new URLSearchParams(), { replace: true })}
          filters={
            <>
              <TextInput
                label={T.filters.q}
                leftSection={<IconSearch size={16} />}
                defaultValue={filters.q ?? ''}
                onChange={(e) => setFilter('q', e.currentTarget.value.trim() || null)}
              />
              <Select
                label={T.filters.kind}
                placeholder={T.filters.all}
                data={SUPPLY_KINDS.map((k) => ({ value: k, label: SUPPLY_KIND_LABELS[k] }))}
                value={filters.kind ?? null}
                onChange={(v) => setFilter('kind', v)}
                clearable
              />
              <Select
                label={T.filters.review}
                placeholder={T.filters.all}
                data={[
                  { value: 'overdue', label: T.overdue },
                  { value: 'current', label: T.current },
                ]}
                value={filters.review ?? null}
                onChange={(v) => setFilter('review', v)}
                clearable
              />
            </>
          }
        />
      )}
    </>
  );
}
