/** The fields of `fields` whose values differ, compared as JSON (lists and nulls included). */
export function differingOf<V, F extends keyof V & string>(fields: readonly F[]) {
  return (a: V, b: V): F[] => fields.filter((f) => JSON.stringify(a[f]) !== JSON.stringify(b[f]));
}
