import type { MantineColor } from '@mantine/core';
import type { ContextIssueKind, RequirementKind } from '@fortytwo/domain';

/** Select options from a label table, in its order. */
export const options = <K extends string>(labels: Record<K, string>) =>
  (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));

export const ISSUE_KIND_COLORS: Record<ContextIssueKind, MantineColor> = { internal: 'blue', external: 'grape' };
export const REQUIREMENT_KIND_COLORS: Record<RequirementKind, MantineColor> = {
  legal: 'indigo',
  contractual: 'cyan',
  ethical: 'teal',
  other: 'gray',
};
