// The stored values of AI risk assessment and treatment (6.1.2, 6.1.3) and their labels: part of the
// public API, so add, never rename.

export const RISK_LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
export const RISK_LEVEL_LABELS: Record<RiskLevel, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};

export const RISK_KINDS = ['risk', 'opportunity'] as const;
export type RiskKind = (typeof RISK_KINDS)[number];

export const TREATMENT_OPTIONS = ['modify', 'avoid', 'share', 'retain'] as const;
export type TreatmentOption = (typeof TREATMENT_OPTIONS)[number];
export const TREATMENT_OPTION_LABELS: Record<TreatmentOption, string> = {
  modify: 'Modify (reduce with controls)',
  avoid: 'Avoid (stop the activity)',
  share: 'Share (transfer, e.g. contract or insurance)',
  retain: 'Retain (accept as it is)',
};

export const EFFECTIVENESS = ['effective', 'partly_effective', 'not_effective'] as const;
export type Effectiveness = (typeof EFFECTIVENESS)[number];

/** Risk sources of Annex C.3 (informative): numbers and short names only. Custom sources are free text. */
export const ANNEX_C_RISK_SOURCES = [
  { ref: 'C.3.1', title: 'Complexity of environment' },
  { ref: 'C.3.2', title: 'Lack of transparency and explainability' },
  { ref: 'C.3.3', title: 'Level of automation' },
  { ref: 'C.3.4', title: 'Machine learning (data quality, data collection, training approach)' },
  { ref: 'C.3.5', title: 'System hardware issues' },
  { ref: 'C.3.6', title: 'System life cycle issues' },
  { ref: 'C.3.7', title: 'Technology readiness' },
] as const;

export const riskSourceLabel = (source: string) => {
  const known = ANNEX_C_RISK_SOURCES.find((s) => s.ref === source);
  return known ? `${known.ref} ${known.title}` : source;
};
