import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';
import {
  breachEpisodes,
  normalizeMeasuredAt,
  readMeasurementRows,
  ZMeasurementInput,
  ZMetricFields,
} from './monitoring';

// What a person or a pipeline sending measurements is told, word for word, and the edges of each rule.

describe('thresholds on a metric', () => {
  it('accepts equal thresholds or a single one; refuses lower above upper on the lower threshold', () => {
    expect(ZMetricFields.safeParse({ name: 'Accuracy', lowerThreshold: 1, upperThreshold: 1 }).success).toBe(true);
    expect(ZMetricFields.safeParse({ name: 'Accuracy', lowerThreshold: 5, upperThreshold: null }).success).toBe(true);
    expect(ZMetricFields.safeParse({ name: 'Accuracy', lowerThreshold: null, upperThreshold: -5 }).success).toBe(true);
    const r = ZMetricFields.safeParse({ name: 'Accuracy', lowerThreshold: 1.5, upperThreshold: 1 });
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['lowerThreshold', 'Lower threshold must not be above the upper threshold'],
    ]);
  });
});

describe('the time of a measurement', () => {
  it('answers a time it cannot read with an example', () => {
    const r = ZMeasurementInput.safeParse({ value: 1, at: 'yesterday' });
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['at', 'Measured at must be a date or a time, such as 2027-03-31 or 2027-03-31T09:00:00Z'],
    ]);
    expect(ZMeasurementInput.parse({ value: 1, at: ' 2027-03-31 ' }).at).toBe('2027-03-31T00:00:00.000Z');
  });
  it('accepts times without seconds or with fractions, and years 1900 to 2999 only', () => {
    expect(normalizeMeasuredAt('2027-03-31T09:00Z')).toBe('2027-03-31T09:00:00.000Z');
    expect(normalizeMeasuredAt('2027-03-31T09:00:00.5Z')).toBe('2027-03-31T09:00:00.500Z');
    expect(normalizeMeasuredAt('1900-01-01')).toBe('1900-01-01T00:00:00.000Z');
    expect(normalizeMeasuredAt('2999-12-31')).toBe('2999-12-31T00:00:00.000Z');
    expect(normalizeMeasuredAt('1899-12-31')).toBeNull();
    expect(normalizeMeasuredAt('3000-01-01')).toBeNull();
    // A zone can move the instant into another year: the UTC year is the one checked.
    expect(normalizeMeasuredAt('2999-12-31T23:00:00-02:00')).toBeNull();
  });
  it('accepts a zone without a colon and up to nine decimals of a second', () => {
    expect(normalizeMeasuredAt('2027-03-31T09:00:00+0200')).toBe('2027-03-31T07:00:00.000Z');
    expect(normalizeMeasuredAt('2027-03-31T09:00:00.123Z')).toBe('2027-03-31T09:00:00.123Z');
    expect(normalizeMeasuredAt('2027-03-31T09:00:00.123456789Z')).toBe('2027-03-31T09:00:00.123Z');
  });
  it('refuses a month or an hour that does not exist, and a six-digit year', () => {
    expect(normalizeMeasuredAt('2027-13-01')).toBeNull();
    expect(normalizeMeasuredAt('2027-03-31T25:00Z')).toBeNull();
    expect(normalizeMeasuredAt('+002027-03-31T09:00:00Z')).toBeNull();
  });
  it('refuses text around a date or a time', () => {
    for (const s of ['x2027-03-31', '2027-03-31x', 'x2027-03-31T09:00Z', '2027-03-31T09:00Zx'])
      expect(normalizeMeasuredAt(s), s).toBeNull();
  });
});

describe('breach episodes above the upper threshold', () => {
  it('keep the highest value as the worst, and start only on a value out of bounds', () => {
    const t = { lowerThreshold: null, upperThreshold: 10 };
    const series = [
      { at: 'd1', value: 5 },
      { at: 'd2', value: 12 },
      { at: 'd3', value: 15 },
      { at: 'd4', value: 11 },
      { at: 'd5', value: 10 },
    ];
    expect(breachEpisodes(t, series)).toEqual([{ from: 'd2', to: 'd5', worst: 15, state: 'above' }]);
  });
});

