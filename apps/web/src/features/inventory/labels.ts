import {
  AI_ROLE_LABELS,
  AI_SYSTEM_STATUS_LABELS,
  LIFECYCLE_STAGE_LABELS,
  RISK_TIER_LABELS,
  type AiRole,
  type AiSystemStatus,
  type LifecycleStage,
  type RiskTier,
} from '@fortytwo/domain';
import type { MantineColor } from '@mantine/core';

export const options = <K extends string>(labels: Record<K, string>) =>
  (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));

export const RISK_COLORS: Record<RiskTier, MantineColor> = {
  unclassified: 'gray',
  minimal: 'teal',
  limited: 'yellow',
  high: 'orange',
  prohibited: 'red',
};
export const STATUS_COLORS: Record<AiSystemStatus, MantineColor> = { draft: 'gray', active: 'blue', archived: 'dark' };
export const STAGE_COLORS: Record<LifecycleStage, MantineColor> = {
  idea: 'gray',
  design: 'grape',
  development: 'violet',
  verification: 'indigo',
  deployment: 'cyan',
  operation: 'teal',
  retired: 'dark',
};

export const roleLabel = (r: AiRole) => AI_ROLE_LABELS[r] ?? r;
export const stageLabel = (s: LifecycleStage) => LIFECYCLE_STAGE_LABELS[s] ?? s;
/** "Operation & monitoring" → "Operation": for narrow cells and chart axes. */
export const stageShort = (s: LifecycleStage) => stageLabel(s).split(/ [&/] /)[0]!;
export const riskLabel = (r: RiskTier) => RISK_TIER_LABELS[r] ?? r;
/** For narrow table cells; the full label goes in the tooltip. */
export const RISK_SHORT: Record<RiskTier, string> = {
  unclassified: 'Not yet classified',
  minimal: 'Minimal',
  limited: 'Limited',
  high: 'High',
  prohibited: 'Prohibited',
};
export const statusLabel = (s: AiSystemStatus) => AI_SYSTEM_STATUS_LABELS[s] ?? s;

/** A field value of an AI system as a person reads it (history, conflicts). */
export function displayValue(field: string, value: unknown, memberName: (id: string) => string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) {
    if (value.length === 0) return '—';
    return value.map((v) => (field === 'aiRoles' ? roleLabel(v as AiRole) : String(v))).join(', ');
  }
  switch (field) {
    case 'lifecycleStage':
      return stageLabel(value as LifecycleStage);
    case 'riskTier':
      return riskLabel(value as RiskTier);
    case 'status':
      return statusLabel(value as AiSystemStatus);
    case 'ownerId':
      return typeof value === 'string' ? memberName(value) : '—';
    default:
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}
