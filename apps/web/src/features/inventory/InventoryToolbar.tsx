import { useEffect, useRef, useState } from 'react';
import { CloseButton, Group, Kbd, Select, TextInput } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { AI_ROLE_LABELS, AI_SYSTEM_STATUS_LABELS, LIFECYCLE_STAGE_LABELS, RISK_TIER_LABELS } from '@fortytwo/domain';
import { options } from './labels';
import { INVENTORY_TEXT as T } from './text';
import type { useInventoryUrlState } from './url-state';

type UrlState = ReturnType<typeof useInventoryUrlState>;

export function InventoryToolbar({ state }: { state: UrlState }) {
  // Clearing the filters is the register table's button: the URL change empties the box below.
  const { filters, update } = state;
  const [q, setQ] = useState(filters.q ?? '');
  const [debounced] = useDebouncedValue(q, 250);
  const searchRef = useRef<HTMLInputElement>(null);
  useHotkeys([['/', () => searchRef.current?.focus()]]);

  // The typed value drives the URL (debounced); the URL drives the list. A change of the URL
  // from elsewhere (clear filters, back button) is copied into the box.
  const pushed = useRef(filters.q ?? '');
  useEffect(() => {
    const value = debounced.trim();
    if (value === pushed.current) return;
    pushed.current = value;
    update({ q: value || null });
  }, [debounced]); // only a new typed value pushes to the URL
  useEffect(() => {
    const fromUrl = filters.q ?? '';
    if (fromUrl !== pushed.current) {
      pushed.current = fromUrl;
      setQ(fromUrl);
    }
  }, [filters.q]);

  const filterSelect = (
    key: 'lifecycleStage' | 'aiRole' | 'riskTier' | 'status',
    label: string,
    labels: Record<string, string>,
  ) => (
    <Select
      label={label}
      placeholder={T.any}
      data={options(labels)}
      value={filters[key] ?? null}
      onChange={(v) => update({ [key]: v })}
      clearable
      w={150}
      comboboxProps={{ withinPortal: true }}
    />
  );

  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <TextInput
        ref={searchRef}
        label={T.search}
        placeholder={T.searchPlaceholder}
        leftSection={<IconSearch size={16} aria-hidden />}
        rightSection={
          q ? (
            <CloseButton size="sm" aria-label="Clear search" onClick={() => setQ('')} />
          ) : (
            <Kbd size="xs" title={T.searchHint}>
              /
            </Kbd>
          )
        }
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') e.currentTarget.blur();
        }}
        aria-keyshortcuts="/"
        type="search"
        w={240}
      />
      {filterSelect('lifecycleStage', T.filterLifecycle, LIFECYCLE_STAGE_LABELS)}
      {filterSelect('aiRole', T.filterRole, AI_ROLE_LABELS)}
      {filterSelect('riskTier', T.filterRisk, RISK_TIER_LABELS)}
      {filterSelect('status', T.filterStatus, AI_SYSTEM_STATUS_LABELS)}
    </Group>
  );
}
