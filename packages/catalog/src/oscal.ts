import { createHash } from 'node:crypto';
import type { CatalogItem, Framework } from './format';
import { PILLAR_LABELS } from './format';

// An OSCAL 1.0.6 catalog of a framework, so GRC tools that speak OSCAL can import our catalogue.
// Assessable items become controls; every other item (clause, container, Annex A group, objective)
// becomes a group. Parts carry our own-words guidance; Fortytwo-specific facts are props in our
// namespace. Output is deterministic: the same framework gives the same document, UUIDs included.

export const OSCAL_VERSION = '1.0.6';
export const FORTYTWO_NS = 'https://fortytwo.dev/ns/oscal';

type Prop = { name: string; value: string; ns?: string };
type Part = { id?: string; name: string; ns?: string; title?: string; prose?: string; props?: Prop[]; parts?: Part[] };
type Link = { href: string; rel?: string; text?: string };
export type OscalControl = {
  id: string;
  class?: string;
  title: string;
  props?: Prop[];
  links?: Link[];
  parts?: Part[];
  controls?: OscalControl[];
};
export type OscalGroup = {
  id?: string;
  class?: string;
  title: string;
  props?: Prop[];
  parts?: Part[];
  groups?: OscalGroup[];
  controls?: OscalControl[];
};
export type OscalCatalog = {
  catalog: {
    uuid: string;
    metadata: {
      title: string;
      'last-modified': string;
      version: string;
      'oscal-version': string;
      props?: Prop[];
      links?: Link[];
      remarks?: string;
    };
    groups?: OscalGroup[];
    controls?: OscalControl[];
  };
};

/** A name-based (version 5) UUID: stable across exports of the same content. */
export function uuidV5(name: string): string {
  const h = createHash('sha1').update(`fortytwo:${name}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** OSCAL ids are XML NCNames: they start with a letter. "6.1.2" → "clause-6.1.2", "A.6.2.4" → "a.6.2.4", "GOVERN 1.1" → "govern-1.1". */
export function oscalId(ref: string): string {
  const slug = ref
    .toLowerCase()
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return /^\p{L}/u.test(slug) ? slug : `clause-${slug}`;
}

function itemParts(item: CatalogItem): Part[] {
  const id = oscalId(item.ref);
  const parts: Part[] = [];
  if (item.summary) parts.push({ id: `${id}_smt`, name: 'statement', prose: item.summary });
  if (item.guidance) {
    parts.push({ id: `${id}_gdn`, name: 'guidance', prose: item.guidance.asks });
    parts.push({ id: `${id}_obj`, name: 'assessment-objective', prose: item.guidance.auditorLooksFor });
    parts.push({
      id: `${id}_evd`,
      name: 'evidence',
      ns: FORTYTWO_NS,
      title: 'Typical evidence',
      parts: item.guidance.evidence.map((e, i) => ({ id: `${id}_evd.${i + 1}`, name: 'item', prose: e })),
    });
  }
  if (item.documentation !== 'none') {
    parts.push({
      id: `${id}_doc`,
      name: 'documented-information',
      ns: FORTYTWO_NS,
      prose: item.documentationNote ?? `Documented information: ${item.documentation}.`,
      props: [{ name: 'wording', ns: FORTYTWO_NS, value: item.documentation }],
    });
  }
  return parts;
}

function itemProps(item: CatalogItem): Prop[] {
  const props: Prop[] = [
    { name: 'label', value: item.ref },
    { name: 'kind', ns: FORTYTWO_NS, value: item.kind },
  ];
  if (item.pdca) props.push({ name: 'pdca-phase', ns: FORTYTWO_NS, value: item.pdca });
  for (const p of item.pillars) props.push({ name: 'pillar', ns: FORTYTWO_NS, value: PILLAR_LABELS[p] });
  return props;
}

const nonEmpty = <T>(xs: T[]) => (xs.length ? xs : undefined);

export function toOscalCatalog(fw: Framework, opts: { lastModified: string }): OscalCatalog {
  const children = new Map<string | undefined, CatalogItem[]>();
  for (const item of fw.items) {
    const list = children.get(item.parent) ?? [];
    list.push(item);
    children.set(item.parent, list);
  }
  const control = (item: CatalogItem): OscalControl => ({
    id: oscalId(item.ref),
    class: item.kind,
    title: item.title,
    props: itemProps(item),
    links: nonEmpty(item.relatedControls.map((r) => ({ href: `#${oscalId(r)}`, rel: 'related' }))),
    parts: nonEmpty(itemParts(item)),
    controls: nonEmpty((children.get(item.ref) ?? []).map(control)),
  });
  const group = (item: CatalogItem): OscalGroup => {
    const kids = children.get(item.ref) ?? [];
    return {
      id: oscalId(item.ref),
      class: item.kind,
      title: item.title,
      props: itemProps(item),
      parts: nonEmpty(itemParts(item)),
      groups: nonEmpty(kids.filter((k) => !k.assessable).map(group)),
      controls: nonEmpty(kids.filter((k) => k.assessable).map(control)),
    };
  };
  const roots = children.get(undefined) ?? [];
  return {
    catalog: {
      uuid: uuidV5(`${fw.id}@${fw.version}`),
      metadata: {
        title: fw.name,
        'last-modified': opts.lastModified,
        version: fw.version,
        'oscal-version': OSCAL_VERSION,
        props: [{ name: 'framework-id', ns: FORTYTWO_NS, value: fw.id }],
        links: fw.url ? [{ href: fw.url, rel: 'reference' }] : undefined,
        remarks: `Exported by Fortytwo. ${fw.publisher ? `Structure (references, and the short titles of clauses and controls) of ${fw.name} by ${fw.publisher}; the titles of Annex A objectives (A.2.1 to A.10.1), ` : ''}statements and guidance are Fortytwo's own words, not the text of the framework.`,
      },
      groups: nonEmpty(roots.filter((r) => !r.assessable).map(group)),
      controls: nonEmpty(roots.filter((r) => r.assessable).map(control)),
    },
  };
}
