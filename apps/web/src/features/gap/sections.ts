import { useMemo } from 'react';
import { ANNEX_A_GROUPS, CLAUSE_NUMBERS, isAnnexA, sectionOf } from '@fortytwo/domain';
import type { CatalogItem } from '../../api/types';
import { DEFAULT_FRAMEWORK, useFramework } from '../catalog/api';
import type { GapItem } from './api';
import { GAP_TEXT as T } from './text';

// The questionnaire walks clause by clause (4–10), then Annex A group by group (A.2–A.10).

export const SECTIONS: readonly string[] = [...CLAUSE_NUMBERS, ...ANNEX_A_GROUPS];

/** "Clause 6" or "Annex A.6". */
export const sectionName = (section: string) => (isAnnexA(section) ? T.annexGroup(section) : T.clause(section));

export type SectionInfo = { section: string; title: string; items: GapItem[]; answered: number };

/** The items of an assessment grouped by section, in walking order, with how many are answered. */
export function groupBySection(items: GapItem[], titles: Record<string, string>): SectionInfo[] {
  return SECTIONS.map((section) => {
    const inSection = items.filter((i) => i.section === section);
    return {
      section,
      title: titles[section] ?? '',
      items: inSection,
      answered: inSection.filter((i) => i.result !== null).length,
    };
  }).filter((s) => s.items.length > 0);
}

/**
 * The catalogue behind the questionnaire: section titles, each section's first requirement and
 * each requirement's guidance. The shipped catalogue is read once per visit (cached with the
 * catalogue pages).
 */
export function useGapCatalogue(orgId: string) {
  const framework = useFramework(orgId, DEFAULT_FRAMEWORK);
  const data = useMemo(() => {
    const byRef = new Map<string, CatalogItem>();
    const titles: Record<string, string> = {};
    const firstRef: Record<string, string> = {};
    for (const item of framework.data?.items ?? []) {
      byRef.set(item.ref, item);
      if (SECTIONS.includes(item.ref)) titles[item.ref] = item.title;
      const section = sectionOf(item.ref);
      if (item.assessable && !(section in firstRef)) firstRef[section] = item.ref;
    }
    return { byRef, titles, firstRef };
  }, [framework.data]);
  return { ...data, isPending: framework.isPending, error: framework.error };
}
