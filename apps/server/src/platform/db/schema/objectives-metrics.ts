import type { ColumnType } from 'kysely';

// AI objectives and their progress; metrics, measurements and breaches (6.2, 9.1).

export type ObjectiveTable = {
  id: string;
  orgId: string;
  number: number;
  title: string;
  description: string;
  measure: string;
  unit: string;
  baseline: number | null;
  target: number | null;
  ownerId: string | null;
  resources: string;
  dueDate: string | null;
  evaluation: string;
  annexRef: string | null; // API: annexCRef (the camel-case plugin would store annexCRef as annex_cref)
  status: string;
  version: number;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  updatedBy: string | null;
};
export type ObjectiveProgressTable = {
  id: string;
  orgId: string;
  objectiveId: string;
  onDate: string;
  value: number;
  note: string;
  createdAt: string;
  createdBy: string | null;
  createdByName: string;
  /** The measurement this entry came from, when a metric measures the objective (migration 0029). */
  measurementId: ColumnType<string | null, string | null | undefined, string | null>;
};
export type MetricTable = {
  id: string;
  orgId: string;
  number: number;
  name: string;
  description: string;
  method: string;
  frequency: string;
  ownerId: string | null;
  unit: string;
  target: number | null;
  lowerThreshold: number | null;
  upperThreshold: number | null;
  aiSystemId: string | null;
  controlRef: string | null;
  objectiveId: string | null;
  version: number;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  updatedBy: string | null;
};
export type MeasurementTable = {
  id: string;
  orgId: string;
  metricId: string;
  at: string;
  value: number;
  note: string;
  source: string;
  createdAt: string;
  createdBy: string | null;
  createdByName: string;
  /** `key:<Idempotency-Key>` or `at:<time>`: unique per metric, so a retried push counts once (0029). */
  dedupeKey: ColumnType<string | null, string | null | undefined, string | null>;
};
export type MetricBreachTable = {
  id: string;
  orgId: string;
  metricId: string;
  state: string;
  openedAt: string;
  openingMeasurementId: string;
  openingValue: number;
  actionId: string | null;
  closedAt: string | null;
};
