import { useSearchParams } from 'react-router';
import type { SavedViewState } from '@fortytwo/domain';
import type { SortState } from './types';

// A register keeps its whole view in the address, so a link reproduces it: the page's filters
// under their own names, `sort` and `order` for the sort, `hide` for the columns hidden. A saved
// view is that state under a name; applying one rewrites the address.

const RESERVED = ['sort', 'order', 'hide'];

export function useRegisterUrlState() {
  const [params, setParams] = useSearchParams();
  const sortId = params.get('sort');
  const sort: SortState = sortId ? { id: sortId, order: params.get('order') === 'desc' ? 'desc' : 'asc' } : null;
  const hideParam = params.get('hide');
  const hidden = hideParam === null ? null : hideParam.split(',').filter(Boolean);
  const filters = Object.fromEntries([...params].filter(([k]) => !RESERVED.includes(k)));

  const change = (mutate: (p: URLSearchParams) => void) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        mutate(next);
        return next;
      },
      { replace: true },
    );

  /** Ascending first, then descending, then ascending again. */
  const toggleSort = (id: string) =>
    change((p) => {
      p.set('sort', id);
      p.set('order', sort?.id === id && sort.order === 'asc' ? 'desc' : 'asc');
    });
  /** `null` goes back to the register's default columns. */
  const setHidden = (ids: string[] | null) =>
    change((p) => {
      if (ids === null) p.delete('hide');
      else p.set('hide', ids.join(','));
    });
  const clearFilters = () =>
    change((p) => {
      for (const k of [...p.keys()]) if (!RESERVED.includes(k)) p.delete(k);
    });

  const current = (defaultHidden: string[]): SavedViewState => ({
    filters,
    sort: sort?.id ?? null,
    order: sort?.order ?? 'asc',
    hidden: hidden ?? defaultHidden,
  });
  const apply = (view: SavedViewState) => {
    const next = new URLSearchParams(view.filters);
    if (view.sort) {
      next.set('sort', view.sort);
      next.set('order', view.order);
    }
    next.set('hide', view.hidden.join(','));
    setParams(next, { replace: true });
  };
  const filtering = Object.keys(filters).length > 0;
  return { sort, hidden, filters, filtering, toggleSort, setHidden, clearFilters, current, apply };
}
export type RegisterUrlState = ReturnType<typeof useRegisterUrlState>;

/** Whether the address shows exactly this view (filters, sort and columns). */
export function sameView(a: SavedViewState, b: SavedViewState): boolean {
  const keys = (f: Record<string, string>) => JSON.stringify(Object.entries(f).sort());
  return (
    keys(a.filters) === keys(b.filters) &&
    a.sort === b.sort &&
    (a.sort === null || a.order === b.order) &&
    [...a.hidden].sort().join() === [...b.hidden].sort().join()
  );
}
