import type { CatalogItem, Crosswalk, Framework, Relationship, RequiredDocument } from './format';

/** A crosswalk link seen from one item: which item of which framework, and how they relate. */
export type ItemLink = {
  crosswalkId: string;
  direction: 'outgoing' | 'incoming';
  frameworkId: string;
  ref: string;
  title: string;
  /** Read from the viewed item: "this item is a <relationship> of the other one". */
  relationship: Relationship;
  rationale: string;
};

export type ItemDetail = CatalogItem & {
  frameworkId: string;
  ancestors: { ref: string; title: string; kind: string }[];
  children: { ref: string; title: string; kind: string; assessable: boolean }[];
  related: { ref: string; title: string }[];
  documents: RequiredDocument[];
  links: ItemLink[];
};

export type SearchHit = {
  frameworkId: string;
  ref: string;
  title: string;
  kind: string;
  assessable: boolean;
  snippet: string;
  score: number;
};

const INVERSE: Record<Relationship, Relationship> = {
  equal: 'equal',
  subset: 'superset',
  superset: 'subset',
  intersect: 'intersect',
};

/**
 * Read-only lookups over a set of frameworks and crosswalks. Built once per set (the shipped
 * catalogue at start; an organization's view with its imports on demand), then shared.
 */
export class Catalog {
  private readonly byId = new Map<string, Framework>();
  private readonly itemIndex = new Map<string, Map<string, CatalogItem>>();
  private readonly childIndex = new Map<string, Map<string, CatalogItem[]>>();
  private readonly linkIndex = new Map<string, ItemLink[]>();

  constructor(
    readonly frameworks: readonly Framework[],
    readonly crosswalks: readonly Crosswalk[],
  ) {
    for (const fw of frameworks) {
      this.byId.set(fw.id, fw);
      this.itemIndex.set(fw.id, new Map(fw.items.map((i) => [i.ref, i])));
      const children = new Map<string, CatalogItem[]>();
      for (const item of fw.items) {
        if (item.parent === undefined) continue;
        const list = children.get(item.parent) ?? [];
        list.push(item);
        children.set(item.parent, list);
      }
      this.childIndex.set(fw.id, children);
    }
    for (const cw of crosswalks) {
      for (const l of cw.links) {
        const target = this.item(cw.target, l.target);
        const source = this.item(cw.source, l.source);
        if (!target || !source) continue; // a crosswalk of an organization can outlive a framework it named
        this.addLink(cw.source, l.source, {
          crosswalkId: cw.id,
          direction: 'outgoing',
          frameworkId: cw.target,
          ref: l.target,
          title: target.title,
          relationship: l.relationship,
          rationale: l.rationale,
        });
        this.addLink(cw.target, l.target, {
          crosswalkId: cw.id,
          direction: 'incoming',
          frameworkId: cw.source,
          ref: l.source,
          title: source.title,
          relationship: INVERSE[l.relationship],
          rationale: l.rationale,
        });
      }
    }
  }

  private addLink(frameworkId: string, ref: string, link: ItemLink) {
    const key = `${frameworkId}\u0000${ref}`;
    const list = this.linkIndex.get(key) ?? [];
    list.push(link);
    this.linkIndex.set(key, list);
  }

  framework(id: string): Framework | undefined {
    return this.byId.get(id);
  }

  item(frameworkId: string, ref: string): CatalogItem | undefined {
    return this.itemIndex.get(frameworkId)?.get(ref);
  }

  children(frameworkId: string, ref: string): CatalogItem[] {
    return this.childIndex.get(frameworkId)?.get(ref) ?? [];
  }

  linksOf(frameworkId: string, ref: string): ItemLink[] {
    return this.linkIndex.get(`${frameworkId}\u0000${ref}`) ?? [];
  }

  detail(frameworkId: string, ref: string): ItemDetail | undefined {
    const fw = this.byId.get(frameworkId);
    const item = this.item(frameworkId, ref);
    if (!fw || !item) return undefined;
    const ancestors: ItemDetail['ancestors'] = [];
    for (let p = item.parent; p !== undefined;) {
      const parent = this.item(frameworkId, p);
      if (!parent) break;
      ancestors.unshift({ ref: parent.ref, title: parent.title, kind: parent.kind });
      p = parent.parent;
    }
    return {
      ...item,
      frameworkId,
      ancestors,
      children: this.children(frameworkId, ref).map((c) => ({
        ref: c.ref,
        title: c.title,
        kind: c.kind,
        assessable: c.assessable,
      })),
      related: item.relatedControls.map((r) => ({ ref: r, title: this.item(frameworkId, r)?.title ?? r })),
      documents: fw.documents.filter((d) => d.clauses.includes(ref) || d.controls.includes(ref)),
      links: this.linksOf(frameworkId, ref),
    };
  }

  /**
   * Full-text search over refs, titles, summaries and guidance. Every word must match somewhere;
   * a hit in the ref or title ranks above one in the guidance.
   */
  search(query: string, opts: { frameworkId?: string; limit?: number } = {}): SearchHit[] {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    if (words.length === 0) return [];
    const hits: SearchHit[] = [];
    for (const fw of this.frameworks) {
      if (opts.frameworkId && fw.id !== opts.frameworkId) continue;
      for (const item of fw.items) {
        const head = `${item.ref} ${item.title}`.toLowerCase();
        const body = [
          item.summary,
          item.guidance?.asks,
          item.guidance?.auditorLooksFor,
          ...(item.guidance?.evidence ?? []),
        ]
          .filter(Boolean)
          .join(' ');
        const lowerBody = body.toLowerCase();
        let score = 0;
        let all = true;
        for (const w of words) {
          if (head.includes(w)) score += item.ref.toLowerCase() === w ? 10 : 3;
          else if (lowerBody.includes(w)) score += 1;
          else all = false;
        }
        if (!all) continue;
        if (item.assessable) score += 0.5;
        hits.push({
          frameworkId: fw.id,
          ref: item.ref,
          title: item.title,
          kind: item.kind,
          assessable: item.assessable,
          snippet: snippet(body, words),
          score,
        });
      }
    }
    return hits
      .sort((a, b) => b.score - a.score || a.frameworkId.localeCompare(b.frameworkId))
      .slice(0, opts.limit ?? 50);
  }
}

/** About 160 characters of text around the first matched word, so a hit shows why it matched. */
function snippet(text: string, words: string[]): string {
  const lower = text.toLowerCase();
  const at = Math.min(...words.map((w) => lower.indexOf(w)).filter((i) => i >= 0), text.length);
  if (at === text.length) return text.slice(0, 160);
  const start = Math.max(0, at - 60);
  return `${start > 0 ? '…' : ''}${text.slice(start, start + 160).trim()}${start + 160 < text.length ? '…' : ''}`;
}
