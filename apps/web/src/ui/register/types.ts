import type { ReactNode } from 'react';
import type { RegisterKey } from '@fortytwo/domain';

/** One column of a register. Cells render anything; sorting and export read plain values. */
export type RegisterColumn<T> = {
  id: string;
  header: string;
  cell: (row: T) => ReactNode;
  /**
   * What the column sorts by on the page (client-side lists); null sorts last either way. Without it
   * the column sorts only when `sortable` says the server sorts by it.
   */
  sortValue?: (row: T) => string | number | null | undefined;
  /** The server sorts by this column (server-driven lists): the header only writes the address. */
  sortable?: boolean;
  /** The text of "export selected"; defaults to the sort value. */
  text?: (row: T) => string | number | null | undefined;
  /** The header is read by assistive technology only (an actions column). */
  headerHidden?: boolean;
  /** Always shown (the column that names the row). */
  alwaysVisible?: boolean;
  /** Hidden until chosen. */
  hiddenByDefault?: boolean;
  width?: number | string;
  minWidth?: number;
  maxWidth?: number;
};

/** An action on the selected rows, supplied by the page (it knows its endpoints). */
export type BulkAction<T> = {
  label: string;
  icon?: ReactNode;
  color?: string;
  /** Runs on the selected rows; the selection clears when it resolves. */
  run: (rows: T[]) => unknown;
  /** Hides the action when false (the member's role does not allow it). */
  allowed?: boolean;
};

export type SortState = { id: string; order: 'asc' | 'desc' } | null;

export type RegisterProps<T> = {
  /** The organization and the key of the register, for saved views. */
  orgId: string;
  register: RegisterKey;
  rows: T[];
  columns: RegisterColumn<T>[];
  getRowId: (row: T) => string;
  /** The table's accessible name. */
  label: string;
  testId?: string;
  /** How a row is named (its checkbox label); defaults to the first column's value. */
  rowName?: (row: T) => string;
  /** Opens a row (click, Enter). */
  onOpen?: (row: T) => void;
  /** Extra attributes per row (data-ref, a test id). */
  rowAttributes?: (row: T) => Record<string, string | undefined>;
  /** The page's own filter controls (they keep their values in the address too). */
  filters?: ReactNode;
  /** Whether any filter of the page is set (for the "no rows match" state). */
  filtering?: boolean;
  onClearFilters?: () => void;
  /** Export links of the page (its CSV/XLSX download menu). */
  exportSlot?: ReactNode;
  bulkActions?: BulkAction<T>[];
  /** Row selection (and "export selected") on or off; on by default. */
  selectable?: boolean;
  /** A server-sorted list: the sort in the address and what a header click does come from the page. */
  serverSort?: { sort: SortState; onSort: (id: string) => void };
  /**
   * Rows shown under group headings (the SoA by Annex A group), in `order`; sorting works within
   * each group. A grouped register is not virtualized.
   */
  groups?: { of: (row: T) => string; order: readonly string[]; heading: (group: string, rows: T[]) => ReactNode };
  /** Server pages: a "load more" button under the table. */
  more?: { hasMore: boolean; loading: boolean; onLoadMore: () => void; label?: string };
  /** A line above the table ("12 risks"); defaults to a count of the rows shown. */
  countText?: ReactNode;
  /** The "no rows match" words, naming what the register holds. */
  noMatch?: { title: string; body: string };
  /** What to say when there are no rows and no filter is set. */
  emptyText?: ReactNode;
  /** The name of one row for "export selected" file names. */
  exportName?: string;
  minWidth?: number;
};
