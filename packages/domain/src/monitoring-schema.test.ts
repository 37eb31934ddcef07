import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  MEASUREMENT_CSV_COLUMNS,
  MEASUREMENT_SOURCES,
  measuredAt,
  METRIC_FREQUENCIES,
  METRIC_FREQUENCY_LABELS,
  ZMeasurementInput,
  ZMetricFields,
  ZUpdateMetric,
} from './monitoring';

// What the metric and measurement inputs accept, and the words of each refusal: one bad field per
// case, so the answer names exactly that field. (The CSV import is in monitoring-input.test.ts.)

const issues = (schema: z.ZodType, input: unknown) =>
  (schema.safeParse(input).error?.issues ?? []).map((i) => [i.path.join('.'), i.message]);
const long = (n: number) => 'x'.repeat(n);
const when = 'must be a date or a time, such as 2027-03-31 or 2027-03-31T09:00:00Z';

describe('a metric', () => {
  it('is measured monthly, without owner, unit, thresholds or links unless sent; texts are trimmed', () => {
    expect(ZMetricFields.parse({ name: ' Accuracy ' })).toEqual({
      name: 'Accuracy',
      description: '',
      method: '',
      frequency: 'monthly',
      ownerId: null,
      unit: '',
      target: null,
      lowerThreshold: null,
      upperThreshold: null,
      aiSystemId: null,
      controlRef: null,
      objectiveId: null,
    });
    expect(
      ZMetricFields.parse({ name: 'a', description: ' d ', method: ' m ', unit: ' % ', controlRef: ' A.6.2.6 ' }),
    ).toMatchObject({ description: 'd', method: 'm', unit: '%', controlRef: 'A.6.2.6' });
  });
  it('accepts every field at its longest', () => {
    expect(
      ZMetricFields.safeParse({
        name: long(200),
        description: long(5000),
        method: long(5000),
        unit: long(40),
        controlRef: long(40),
        frequency: 'yearly',
        target: 1e15,
        lowerThreshold: -1e15,
        upperThreshold: 1e15,
        ownerId: 'u1',
        aiSystemId: 's1',
        objectiveId: 'o1',
      }).success,
    ).toBe(true);
  });
  it.each([
    [{ name: undefined }, 'name', 'Metric is required'],
    [{ name: ' ' }, 'name', 'Metric is required: say what is measured'],
    [{ name: long(201) }, 'name', 'Metric must be at most 200 characters'],
    [{ description: 5 }, 'description', 'Description must be text'],
    [{ description: long(5001) }, 'description', 'Description must be at most 5000 characters'],
    [{ method: 5 }, 'method', 'Method must be text'],
    [{ method: long(5001) }, 'method', 'Method must be at most 5000 characters'],
    [{ frequency: 'hourly' }, 'frequency', 'Frequency must be one of: daily, weekly, monthly, quarterly, yearly'],
    [{ ownerId: '' }, 'ownerId', 'Owner: send the id of a member of this organization, or null for none'],
    [{ unit: long(41) }, 'unit', 'Unit must be at most 40 characters'],
    [{ target: 'high' }, 'target', 'Target must be a number, such as 95 or 0.2'],
    [{ lowerThreshold: 'low' }, 'lowerThreshold', 'Lower threshold must be a number, such as 95 or 0.2'],
    [{ upperThreshold: 2e15 }, 'upperThreshold', 'Upper threshold must be between -10^15 and 10^15'],
    [{ aiSystemId: '' }, 'aiSystemId', 'AI system: send the id of an AI system of this organization'],
    [{ controlRef: 5 }, 'controlRef', 'Control must be a control ref such as A.6.2.6'],
    [{ controlRef: ' ' }, 'controlRef', 'Control must be a control ref such as A.6.2.6, or null for none'],
    [{ controlRef: long(41) }, 'controlRef', 'Control must be at most 40 characters'],
    [{ objectiveId: '' }, 'objectiveId', 'Objective: send the id of an AI objective of this organization'],
  ])('refuses %j', (bad, path, message) => {
    expect(issues(ZMetricFields, { name: 'Accuracy', ...bad })).toEqual([[path, message]]);
  });
  it('refuses the same on an update, where every field may be left out', () => {
    expect(ZUpdateMetric.parse({ version: 4 })).toEqual({ version: 4 });
    expect(issues(ZUpdateMetric, { version: 4, name: ' ' })).toEqual([
      ['name', 'Metric is required: say what is measured'],
    ]);
    expect(issues(ZUpdateMetric, { version: 4, lowerThreshold: 2, upperThreshold: 1 })).toEqual([
      ['lowerThreshold', 'Lower threshold must not be above the upper threshold'],
    ]);
    expect(issues(ZUpdateMetric, { name: 'a' })).toEqual([
      ['version', 'version is required: send the version you read'],
    ]);
  });
});

describe('a measurement', () => {
  it('has no time, note or key unless sent; the note and key are trimmed', () => {
    expect(ZMeasurementInput.parse({ value: 0.93 })).toEqual({ value: 0.93, note: '' });
    expect(ZMeasurementInput.parse({ value: 1, note: ' n ', idempotencyKey: ' run-7 ' })).toEqual({
      value: 1,
      note: 'n',
      idempotencyKey: 'run-7',
    });
    expect(ZMeasurementInput.safeParse({ value: 1, note: long(2000), idempotencyKey: long(200) }).success).toBe(true);
  });
  it.each([
    [{ value: '0.9' }, 'value', 'Value must be a number, such as 95 or 0.2'],
    [{ at: 5 }, 'at', `Measured at ${when}`],
    [{ note: 5 }, 'note', 'Note must be text'],
    [{ note: long(2001) }, 'note', 'Note must be at most 2000 characters'],
    [{ idempotencyKey: 5 }, 'idempotencyKey', 'Idempotency key must be text'],
    [{ idempotencyKey: ' ' }, 'idempotencyKey', 'Idempotency key must not be empty'],
    [{ idempotencyKey: long(201) }, 'idempotencyKey', 'Idempotency key must be at most 200 characters'],
  ])('refuses %j', (bad, path, message) => {
    expect(issues(ZMeasurementInput, { value: 1, ...bad })).toEqual([[path, message]]);
  });
  it('names the field a caller gives the time another label', () => {
    expect(issues(measuredAt('Taken on'), 'soon')).toEqual([['', `Taken on ${when}`]]);
    expect(issues(measuredAt('Taken on'), 5)).toEqual([['', `Taken on ${when}`]]);
  });
});

describe('the value lists', () => {
  it('are the ones the API and the CSV import accept', () => {
    expect(METRIC_FREQUENCIES).toEqual(['daily', 'weekly', 'monthly', 'quarterly', 'yearly']);
    expect(MEASUREMENT_SOURCES).toEqual(['manual', 'import', 'api']);
    expect(MEASUREMENT_CSV_COLUMNS).toEqual(['at', 'value', 'note']);
    expect(METRIC_FREQUENCY_LABELS).toEqual({
      daily: 'Daily',
      weekly: 'Weekly',
      monthly: 'Monthly',
      quarterly: 'Quarterly',
      yearly: 'Yearly',
    });
  });
});
