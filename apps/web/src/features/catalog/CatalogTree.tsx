import { useEffect, useId, useMemo, useState } from 'react';
import { UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { CatalogItem, FrameworkDetail } from '../../api/types';
import { catalogHref } from './api';
import { KIND_GROUP_LABELS } from './labels';
import { CATALOG_TEXT as T } from './text';
import classes from './catalog.module.css';

export type Tree = { roots: CatalogItem[]; childrenOf: Map<string, CatalogItem[]>; parentOf: Map<string, string> };

/** Items arrive in document order with a parent ref; the tree keeps that order at every level. */
export function buildTree(items: readonly CatalogItem[]): Tree {
  const refs = new Set(items.map((i) => i.ref));
  const roots: CatalogItem[] = [];
  const childrenOf = new Map<string, CatalogItem[]>();
  const parentOf = new Map<string, string>();
  for (const item of items) {
    if (item.parentRef === null || !refs.has(item.parentRef)) {
      roots.push(item);
      continue;
    }
    parentOf.set(item.ref, item.parentRef);
    const list = childrenOf.get(item.parentRef) ?? [];
    list.push(item);
    childrenOf.set(item.parentRef, list);
  }
  return { roots, childrenOf, parentOf };
}

function ancestorsOf(tree: Tree, ref: string | undefined): string[] {
  const out: string[] = [];
  for (let p = ref === undefined ? undefined : tree.parentOf.get(ref); p !== undefined; p = tree.parentOf.get(p))
    out.push(p);
  return out;
}

/** Consecutive top-level items of one kind, with a heading when a framework mixes kinds (clauses, then Annex A). */
function groupRoots(roots: CatalogItem[]): { kind: CatalogItem['kind']; items: CatalogItem[] }[] {
  const groups: { kind: CatalogItem['kind']; items: CatalogItem[] }[] = [];
  for (const item of roots) {
    const last = groups[groups.length - 1];
    if (last && last.kind === item.kind) last.items.push(item);
    else groups.push({ kind: item.kind, items: [item] });
  }
  return groups;
}

type NodeProps = {
  item: CatalogItem;
  tree: Tree;
  expanded: Set<string>;
  onToggle: (ref: string) => void;
  selectedRef: string | undefined;
  hrefOf: (ref: string) => string;
  /** Whether a sibling can unfold: leaves then keep the toggle's space, so refs line up. */
  alignWithToggles: boolean;
};

const anyParent = (tree: Tree, items: CatalogItem[]) => items.some((i) => tree.childrenOf.has(i.ref));

function TreeNode({ item, tree, expanded, onToggle, selectedRef, hrefOf, alignWithToggles }: NodeProps) {
  const children = tree.childrenOf.get(item.ref);
  const open = children !== undefined && expanded.has(item.ref);
  const listId = useId();
  const selected = item.ref === selectedRef;
  return (
    <li>
      <div className={classes.row}>
        {children ? (
          <UnstyledButton
            className={classes.toggle}
            aria-expanded={open}
            aria-controls={open ? listId : undefined}
            aria-label={T.treeToggle(item.ref)}
            onClick={() => onToggle(item.ref)}
          >
            <IconChevronRight size={14} className={classes.chevron} aria-hidden />
          </UnstyledButton>
        ) : (
          alignWithToggles && <span className={classes.spacer} />
        )}
        <Link
          to={hrefOf(item.ref)}
          className={classes.link}
          aria-current={selected ? 'page' : undefined}
          data-group={children ? true : undefined}
          data-ref={item.ref}
        >
          <span className={classes.ref}>{item.ref}</span>
          <span className={classes.title}>{item.title}</span>
          {item.assessable && (
            <>
              <span className={classes.dot} title={T.assessableHint} aria-hidden />
              <VisuallyHidden>{T.assessableSuffix}</VisuallyHidden>
            </>
          )}
        </Link>
      </div>
      {open && (
        <TreeList
          id={listId}
          items={children}
          tree={tree}
          expanded={expanded}
          onToggle={onToggle}
          selectedRef={selectedRef}
          hrefOf={hrefOf}
        />
      )}
    </li>
  );
}

function TreeList({
  items,
  id,
  className,
  labelledBy,
  ...rest
}: Omit<NodeProps, 'item' | 'alignWithToggles'> & {
  items: CatalogItem[];
  id?: string;
  className?: string;
  labelledBy?: string;
}) {
  const align = anyParent(rest.tree, items);
  return (
    <ul id={id} className={className} aria-labelledby={labelledBy}>
      {items.map((item) => (
        <TreeNode key={item.ref} item={item} alignWithToggles={align} {...rest} />
      ))}
    </ul>
  );
}

export function useTreeState(tree: Tree, selectedRef: string | undefined) {
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set(ancestorsOf(tree, selectedRef)));
  // Opening an item from a link or a search result unfolds the branch that holds it.
  useEffect(() => {
    const path = ancestorsOf(tree, selectedRef);
    setExpanded((prev) => (path.every((r) => prev.has(r)) ? prev : new Set([...prev, ...path])));
  }, [tree, selectedRef]);
  return {
    expanded,
    toggle: (ref: string) =>
      setExpanded((prev) => {
        const next = new Set(prev);
        if (!next.delete(ref)) next.add(ref);
        return next;
      }),
    expandAll: () => setExpanded(new Set(tree.childrenOf.keys())),
    collapseAll: () => setExpanded(new Set()),
  };
}

/** The framework's contents as nested lists of links: a parent's items show once it is unfolded. */
export function CatalogTree({
  orgId,
  framework,
  tree,
  state,
  selectedRef,
}: {
  orgId: string;
  framework: FrameworkDetail;
  tree: Tree;
  state: ReturnType<typeof useTreeState>;
  selectedRef: string | undefined;
}) {
  const groups = useMemo(() => groupRoots(tree.roots), [tree]);
  const headed = groups.length > 1;
  const headingId = useId();
  const hrefOf = (ref: string) => catalogHref(orgId, framework.id, ref);
  return (
    <nav aria-label={T.treeLabel(framework.name)}>
      {groups.map((g, i) => (
        <div key={`${g.kind}-${i}`}>
          {headed && (
            <div className={classes.groupHeading} id={`${headingId}-${i}`}>
              {KIND_GROUP_LABELS[g.kind]}
            </div>
          )}
          <TreeList
            items={g.items}
            className={classes.tree}
            labelledBy={headed ? `${headingId}-${i}` : undefined}
            tree={tree}
            expanded={state.expanded}
            onToggle={state.toggle}
            selectedRef={selectedRef}
            hrefOf={hrefOf}
          />
        </div>
      ))}
    </nav>
  );
}
