import { useEffect, useRef, useState } from 'react';
import { Badge, CloseButton, Group, Highlight, Kbd, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import type { FrameworkSummary } from '../../api/types';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { catalogHref, useCatalogSearch } from './api';
import { CATALOG_TEXT as T } from './text';
import classes from './catalog.module.css';

export type SearchScope = 'all' | 'this';

/** The search lives in the address (?q=…&in=this), so results survive opening one and can be shared. */
export function useCatalogSearchParams() {
  const [params, setParams] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const scope: SearchScope = params.get('in') === 'this' ? 'this' : 'all';
  const update = (changes: { q?: string | null; in?: SearchScope | null }) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v && !(k === 'in' && v === 'all')) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace: true },
    );
  return { q, scope, update, search: params.toString() ? `?${params.toString()}` : '' };
}

type SearchParams = ReturnType<typeof useCatalogSearchParams>;

export function CatalogSearchBox({ search }: { search: SearchParams }) {
  const [value, setValue] = useState(search.q);
  const [debounced] = useDebouncedValue(value, 250);
  const inputRef = useRef<HTMLInputElement>(null);
  useHotkeys([['/', () => inputRef.current?.focus()]]);

  // The typed value drives the address (debounced); a change of the address from elsewhere
  // (back button, a shared link) is copied into the box.
  const pushed = useRef(search.q);
  useEffect(() => {
    const next = debounced.trim();
    if (next === pushed.current) return;
    pushed.current = next;
    search.update({ q: next || null });
  }, [debounced]); // only a new typed value pushes to the address
  useEffect(() => {
    if (search.q !== pushed.current) {
      pushed.current = search.q;
      setValue(search.q);
    }
  }, [search.q]);

  const clear = () => {
    setValue('');
    pushed.current = '';
    search.update({ q: null });
  };

  return (
    <Stack gap={6}>
      <TextInput
        ref={inputRef}
        label={T.search}
        placeholder={T.searchPlaceholder}
        leftSection={<IconSearch size={16} aria-hidden />}
        rightSection={
          value ? (
            <CloseButton size="sm" aria-label={T.clearSearch} onClick={clear} />
          ) : (
            <Kbd size="xs" title={T.searchHint}>
              /
            </Kbd>
          )
        }
        value={value}
        onChange={(e) => setValue(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            if (value) clear();
            else e.currentTarget.blur();
          }
        }}
        aria-keyshortcuts="/"
        type="search"
        maxLength={200}
      />
      {value.trim() && (
        <SegmentedControl
          size="xs"
          fullWidth
          aria-label={T.searchScope}
          value={search.scope}
          onChange={(v) => search.update({ in: v })}
          data={[
            { value: 'all', label: T.searchAll },
            { value: 'this', label: T.searchThis },
          ]}
        />
      )}
    </Stack>
  );
}

export function CatalogSearchResults({
  orgId,
  search,
  frameworkId,
  selectedRef,
  frameworks,
}: {
  orgId: string;
  search: SearchParams;
  frameworkId: string;
  selectedRef: string | undefined;
  frameworks: FrameworkSummary[];
}) {
  const results = useCatalogSearch(orgId, search.q, search.scope === 'this' ? frameworkId : undefined);
  const words = search.q.split(/\s+/).filter(Boolean);
  const nameOf = (id: string) => frameworks.find((f) => f.id === id)?.name ?? id;
  if (results.isPending) return <Loading />;
  if (results.isError) return <ErrorAlert error={results.error} onRetry={() => void results.refetch()} />;
  const hits = results.data;
  return (
    <Stack gap={4}>
      <Text fz="xs" c="dimmed" fw={600} aria-live="polite" px={8}>
        {T.searchResults(hits.length, search.q)}
      </Text>
      {hits.length === 0 ? (
        <Text fz="sm" px={8} py="xs">
          {T.searchEmpty}
        </Text>
      ) : (
        <ul className={classes.tree} aria-label={T.searchResults(hits.length, search.q)}>
          {hits.map((h) => (
            <li key={`${h.frameworkId}:${h.ref}`}>
              <Link
                to={`${catalogHref(orgId, h.frameworkId, h.ref)}${search.search}`}
                className={classes.hit}
                aria-current={h.frameworkId === frameworkId && h.ref === selectedRef ? 'page' : undefined}
              >
                <Group gap={8} wrap="nowrap" align="baseline">
                  <span className={classes.ref}>{h.ref}</span>
                  <Text component="span" fz="sm" fw={600} style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
                    {h.title}
                  </Text>
                </Group>
                {search.scope === 'all' && (
                  <Badge size="xs" variant="light" color="gray" tt="none" fw={500} mt={4} maw="100%">
                    {nameOf(h.frameworkId)}
                  </Badge>
                )}
                {h.snippet && (
                  <Highlight component="p" highlight={words} fz="xs" c="dimmed" mt={4} mb={0} lineClamp={3}>
                    {h.snippet}
                  </Highlight>
                )}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Stack>
  );
}
