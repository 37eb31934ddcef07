// Drafts live in this browser only (localStorage), per signed-in user, and go at sign-out, so a
// shared computer does not hand one person's unsaved words to the next.
export const PREFIX = 'fortytwo.draft.';

/** An unsaved edit kept while typing: the values it started from, and the values typed. */
export type Draft<V> = { at: string; startedFrom: V; values: V };

export function read<V>(key: string): Draft<V> | null {
  try {
    const v = JSON.parse(localStorage.getItem(key) ?? 'null') as Draft<V> | null;
    return v && typeof v === 'object' && 'values' in v && 'startedFrom' in v ? v : null;
  } catch {
    return null;
  }
}
export function remove(key: string | null) {
  if (!key) return;
  try {
    localStorage.removeItem(key);
  } catch {
    // Storage unavailable (private mode): there is nothing to remove.
  }
}

/** Removes every draft kept in this browser (at sign-out). */
export function clearAllDrafts() {
  try {
    for (const k of Object.keys(localStorage)) if (k.startsWith(PREFIX)) localStorage.removeItem(k);
  } catch {
    // Storage unavailable: nothing was kept.
  }
}
