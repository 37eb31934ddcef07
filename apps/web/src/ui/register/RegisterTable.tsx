import { Button, Center, Checkbox, Group, Paper, Stack, Table, Text } from '@mantine/core';
import {
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type RowSelectionState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState, type MouseEvent, type ReactNode, type RefObject } from 'react';
import { BulkBar } from './BulkBar';
import { ColumnChooser } from './ColumnChooser';
import { downloadSelectedCsv } from './csv';
import { SortHeader } from './SortHeader';
import type { RegisterColumn, RegisterProps } from './types';
import { useRegisterUrlState } from './url-state';
import { useRowKeys } from './use-row-keys';
import { ViewsMenu } from './ViewsMenu';
import { REGISTER_TEXT as T } from './text';

/** Past this many rows only the rows in view are rendered (UX.md: virtualize long lists). */
export const VIRTUALIZE_AFTER = 100;
const ROW_HEIGHT = 44;

// Clicks on these inside a row do their own thing instead of opening the row.
const INTERACTIVE = 'a, button, input, label, select, textarea, [role="checkbox"], [role="button"]';

/** A long list scrolls in its own box (the virtualizer measures it); a short one scrolls sideways only. */
function Scroll({
  virtual,
  scroller,
  minWidth,
  children,
}: {
  virtual: boolean;
  scroller: RefObject<HTMLDivElement | null>;
  minWidth: number;
  children: ReactNode;
}) {
  if (!virtual) return <Table.ScrollContainer minWidth={minWidth}>{children}</Table.ScrollContainer>;
  return (
    <div ref={scroller} style={{ maxHeight: '70vh', overflow: 'auto' }} data-virtualized>
      <div style={{ minWidth }}>{children}</div>
    </div>
  );
}

/**
 * The one register table (UX.md, registers): sortable headers, filters, sort and columns in the
 * address, column choice, saved views per person, row selection with the page's bulk actions and
 * export of the selection, keyboard navigation, and virtualization of long lists. Lists come whole
 * (sorted here) or in server pages (`serverSort`, `more`).
 */
