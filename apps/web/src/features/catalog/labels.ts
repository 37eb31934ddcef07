import type { MantineColor } from '@mantine/core';
import type { DocumentationKind, ItemKind, PdcaPhase, Relationship } from '@fortytwo/catalog/browser';
import type { FrameworkOrigin } from '../../api/types';

export const KIND_LABELS: Record<ItemKind, string> = {
  clause: 'Clause',
  subclause: 'Subclause',
  annex_group: 'Annex group',
  objective: 'Objective',
  control: 'Control',
  function: 'Function',
  category: 'Category',
  subcategory: 'Subcategory',
  article: 'Article',
  requirement: 'Requirement',
};
/** Headings of the tree when a framework's top level mixes kinds (ISO 42001: clauses, then Annex A). */
export const KIND_GROUP_LABELS: Record<ItemKind, string> = {
  clause: 'Clauses',
  subclause: 'Subclauses',
  annex_group: 'Annex A controls',
  objective: 'Objectives',
  control: 'Controls',
  function: 'Functions',
  category: 'Categories',
  subcategory: 'Subcategories',
  article: 'Articles',
  requirement: 'Requirements',
};
export const kindLabel = (k: string) => KIND_LABELS[k as ItemKind] ?? k;

/** What the requirement's wording asks for, as the "Documented information" badge reads. */
export const DOCUMENTATION_LABELS: Record<Exclude<DocumentationKind, 'none'>, string> = {
  available: 'available',
  retain: 'retain',
  document: 'document',
};
export const DOCUMENTATION_HELP: Record<Exclude<DocumentationKind, 'none'>, string> = {
  available: 'Keep it available: a controlled document people can find and use.',
  retain: 'Retain it: a record kept as evidence of what was done.',
  document: 'Document it: write down how it is done.',
};

export const PDCA_LABELS: Record<PdcaPhase, string> = { plan: 'Plan', do: 'Do', check: 'Check', act: 'Act' };

export const RELATIONSHIP_LABELS: Record<Relationship, string> = {
  equal: 'Equal',
  subset: 'Subset',
  superset: 'Superset',
  intersect: 'Intersects',
};
export const RELATIONSHIP_COLORS: Record<Relationship, MantineColor> = {
  equal: 'teal',
  subset: 'blue',
  superset: 'violet',
  intersect: 'gray',
};

export const ORIGIN_LABELS: Record<FrameworkOrigin, string> = {
  builtin: 'Shipped with Fortytwo',
  imported: 'Imported',
  custom: 'Your organization',
};
