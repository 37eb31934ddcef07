import { useCallback, useRef, useState, type KeyboardEvent } from 'react';

/**
 * Keyboard navigation of a register's rows (a roving tab stop): one row is in the tab order;
 * arrow keys, Home and End move it; Enter opens the row; Space toggles its selection.
 * `reveal` scrolls a row into the rendered window first when the list is virtualized.
 */
export function useRowKeys({
  count,
  onOpen,
  onToggle,
  reveal,
}: {
  count: number;
  onOpen: (index: number) => void;
  onToggle: (index: number) => void;
  reveal?: (index: number) => void;
}) {
  const [active, setActive] = useState(0);
  const body = useRef<HTMLTableElement>(null);
  const current = Math.min(active, Math.max(0, count - 1));

  const focusRow = useCallback(
    (index: number) => {
      setActive(index);
      reveal?.(index);
      // The row may render only after the virtualizer scrolled: focus on the next frame.
      requestAnimationFrame(() =>
        body.current?.querySelector<HTMLElement>(`tr[data-row-index="${index}"]`)?.focus({ preventScroll: !reveal }),
      );
    },
    [reveal],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const row = (e.target as HTMLElement).closest<HTMLElement>('tr[data-row-index]');
    // Keys typed into a control inside a row belong to that control.
    if (!row || row !== e.target) return;
    const index = Number(row.dataset.rowIndex);
    const go = (i: number) => {
      e.preventDefault();
      focusRow(Math.max(0, Math.min(count - 1, i)));
    };
    switch (e.key) {
      case 'ArrowDown':
        return go(index + 1);
      case 'ArrowUp':
        return go(index - 1);
      case 'Home':
        return go(0);
      case 'End':
        return go(count - 1);
      case 'Enter':
        e.preventDefault();
        return onOpen(index);
      case ' ':
        e.preventDefault();
        return onToggle(index);
      default:
    }
  };

  const rowProps = (index: number) => ({
    'data-row-index': index,
    tabIndex: index === current ? 0 : -1,
    onFocus: () => setActive(index),
  });
  return { body, onKeyDown, rowProps };
}
