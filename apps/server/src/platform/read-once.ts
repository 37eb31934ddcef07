import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Reads shared within one read-only answer. The overview asks the treatment plan, the SoA and the
 * stage-1 readiness check for what they know, and each of those read the whole risk register again:
 * seven times per overview, ~400 of its ~560 ms at 2,000 risks (bench/README.md, "... reads shared"). A
 * route that only reads runs its work in `sharingReads`, and the loaders it reaches (`readOnce`) then read
 * each thing once for the whole answer. Outside it (every write route) every call reads afresh.
 *
 * What is shared is handed to every caller as is: the loaders that take part return values nobody
 * changes in place (they build new arrays and objects from them).
 */
const scope = new AsyncLocalStorage<WeakMap<object, Map<string, Promise<unknown>>>>();

export function sharingReads<T>(work: () => Promise<T>): Promise<T> {
  // Nested (the readiness check within the overview): one scope for the whole answer.
  return scope.getStore() ? work() : scope.run(new WeakMap(), work);
}

/** Whether the caller runs within `sharingReads` (a loader may then read more broadly, once). */
export const sharingReadsNow = (): boolean => scope.getStore() !== undefined;

/** `read()` once per handle and key within `sharingReads`; a plain call anywhere else. */
export function readOnce<T>(db: object, key: string, read: () => Promise<T>): Promise<T> {
  const shared = scope.getStore();
  if (!shared) return read();
  let byKey = shared.get(db);
  if (!byKey) shared.set(db, (byKey = new Map<string, Promise<unknown>>()));
  let kept = byKey.get(key) as Promise<T> | undefined;
  if (!kept) byKey.set(key, (kept = read()));
  return kept;
}
