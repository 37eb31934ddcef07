import { CONTEXT_CATEGORIES, CONTEXT_ISSUE_KINDS } from '@fortytwo/domain';
import { useSearchParams } from 'react-router';
import type { IssueFilters } from './api';

const pick = <T extends string>(values: readonly T[], v: string | null): T | undefined =>
  v && (values as readonly string[]).includes(v) ? (v as T) : undefined;

/** The register's filters live in the URL, so a filtered register is a link to share. */
export function useIssueFilters() {
  const [params, setParams] = useSearchParams();
  const filters: IssueFilters = {
    kind: pick(CONTEXT_ISSUE_KINDS, params.get('kind')),
    category: pick(CONTEXT_CATEGORIES, params.get('category')),
  };
  const update = (changes: Partial<Record<keyof IssueFilters, string | null>>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace: true },
    );
  const hasFilters = filters.kind !== undefined || filters.category !== undefined;
  return { filters, update, hasFilters, clear: () => update({ kind: null, category: null }) };
}
