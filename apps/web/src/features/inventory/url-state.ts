import {
  AI_ROLES,
  AI_SYSTEM_SORTS,
  AI_SYSTEM_STATUSES,
  LIFECYCLE_STAGES,
  RISK_TIERS,
  type AiSystemSort,
} from '@fortytwo/domain';
import { useSearchParams } from 'react-router';
import type { InventoryFilters, InventorySort } from './api';

const pick = <T extends string>(values: readonly T[], v: string | null): T | undefined =>
  v && (values as readonly string[]).includes(v) ? (v as T) : undefined;

/** Filters and sort live in the URL, so a filtered list is a link you can share. */
export function useInventoryUrlState() {
  const [params, setParams] = useSearchParams();
  const filters: InventoryFilters = {
    q: params.get('q') ?? undefined,
    lifecycleStage: pick(LIFECYCLE_STAGES, params.get('lifecycleStage')),
    aiRole: pick(AI_ROLES, params.get('aiRole')),
    riskTier: pick(RISK_TIERS, params.get('riskTier')),
    status: pick(AI_SYSTEM_STATUSES, params.get('status')),
  };
  const sort: InventorySort = {
    sort: pick(AI_SYSTEM_SORTS, params.get('sort')) ?? 'name',
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
  };
  const update = (changes: Record<string, string | null | undefined>) =>
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
  const setSort = (column: AiSystemSort) =>
    update({
      sort: column,
      order:
        sort.sort === column
          ? sort.order === 'asc'
            ? 'desc'
            : 'asc'
          : column === 'updatedAt' || column === 'createdAt'
            ? 'desc'
            : 'asc',
    });
  const hasFilters = Object.values(filters).some((v) => v !== undefined && v !== '');
  const clearFilters = () => update({ q: null, lifecycleStage: null, aiRole: null, riskTier: null, status: null });
  return { filters, sort, update, setSort, hasFilters, clearFilters };
}
