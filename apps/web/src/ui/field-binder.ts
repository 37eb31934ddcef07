/**
 * What a Mantine input hands its onChange: the change event (TextInput, Textarea) or the value itself
 * (Select, MultiSelect, NumberInput, Radio.Group, Checkbox.Group).
 */
export type InputChange = { currentTarget: { value: string } };

/**
 * A picker's onChange gives its own value type (a Select of a frequency gives `string`, a
 * Checkbox.Group `string[]`), wider than the field's literal union; the schema still checks it.
 */
type Picked<T> = T extends string ? string : T extends readonly string[] ? string[] : T;

/** The form state a binder reads and writes: useZodForm's own members. */
export type BindableForm<V> = {
  values: V;
  setValue: <K extends keyof V & string>(key: K, value: V[K]) => void;
  touch: (key: keyof V & string) => void;
  errorFor: (key: keyof V & string) => string | undefined;
};

const isInputChange = (change: unknown): change is InputChange =>
  typeof change === 'object' && change !== null && 'currentTarget' in change;

/**
 * The new value of a field from what its input gave. The event's value is read here, in the
 * handler: React clears `currentTarget` once the event is handled, so reading it later (in a state
 * updater) crashed the form on the first keystroke. A cleared Select gives null: a Select that can be
 * cleared binds a nullable field (or maps null itself), one with allowDeselect={false} never gives it.
 */
export function valueOfChange<T>(change: T | null | InputChange): T {
  return (isInputChange(change) ? change.currentTarget.value : change) as T;
}

/** The props every Mantine input of a field takes: its value, the change and leave handlers, its message. */
export function bindField<V, K extends keyof V & string>(form: BindableForm<V>, key: K) {
  return {
    value: form.values[key],
    onChange: (change: V[K] | Picked<V[K]> | null | InputChange) =>
      form.setValue(key, valueOfChange(change as V[K] | null | InputChange)),
    onBlur: () => form.touch(key),
    error: form.errorFor(key),
  };
}

/** As bindField, for a Checkbox or Switch of a yes/no field: `checked` instead of `value`. */
export function bindCheckbox<V, K extends keyof V & string>(form: BindableForm<V>, key: K) {
  return {
    checked: Boolean(form.values[key]),
    onChange: (e: { currentTarget: { checked: boolean } }) => form.setValue(key, e.currentTarget.checked as V[K]),
    onBlur: () => form.touch(key),
    error: form.errorFor(key),
  };
}
