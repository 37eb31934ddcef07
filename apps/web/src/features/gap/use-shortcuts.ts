import { useEffect, useRef } from 'react';

export type Shortcuts = Record<string, () => void>;

/** Where typing means text: shortcuts stay out of the way there. */
const TYPING =
  'input:not([type="radio"]):not([type="checkbox"]), textarea, select, [contenteditable="true"], [role="combobox"], [role="listbox"], [role="dialog"], [role="menu"]';

/**
 * Single-key shortcuts for the page (keys compared in lower case), ignored while the user types in
 * a field, holds a modifier, or has a dialog or menu open.
 */
export function useShortcuts(shortcuts: Shortcuts, enabled = true) {
  // The latest handlers, without re-subscribing on every render.
  const latest = useRef(shortcuts);
  useEffect(() => {
    latest.current = shortcuts;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.repeat) return;
      const target = e.target instanceof Element ? e.target : null;
      if (target?.closest(TYPING)) return;
      if (document.querySelector('[role="dialog"], [role="menu"]')) return;
      const run = latest.current[e.key.toLowerCase()];
      if (!run) return;
      e.preventDefault();
      run();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [enabled]);
}
