import { useMemo, useState } from 'react';
import type { z } from 'zod';
import { ApiError } from '../api/client';
import { bindCheckbox, bindField, type BindableForm } from './field-binder';

type Errors = Record<string, string>;

/** Which form field shows an issue: by default the top-level key of its path. */
export type FieldOf = (path: string[]) => string;
const topLevel: FieldOf = (path) => path[0] ?? '';

/** First message per form field, from a zod result or from the server's `details.issues`. */
export function issuesByField(
  issues: readonly { path: readonly PropertyKey[] | string; message: string }[],
  fieldOf: FieldOf = topLevel,
): Errors {
  const out: Errors = {};
  for (const issue of issues) {
    const parts =
      typeof issue.path === 'string'
        ? issue.path.split('.').slice(issue.path.startsWith('body.') ? 1 : 0)
        : issue.path.map(String);
    const field = fieldOf(parts);
    if (!(field in out)) out[field] = issue.message;
  }
  return out;
}

/** The server's message for one field of a form (`details.field` or a field issue), to show under that field. */
export function serverFieldError(e: unknown, field: string): string | undefined {
  if (!(e instanceof ApiError)) return undefined;
  if ((e.details as { field?: unknown } | undefined)?.field === field) return e.message;
  return issuesByField(e.issues)[field];
}

/**
 * Form state validated as you type with the same zod schema the server uses: a field shows its
 * message once it was touched (or after a submit attempt); server issues land on their fields.
 * `fieldOf` places the issues of a nested schema (guidance.asks) on a flat form's field (asks).
 */
export function useZodForm<V extends Record<string, unknown>, S extends z.ZodType>(
  schema: S,
  initial: V,
  toInput: (v: V) => unknown = (v) => v,
  fieldOf: FieldOf = topLevel,
) {
  const [values, setValues] = useState<V>(initial);
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);

  const parsed = useMemo(() => schema.safeParse(toInput(values)), [schema, values, toInput]);
  const clientErrors = useMemo(
    () => (parsed.success ? {} : issuesByField(parsed.error.issues, fieldOf)),
    [parsed, fieldOf],
  );

  const setValue = <K extends keyof V & string>(key: K, value: V[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setTouched((t) => (t[key] ? t : { ...t, [key]: true }));
    setServerErrors((e) => {
      if (!(key in e)) return e;
      const { [key]: _gone, ...rest } = e;
      return rest;
    });
  };

  const bindable: BindableForm<V> = {
    values,
    setValue,
    touch: (key) => setTouched((t) => (t[key] ? t : { ...t, [key]: true })),
    errorFor: (key) => serverErrors[key] ?? (submitted || touched[key] ? clientErrors[key] : undefined),
  };

  return {
    ...bindable,
    /** `<TextInput {...form.field('title')} />`: value, onChange (event or value), onBlur and error. */
    field: <K extends keyof V & string>(key: K) => bindField(bindable, key),
    /** `<Checkbox {...form.checkbox('personalData')} />`: as field, with `checked`. */
    checkbox: <K extends keyof V & string>(key: K) => bindCheckbox(bindable, key),
    formError,
    setFormError,
    /** Marks the form submitted; returns the parsed output, or null (and shows every message). */
    validate: (): z.output<S> | null => {
      setSubmitted(true);
      setFormError(null);
      return parsed.success ? parsed.data : null;
    },
    /** Puts a server error on its fields; the message goes on top of the form. */
    showServerError: (e: unknown) => {
      if (e instanceof ApiError) {
        const byField = issuesByField(e.issues, fieldOf);
        const field = (e.details as { field?: unknown } | undefined)?.field;
        if (typeof field === 'string') byField[field] = e.message;
        const known = Object.keys(byField).filter((k) => k in values);
        setServerErrors(Object.fromEntries(known.map((k) => [k, byField[k]!])));
        setFormError(known.length > 0 ? 'Some fields need attention: see the messages below.' : e.message);
      } else setFormError(e instanceof Error ? e.message : 'Something went wrong.');
    },
    reset: (next: V) => {
      setValues(next);
      setTouched({});
      setSubmitted(false);
      setServerErrors({});
      setFormError(null);
    },
  };
}

export type ZodForm<V extends Record<string, unknown>> = ReturnType<typeof useZodForm<V, z.ZodType>>;

/** After a failed submit: move focus to the first field that shows a message. */
export function focusFirstInvalid(form: HTMLFormElement | null) {
  requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
