import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { humanize, labelAt, labelledIssue, summary } from './validation-messages';

// What fastify-type-provider-zod hands the error handler, from a real zod parse.
const refusals = (schema: z.ZodType, input: unknown) =>
  schema.safeParse(input).error!.issues.map(({ path, code, message, ...params }) => ({
    instancePath: `/${path.join('/')}`,
    keyword: code,
    message,
    params,
  }));
const messages = (schema: z.ZodType, input: unknown) =>
  refusals(schema, input).map((r) => labelledIssue(schema, 'body', r, input));

describe("validation messages in the form's words (issue 18)", () => {
  it('says a field name in words', () => {
    expect(humanize('lifecycleStage')).toBe('Lifecycle stage');
    expect(humanize('aiSystemId')).toBe('AI system');
    expect(humanize('attendeeIds')).toBe('Attendees');
    expect(humanize('q')).toBe('Search');
  });

  it("takes a field's title over its name, through optional and nullable", () => {
    const schema = z.object({
      expiresAt: z.string().meta({ title: 'Access ends on' }).nullable().optional(),
      tags: z.array(z.string()),
    });
    expect(labelAt(schema, ['expiresAt'])).toBe('Access ends on');
    expect(labelAt(schema, ['tags', '1'])).toBe('Tags, item 2');
  });

  it("says zod's own messages plainly after the label, and keeps the path", () => {
    const schema = z.strictObject({
      name: z.string().min(1).max(5),
      intendedPurpose: z.string(),
      stage: z.enum(['idea', 'design']),
      email: z.email(),
      expiresAt: z.string().meta({ title: 'Access ends on' }).min(1),
    });
    expect(
      messages(schema, { name: 'toolong', stage: 'x', email: 'nope', expiresAt: '', extra: 1 }).map((i) => [
        i.path,
        i.message,
      ]),
    ).toEqual([
      ['body.name', 'Name must be at most 5 characters'],
      ['body.intendedPurpose', 'Intended purpose is required'],
      ['body.stage', 'Stage must be one of: idea, design'],
      ['body.email', 'Email must be an email address, like name@example.com'],
      ['body.expiresAt', 'Access ends on is required'],
      ['body', 'Unknown field: extra. Remove it.'],
    ]);
  });

  it('keeps a message written for people, and puts the label in place of a code name', () => {
    const schema = z.object({
      reviewDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Review date must be a date like 2027-03-31'),
      version: z.number({ error: 'version is required: send the version you read' }),
      personalData: z.boolean({ error: 'must be true or false' }),
      description: z.string().max(3, 'At most 3 characters'),
    });
    expect(messages(schema, { reviewDate: 'soon', personalData: 'yes', description: 'long' })).toEqual([
      { path: 'body.reviewDate', message: 'Review date must be a date like 2027-03-31' },
      { path: 'body.version', message: 'Version is required: send the version you read' },
      { path: 'body.personalData', message: 'Personal data: must be true or false' },
      { path: 'body.description', message: 'Description: at most 3 characters' },
    ]);
  });

  it('sums up the first three messages, each once', () => {
    const issue = (message: string) => ({ path: 'body.x', message });
    expect(summary([issue('A'), issue('A'), issue('B')])).toBe('A; B');
    expect(summary(['A', 'B', 'C', 'D', 'E'].map(issue))).toBe('A; B; C (and 2 more)');
  });
});
