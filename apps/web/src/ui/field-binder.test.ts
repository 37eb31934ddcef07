import { describe, expect, it } from 'vitest';
import { bindCheckbox, bindField, valueOfChange, type BindableForm } from './field-binder';

type Values = { title: string; ownerId: string | null; tags: string[]; personalData: boolean; count: number | string };

/** A form whose writes are recorded, as useZodForm's members would apply them. */
function fakeForm(values: Values, errors: Partial<Record<keyof Values, string>> = {}) {
  const set: [string, unknown][] = [];
  const touched: string[] = [];
  const form: BindableForm<Values> = {
    values,
    setValue: (key, value) => set.push([key, value]),
    touch: (key) => touched.push(key),
    errorFor: (key) => errors[key],
  };
  return { form, set, touched };
}
const initial: Values = { title: 'Plan', ownerId: 'u1', tags: ['a'], personalData: false, count: 3 };

describe('valueOfChange', () => {
  it('reads the value of a change event', () => {
    expect(valueOfChange({ currentTarget: { value: 'typed' } })).toBe('typed');
  });

  it('takes a value as it is (Select, MultiSelect, NumberInput)', () => {
    expect(valueOfChange('u2')).toBe('u2');
    expect(valueOfChange(['a', 'b'])).toEqual(['a', 'b']);
    expect(valueOfChange(7)).toBe(7);
    expect(valueOfChange<string | null>(null)).toBeNull();
  });
});

describe('bindField', () => {
  it('gives the value, the message and the leave handler of its field', () => {
    const { form, touched } = fakeForm(initial, { title: 'Enter a title' });
    const props = bindField(form, 'title');
    expect(props.value).toBe('Plan');
    expect(props.error).toBe('Enter a title');
    expect(bindField(form, 'ownerId').error).toBeUndefined();
    props.onBlur();
    expect(touched).toEqual(['title']);
  });

  it('sets the field from a text input event, read when the handler runs', () => {
    const { form, set } = fakeForm(initial);
    const event: { currentTarget: { value: string } | null } = { currentTarget: { value: 'Plan B' } };
    bindField(form, 'title').onChange(event as { currentTarget: { value: string } });
    // React clears currentTarget after the handler: the value must have been read already.
    event.currentTarget = null;
    expect(set).toEqual([['title', 'Plan B']]);
  });

  it('sets the field from a picked value, and null when a Select is cleared', () => {
    const { form, set } = fakeForm(initial);
    bindField(form, 'ownerId').onChange('u2');
    bindField(form, 'ownerId').onChange(null);
    bindField(form, 'tags').onChange(['a', 'b']);
    bindField(form, 'count').onChange(5);
    expect(set).toEqual([
      ['ownerId', 'u2'],
      ['ownerId', null],
      ['tags', ['a', 'b']],
      ['count', 5],
    ]);
  });
});

describe('bindCheckbox', () => {
  it('gives checked and sets the field from the checkbox', () => {
    const { form, set, touched } = fakeForm(initial, { personalData: 'Say whether' });
    const props = bindCheckbox(form, 'personalData');
    expect(props.checked).toBe(false);
    expect(props.error).toBe('Say whether');
    props.onChange({ currentTarget: { checked: true } });
    props.onBlur();
    expect(set).toEqual([['personalData', true]]);
    expect(touched).toEqual(['personalData']);
  });
});