describe('breach episodes below the lower threshold', () => {
  it('keep the lowest value as the worst', () => {
    const t = { lowerThreshold: 0.9, upperThreshold: null };
    const series = [
      { at: 'd1', value: 0.8 },
      { at: 'd2', value: 0.85 },
    ];
    expect(breachEpisodes(t, series)).toEqual([{ from: 'd1', to: null, worst: 0.8, state: 'below' }]);
  });
});

describe('reading a measurement file: the words of each problem', () => {
  it('reads header names with blanks around them', () => {
    expect(readMeasurementRows(parseCsv(' At , value \n2027-03-31,1\n')).rows).toEqual([
      { line: 2, at: '2027-03-31T00:00:00.000Z', value: 1, note: '' },
    ]);
  });

  it('an empty file, or a header missing a column or naming an unknown one', () => {
    expect(readMeasurementRows([])).toEqual({
      rows: [],
      errors: [
        {
          line: 1,
          field: 'file',
          message: 'The file is empty: the first line names the columns at, value and (optionally) note',
        },
      ],
    });
    expect(readMeasurementRows(parseCsv('value,colour,size\n1,red,2\n'))).toEqual({
      rows: [],
      errors: [
        {
          line: 1,
          field: 'at',
          message:
            'The header has no "at" column: the first line must name the columns at, value and (optionally) note',
        },
        { line: 1, field: 'colour', message: 'Unknown column "colour": the columns are at, value and note' },
      ],
    });
    expect(readMeasurementRows(parseCsv('at\n2027-01-01\n')).errors).toEqual([
      {
        line: 1,
        field: 'value',
        message:
          'The header has no "value" column: the first line must name the columns at, value and (optionally) note',
      },
    ]);
  });

  it('a header alone, or more rows than allowed (named at the first row too many)', () => {
    expect(readMeasurementRows(parseCsv('at,value\n'))).toEqual({
      rows: [],
      errors: [{ line: 1, field: 'file', message: 'The file has a header but no measurements' }],
    });
    const three = parseCsv('at,value\n2027-01-01,1\n2027-01-02,2\n2027-01-03,3\n');
    expect(readMeasurementRows(three, 2)).toEqual({
      rows: [],
      errors: [{ line: 4, field: 'file', message: 'At most 2 measurements per file: split it' }],
    });
    expect(readMeasurementRows(three, 3).rows).toHaveLength(3);
  });

  it('a bad time, an empty or unreadable value, a long note, each on its line', () => {
    const long = 'n'.repeat(2001);
    const r = readMeasurementRows(
      parseCsv(
        `at,value,note,\n31/03/2027 and some more words after it,1,\n2027-03-31,,\n2027-03-31,1e,\n2027-03-31,2,${long}\n2027-03-31\n`,
      ),
    );
    expect(r).toEqual({
      rows: [],
      errors: [
        {
          line: 2,
          field: 'at',
          message:
            '"31/03/2027 and some more words after it" is not a date or time: write 2027-03-31 or 2027-03-31T09:00:00Z',
        },
        { line: 3, field: 'value', message: 'The value is empty: write a number such as 0.93' },
        { line: 4, field: 'value', message: '"1e" is not a number: write it with a dot for decimals, such as 0.93' },
        { line: 5, field: 'note', message: 'The note must be at most 2000 characters' },
        { line: 6, field: 'value', message: 'The value is empty: write a number such as 0.93' },
      ],
    });
  });

  it('cuts a long bad cell to 40 characters in the message', () => {
    const at = 'a'.repeat(50);
    const value = 'b'.repeat(50);
    const r = readMeasurementRows(parseCsv(`at,value\n${at},${value}\n`));
    expect(r.errors.map((e) => e.message)).toEqual([
      `"${'a'.repeat(40)}" is not a date or time: write 2027-03-31 or 2027-03-31T09:00:00Z`,
      `"${'b'.repeat(40)}" is not a number: write it with a dot for decimals, such as 0.93`,
    ]);
  });

  it('takes a note of exactly 2000 characters, trimmed cells, and no note column', () => {
    const note = 'n'.repeat(2000);
    expect(readMeasurementRows(parseCsv(`at,value,note\n 2027-03-31 , 0.5 ,${note}\n`)).rows).toEqual([
      { line: 2, at: '2027-03-31T00:00:00.000Z', value: 0.5, note },
    ]);
    expect(readMeasurementRows(parseCsv('at,value\n2027-03-31,7\n')).rows).toEqual([
      { line: 2, at: '2027-03-31T00:00:00.000Z', value: 7, note: '' },
    ]);
  });
});
