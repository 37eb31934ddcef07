import { toCsv } from '@fortytwo/domain';
import type { RegisterColumn } from './types';

/** The selected rows as a CSV file of the columns shown, saved by the browser ("export selected"). */
export function downloadSelectedCsv<T>(name: string, columns: RegisterColumn<T>[], rows: T[]) {
  const value = (c: RegisterColumn<T>, r: T) => {
    const v = (c.text ?? c.sortValue)?.(r);
    return v === undefined ? null : v;
  };
  const csv = toCsv(
    columns.map((c) => c.header),
    rows.map((r) => columns.map((c) => value(c, r))),
  );
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `${name}-selected.csv`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
