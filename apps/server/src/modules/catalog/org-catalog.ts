import {
  Catalog,
  CROSSWALK_FORMAT,
  CUSTOM_FRAMEWORK_ID,
  FRAMEWORK_FORMAT,
  type Crosswalk,
  type Framework,
} from '@fortytwo/catalog';
import type { Db } from '../../platform/db/connect';
import { builtinCatalog } from './builtin';
import { listCustomControls, type CustomControl } from './custom-controls';

export type Origin = 'builtin' | 'imported' | 'custom';

/** The catalogue as one organization sees it: the shipped one, its imports and its own controls. */
export type CatalogView = {
  catalog: Catalog;
  frameworkOrigin: (id: string) => Origin;
  crosswalkOrigin: (id: string) => 'builtin' | 'imported';
  importedAt: (frameworkId: string) => string | undefined;
};

export const BUILTIN_VIEW: () => CatalogView = () => ({
  catalog: builtinCatalog(),
  frameworkOrigin: () => 'builtin',
  crosswalkOrigin: () => 'builtin',
  importedAt: () => undefined,
});

/** Custom controls read as a framework of their own, linked to ISO 42001 through their related refs. */
function customFramework(controls: CustomControl[]): { framework: Framework; crosswalk: Crosswalk } | undefined {
  if (controls.length === 0) return undefined;
  const framework: Framework = {
    format: FRAMEWORK_FORMAT,
    id: CUSTOM_FRAMEWORK_ID,
    name: 'Custom controls',
    version: 'current',
    description: "This organization's own controls, beyond Annex A (clause 6.1.3 allows them).",
    items: controls.map((c) => ({
      ref: c.ref,
      kind: 'control',
      title: c.title,
      assessable: true,
      summary: c.description,
      ...(c.guidance ? { guidance: c.guidance } : {}),
      documentation: 'none',
      relatedControls: [],
      pillars: c.pillars,
    })),
    documents: [],
    referenceLists: [],
  };
  const links = controls.flatMap((c) =>
    c.relatedRefs.map((r) => ({
      source: c.ref,
      target: r,
      relationship: 'intersect' as const,
      rationale: 'Related by the organization when it defined this control.',
    })),
  );
  const crosswalk: Crosswalk = {
    format: CROSSWALK_FORMAT,
    id: 'custom--iso42001',
    name: 'Custom controls → ISO/IEC 42001:2023',
    source: CUSTOM_FRAMEWORK_ID,
    target: 'iso42001',
    provenance: 'The related references the organization gave each custom control.',
    links,
  };
  return { framework, crosswalk };
}

export async function catalogViewFor(db: Db, orgId: string): Promise<CatalogView> {
  const builtin = builtinCatalog();
  const imports = await db
    .selectFrom('catalogImports')
    .select(['kind', 'key', 'content', 'createdAt'])
    .where('orgId', '=', orgId)
    .orderBy('key')
    .execute();
  // Stored content passed the file checks when it was imported; it is trusted here.
  const frameworks = imports.filter((i) => i.kind === 'framework').map((i) => JSON.parse(i.content) as Framework);
  const crosswalks = imports.filter((i) => i.kind === 'crosswalk').map((i) => JSON.parse(i.content) as Crosswalk);
  const custom = customFramework(await listCustomControls(db, orgId));
  const importedIds = new Set(frameworks.map((f) => f.id));
  const importedCrosswalks = new Set(crosswalks.map((c) => c.id));
  const importedAt = new Map(imports.filter((i) => i.kind === 'framework').map((i) => [i.key, i.createdAt]));
  return {
    catalog: new Catalog(
      [...builtin.frameworks, ...frameworks, ...(custom ? [custom.framework] : [])],
      [...builtin.crosswalks, ...crosswalks, ...(custom ? [custom.crosswalk] : [])],
    ),
    frameworkOrigin: (id) => (id === CUSTOM_FRAMEWORK_ID ? 'custom' : importedIds.has(id) ? 'imported' : 'builtin'),
    crosswalkOrigin: (id) => (importedCrosswalks.has(id) ? 'imported' : 'builtin'),
    importedAt: (id) => importedAt.get(id),
  };
}
