import { ANNEX_A_GROUPS, IMPLEMENTATION_STATUSES, type ImplementationStatus } from '@fortytwo/domain';
import { useSearchParams } from 'react-router';
import type { SoaItem } from './api';

export const CUSTOM_GROUP = 'Custom';
export const GROUPS: readonly string[] = [...ANNEX_A_GROUPS, CUSTOM_GROUP];
export const DECISIONS = ['included', 'excluded', 'undecided'] as const;
export type Decision = (typeof DECISIONS)[number];
/** Implementation status filter: a status, or "none" for controls without one. */
export type StatusFilter = ImplementationStatus | 'none';

export type SoaFilters = {
  group?: string | undefined;
  decision?: Decision | undefined;
  status?: StatusFilter | undefined;
  q: string;
};

const pick = <T extends string>(values: readonly T[], v: string | null): T | undefined =>
  v && (values as readonly string[]).includes(v) ? (v as T) : undefined;

export const decisionOf = (i: Pick<SoaItem, 'included'>): Decision =>
  i.included === null ? 'undecided' : i.included ? 'included' : 'excluded';

/** Whether an item shows under the filters: group, decision, status, and words in ref, title or justification. */
export function matches(i: SoaItem, f: SoaFilters): boolean {
  if (f.group && i.group !== f.group) return false;
  if (f.decision && decisionOf(i) !== f.decision) return false;
  if (f.status && (i.implementationStatus ?? 'none') !== f.status) return false;
  const q = f.q.trim().toLowerCase();
  if (q && ![i.ref, i.title, i.justification, ...i.risks.map((r) => r.ref)].some((s) => s.toLowerCase().includes(q)))
    return false;
  return true;
}

/** The SoA's filters live in the URL, so a filtered SoA is a link to share. */
export function useSoaFilters() {
  const [params, setParams] = useSearchParams();
  const filters: SoaFilters = {
    group: pick(GROUPS, params.get('group')),
    decision: pick(DECISIONS, params.get('decision')),
    status: pick<StatusFilter>([...IMPLEMENTATION_STATUSES, 'none'], params.get('status')),
    q: params.get('q') ?? '',
  };
  const update = (changes: Partial<Record<'group' | 'decision' | 'status' | 'q', string | null>>) =>
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
  const hasFilters =
    filters.group !== undefined ||
    filters.decision !== undefined ||
    filters.status !== undefined ||
    filters.q.trim() !== '';
  return { filters, update, hasFilters, clear: () => update({ group: null, decision: null, status: null, q: null }) };
}
