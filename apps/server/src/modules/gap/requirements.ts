import type { CatalogItem } from '@fortytwo/catalog';
import { builtinCatalog } from '../catalog/builtin';

/** One assessable requirement of ISO/IEC 42001, as the gap analysis uses it. */
export type Requirement = {
  ref: string;
  position: number;
  title: string;
  kind: string;
  section: string;
  documentation: boolean;
  item: CatalogItem;
};

let cached: Requirement[] | undefined;

/** The 70 assessable items (32 subclauses, then 38 Annex A controls) in catalogue order. */
export function requirements(): Requirement[] {
  if (!cached) {
    cached = builtinCatalog()
      .framework('iso42001')!
      .items.filter((i) => i.assessable)
      .map((item, position) => ({
        ref: item.ref,
        position,
        title: item.title,
        kind: item.kind,
        section: item.ref.startsWith('A.') ? item.ref.split('.').slice(0, 2).join('.') : item.ref.split('.')[0]!,
        documentation: item.documentation !== 'none',
        item,
      }));
  }
  return cached;
}

export const requirementByRef = (ref: string) => requirements().find((r) => r.ref === ref);
