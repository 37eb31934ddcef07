import { describe, expect, it } from 'vitest';
import { ZCreateAction, ZGapsToActions, ZUpdateAction } from './action';

const firstMessage = (r: { error?: { issues: { message: string }[] } }) => r.error?.issues[0]?.message;

describe('actions', () => {
  it('creates an open action with no owner and no due date unless given', () => {
    expect(ZCreateAction.parse({ title: '  Write the AI policy ' })).toEqual({
      title: 'Write the AI policy',
      description: '',
      ownerId: null,
      dueDate: null,
      status: 'open',
    });
  });

  it('limits the title to 300 characters, and needs one', () => {
    expect(ZCreateAction.safeParse({ title: 'x'.repeat(300) }).success).toBe(true);
    expect(firstMessage(ZCreateAction.safeParse({ title: 'x'.repeat(301) }))).toBe(
      'Title must be at most 300 characters',
    );
    expect(firstMessage(ZCreateAction.safeParse({ title: ' ' }))).toBe('Title is required');
    expect(firstMessage(ZCreateAction.safeParse({}))).toBe('Title is required');
  });

  it('names the status values, the due date format and the owner reference', () => {
    expect(firstMessage(ZCreateAction.safeParse({ title: 'x', status: 'closed' }))).toBe(
      'status must be one of: open, in_progress, done',
    );
    expect(firstMessage(ZCreateAction.safeParse({ title: 'x', dueDate: '2027-02-30' }))).toBe(
      'Due date must be a real date written year-month-day, such as 2027-03-31',
    );
    expect(firstMessage(ZCreateAction.safeParse({ title: 'x', ownerId: '' }))).toBe(
      'Owner: send the id of a member of this organization, or null for none',
    );
  });

  it('updates only what is sent, from version 0 on', () => {
    expect(ZUpdateAction.parse({ version: 0, status: 'done' })).toEqual({ version: 0, status: 'done' });
    expect(firstMessage(ZUpdateAction.safeParse({ status: 'done' }))).toBe(
      'version is required: send the version you read',
    );
    expect(firstMessage(ZUpdateAction.safeParse({ version: -1 }))).toBe(
      'version must be the version you read: a whole number from 0',
    );
    expect(firstMessage(ZUpdateAction.safeParse({ version: 1, colour: 'red' }))).toContain('colour');
  });

  it('trims the description and limits it to 8000 characters, on creation and update alike', () => {
    expect(ZCreateAction.parse({ title: 'x', description: ' Steps ' }).description).toBe('Steps');
    expect(ZCreateAction.safeParse({ title: 'x', description: 'x'.repeat(8000) }).success).toBe(true);
    expect(firstMessage(ZCreateAction.safeParse({ title: 'x', description: 'x'.repeat(8001) }))).toBe(
      'Description must be at most 8000 characters',
    );
    expect(ZUpdateAction.parse({ version: 1, description: 'x'.repeat(8000) }).description).toHaveLength(8000);
  });

  it('names the status values on an update too', () => {
    expect(firstMessage(ZUpdateAction.safeParse({ version: 1, status: 'closed' }))).toBe(
      'status must be one of: open, in_progress, done',
    );
  });

  it('turns one to 200 gaps into actions at once', () => {
    expect(firstMessage(ZGapsToActions.safeParse({ refs: [] }))).toBe('Choose at least one gap');
    expect(ZGapsToActions.parse({ refs: ['4.1'] })).toEqual({ refs: ['4.1'], ownerId: null, dueDate: null });
    expect(ZGapsToActions.safeParse({ refs: Array(200).fill('4.1') }).success).toBe(true);
    expect(ZGapsToActions.safeParse({ refs: Array(201).fill('4.1') }).success).toBe(false);
  });
});
