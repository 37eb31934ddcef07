import { Catalog, loadBuiltinCatalog } from '@fortytwo/catalog';

/** When the shipped catalogue content last changed; the OSCAL export's last-modified. */
export const BUILTIN_CATALOG_DATE = '2026-11-28T00:00:00Z';

let cached: Catalog | undefined;

/** The shipped catalogue, read and checked once; a broken data file fails the first request loudly. */
export function builtinCatalog(): Catalog {
  if (!cached) {
    const { frameworks, crosswalks } = loadBuiltinCatalog();
    cached = new Catalog(frameworks, crosswalks);
  }
  return cached;
}
