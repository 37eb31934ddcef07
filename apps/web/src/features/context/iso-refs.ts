import { useMemo } from 'react';
import { DEFAULT_FRAMEWORK, useFramework } from '../catalog/api';

/**
 * The ISO/IEC 42001 clauses and controls a requirement can be addressed through: the assessable
 * items ("6.1.3 AI risk treatment"), and their titles for the chips that show them.
 */
export function useIsoRefs(orgId: string) {
  const iso = useFramework(orgId, DEFAULT_FRAMEWORK);
  return useMemo(() => {
    const items = (iso.data?.items ?? []).filter((i) => i.assessable);
    const titles = new Map(items.map((i) => [i.ref, i.title]));
    return {
      loading: iso.isPending,
      options: items.map((i) => ({ value: i.ref, label: `${i.ref} ${i.title}` })),
      titleOf: (ref: string) => titles.get(ref),
    };
  }, [iso.data, iso.isPending]);
}

/** The options, plus refs a record already holds that the catalogue no longer lists. */
export function refOptions(options: { value: string; label: string }[], current: string[]) {
  const missing = current.filter((r) => !options.some((o) => o.value === r));
  return missing.length ? [...options, ...missing.map((r) => ({ value: r, label: r }))] : options;
}
