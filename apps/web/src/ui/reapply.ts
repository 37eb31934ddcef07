/**
 * Someone's edit, made from `startedFrom`, put onto a newer version `onto`: the fields the edit
 * changed take its values, every other field keeps the newer version's. Used when a save was
 * stale (their save came first) and when a kept draft comes back after the record moved on.
 */
export function reapply<V, F extends keyof V & string>(
  onto: V,
  startedFrom: V,
  edited: V,
  differing: (a: V, b: V) => readonly F[],
): V {
  const next = { ...onto };
  for (const f of differing(startedFrom, edited)) next[f] = edited[f];
  return next;
}