export function RegisterTable<R>(props: RegisterProps<R>) {
  const { rows, columns, getRowId, onOpen, selectable = true, serverSort, more } = props;
  const url = useRegisterUrlState();
  const defaultHidden = useMemo(() => columns.filter((c) => c.hiddenByDefault).map((c) => c.id), [columns]);
  const hidden = (url.hidden ?? defaultHidden).filter((id) => !columns.find((c) => c.id === id)?.alwaysVisible);
  const sort = serverSort ? serverSort.sort : url.sort;
  const onSort = serverSort ? serverSort.onSort : url.toggleSort;
  const clientSortable = (c: RegisterColumn<R>) => !serverSort && Boolean(c.sortValue);
  const sortable = (c: RegisterColumn<R>) => (serverSort ? Boolean(c.sortable) : Boolean(c.sortValue));
  const [selection, setSelection] = useState<RowSelectionState>({});

  const defs = useMemo<ColumnDef<R>[]>(
    () =>
      columns.map((c) => ({
        id: c.id,
        // Null and undefined sort last in both directions.
        accessorFn: (r: R) => c.sortValue?.(r) ?? undefined,
        sortUndefined: 'last',
        sortingFn: 'basic',
        enableSorting: clientSortable(c),
      })),
    [columns, serverSort === undefined], // only whether the server sorts matters, not its callbacks
  );
  const sortedBy = sort && !serverSort && columns.some((c) => c.id === sort.id && c.sortValue) ? sort : null;
  // Stable state objects: a new sorting array each render would make the sorted model recompute and
  // ask the table to reset its (unused) page, which re-renders, forever.
  const sortId = sortedBy?.id;
  const sortDesc = sortedBy?.order === 'desc';
  const sorting = useMemo(() => (sortId ? [{ id: sortId, desc: sortDesc }] : []), [sortId, sortDesc]);
  const hiddenKey = hidden.join(',');
  const columnVisibility = useMemo(
    () =>
      Object.fromEntries(
        hiddenKey
          .split(',')
          .filter(Boolean)
          .map((id) => [id, false]),
      ),
    [hiddenKey],
  );
  const table = useReactTable({
    autoResetAll: false,
    data: rows,
    columns: defs,
    getRowId: (r) => getRowId(r),
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    manualSorting: Boolean(serverSort),
    enableRowSelection: selectable,
    onRowSelectionChange: setSelection,
    state: {
      sorting,
      columnVisibility,
      rowSelection: selection,
    },
  });
  const sortedRows = table.getRowModel().rows;
  // Grouped, the rows read group by group: the keyboard follows that order too.
  const modelRows = props.groups
    ? props.groups.order.flatMap((g) => sortedRows.filter((r) => props.groups!.of(r.original) === g))
    : sortedRows;
  const shown = columns.filter((c) => !hidden.includes(c.id));
  // Selected rows that are still listed (a filter may have removed some since).
  const selectedRows = modelRows.filter((r) => r.getIsSelected()).map((r) => r.original);

  const scroller = useRef<HTMLDivElement>(null);
  const virtual = modelRows.length > VIRTUALIZE_AFTER && !props.groups;
  const virtualizer = useVirtualizer({
    count: modelRows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    enabled: virtual,
  });
  const keys = useRowKeys({
    count: modelRows.length,
    onOpen: (i) => onOpen && modelRows[i] && onOpen(modelRows[i].original),
    onToggle: (i) => selectable && modelRows[i]?.toggleSelected(),
    reveal: virtual ? (i) => virtualizer.scrollToIndex(i) : undefined,
  });

  const rowName = (r: R) => {
    if (props.rowName) return props.rowName(r);
    const first = columns[0];
    const v = first ? (first.text ?? first.sortValue)?.(r) : undefined;
    return v === undefined || v === null || v === '' ? getRowId(r) : String(v);
  };
  const filtering = props.filtering ?? url.filtering;
  const clearFilters = props.onClearFilters ?? url.clearFilters;
  const colSpan = shown.length + (selectable ? 1 : 0);
  const items = virtual ? virtualizer.getVirtualItems() : null;
  const visible = items
    ? items.map((v) => ({ row: modelRows[v.index]!, index: v.index }))
    : modelRows.map((row, index) => ({ row, index }));
  const padTop = items?.[0]?.start ?? 0;
  const padBottom = items?.length ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;

  const open = (e: MouseEvent<HTMLTableRowElement>, r: R) => {
    // A click in a portal (a select's options) bubbles here through React, not through the row.
    const target = e.target as HTMLElement;
    if (!onOpen || !e.currentTarget.contains(target) || target.closest(INTERACTIVE)) return;
    onOpen(r);
  };
  const allSelected = table.getIsAllRowsSelected();
  const renderRow = ({ row, index }: (typeof visible)[number]) => (
    <Table.Tr
      key={row.id}
      {...keys.rowProps(index)}
      {...props.rowAttributes?.(row.original)}
      aria-rowindex={virtual ? index + 2 : undefined}
      onClick={(e) => open(e, row.original)}
      style={onOpen ? { cursor: 'pointer' } : undefined}
    >
      {selectable && (
        <Table.Td>
          <Checkbox
            aria-label={T.selectRow(rowName(row.original))}
            checked={row.getIsSelected()}
            onChange={row.getToggleSelectedHandler()}
          />
        </Table.Td>
      )}
      {shown.map((c) => (
        <Table.Td key={c.id} miw={c.minWidth} maw={c.maxWidth} fz="sm" data-column={c.id}>
          {c.cell(row.original)}
        </Table.Td>
      ))}
    </Table.Tr>
  );

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end" gap="sm" wrap="wrap">
        <Group gap="sm" align="flex-end" wrap="wrap">
          {props.filters}
          {filtering && (
            <Button variant="subtle" onClick={clearFilters} mb={2}>
              {T.clearFilters}
            </Button>
          )}
        </Group>
        <Group gap="xs" wrap="nowrap">
          <ViewsMenu
            orgId={props.orgId}
            register={props.register}
            current={url.current(defaultHidden)}
            onApply={url.apply}
          />
          <ColumnChooser
            columns={columns}
            hidden={hidden}
            onChange={url.setHidden}
            onReset={() => url.setHidden(null)}
          />
          {props.exportSlot}
        </Group>
      </Group>
      <Group justify="space-between" gap="sm">
        <Text fz="sm" c="dimmed" aria-live="polite">
          {props.countText ?? T.count(modelRows.length)}
        </Text>
        {onOpen && modelRows.length > 0 && (
          <Text fz="xs" c="dimmed">
            {T.keyboardHint}
          </Text>
        )}
      </Group>
      {selectedRows.length > 0 && (
        <BulkBar
          rows={selectedRows}
          actions={props.bulkActions ?? []}
          onExport={() => downloadSelectedCsv(props.exportName ?? props.register, shown, selectedRows)}
          onClear={() => setSelection({})}
        />
      )}
      {modelRows.length === 0 ? (
        <Paper withBorder radius="md">
          <Center py={40} data-testid="register-empty">
            {filtering ? (
              <Stack align="center" gap={4}>
                <Text fw={600}>{props.noMatch?.title ?? T.noMatchTitle}</Text>
                <Text c="dimmed" fz="sm">
                  {props.noMatch?.body ?? T.noMatch}
                </Text>
                <Button variant="subtle" onClick={clearFilters} mt="xs">
                  {T.clearFilters}
                </Button>
              </Stack>
            ) : (
              <Text c="dimmed">{props.emptyText ?? T.empty}</Text>
            )}
          </Center>
        </Paper>
      ) : (
        <Scroll virtual={virtual} scroller={scroller} minWidth={props.minWidth ?? 720}>
          <Table
            stickyHeader={virtual}
            verticalSpacing="xs"
            horizontalSpacing={6}
            ref={keys.body}
            data-testid={props.testId}
            aria-label={props.label}
            aria-rowcount={virtual ? modelRows.length + 1 : undefined}
          >
            <Table.Thead>
              <Table.Tr>
                {selectable && (
                  <Table.Th w={36}>
                    <Checkbox
                      aria-label={T.selectAll}
                      checked={allSelected}
                      indeterminate={!allSelected && table.getIsSomeRowsSelected()}
                      onChange={table.getToggleAllRowsSelectedHandler()}
                    />
                  </Table.Th>
                )}
                {shown.map((c) => (
                  <SortHeader
                    key={c.id}
                    id={c.id}
                    label={c.header}
                    sortable={sortable(c)}
                    sort={sort}
                    onSort={onSort}
                    width={c.width}
                    hidden={c.headerHidden}
                  />
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody onKeyDown={keys.onKeyDown}>
              {padTop > 0 && (
                <tr aria-hidden>
                  <td colSpan={colSpan} style={{ height: padTop, padding: 0 }} />
                </tr>
              )}
              {props.groups ? null : visible.map(renderRow)}
              {padBottom > 0 && (
                <tr aria-hidden>
                  <td colSpan={colSpan} style={{ height: padBottom, padding: 0 }} />
                </tr>
              )}
            </Table.Tbody>
            {props.groups &&
              props.groups.order.map((g) => {
                const inGroup = visible.filter(({ row }) => props.groups!.of(row.original) === g);
                if (!inGroup.length) return null;
                return (
                  <Table.Tbody key={g} onKeyDown={keys.onKeyDown}>
                    <Table.Tr data-group={g}>
                      <Table.Th colSpan={colSpan} scope="colgroup" bg="var(--mantine-color-default-hover)">
                        {props.groups!.heading(
                          g,
                          inGroup.map(({ row }) => row.original),
                        )}
                      </Table.Th>
                    </Table.Tr>
                    {inGroup.map(renderRow)}
                  </Table.Tbody>
                );
              })}
          </Table>
        </Scroll>
      )}
      {more?.hasMore && (
        <Group justify="center">
          <Button variant="default" onClick={more.onLoadMore} loading={more.loading}>
            {more.label ?? T.loadMore}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
