import { useMemo, useState } from 'react';
import type { z } from 'zod';
import { ApiError } from '../../api/client';
import { bindField } from '../../ui/field-binder';
import { issuesByField } from '../../ui/use-zod-form';

type Errors = Record<string, string>;

/** Where a schema issue shows: "exclusions.0.justification" for a row's field, "units" for a whole list. */
export type KeyOf<V> = (path: string[], values: V) => string;

/**
 * useZodForm for forms made of lists: validated as you type with the server's schema, but each
 * message is keyed by its path, so a row of a list shows its own message next to its own field.
 * A message shows once its key was touched (changed or left) or after a submit attempt.
 */
export function usePathForm<V, S extends z.ZodType>(
  schema: S,
  initial: V,
  toInput: (v: V) => unknown,
  keyOf: KeyOf<V>,
) {
  const [values, setValues] = useState<V>(initial);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);

  const parsed = useMemo(() => schema.safeParse(toInput(values)), [schema, values, toInput]);
  const clientErrors = useMemo(
    () => (parsed.success ? {} : issuesByField(parsed.error.issues, (p) => keyOf(p, values))),
    [parsed, keyOf, values],
  );

  const touch = (...keys: string[]) =>
    setTouched((t) => {
      if (keys.every((k) => t.has(k))) return t;
      const next = new Set(t);
      for (const k of keys) next.add(k);
      return next;
    });

  /** Changes the values; `keys` are the messages this change may show or clear. */
  const update = (change: (v: V) => V, ...keys: string[]) => {
    setValues(change);
    touch(...keys);
    setServerErrors((e) => {
      const stale = Object.keys(e).filter((k) => keys.some((key) => k === key || k.startsWith(`${key}.`)));
      return stale.length ? Object.fromEntries(Object.entries(e).filter(([k]) => !stale.includes(k))) : e;
    });
  };
  const errorFor = (key: string): string | undefined =>
    serverErrors[key] ?? (submitted || touched.has(key) ? clientErrors[key] : undefined);

  return {
    values,
    update,
    touch,
    /** A top-level field's input props, as useZodForm's `form.field('ownerId')`. */
    field: <K extends keyof V & string>(key: K) =>
      bindField<V, K>(
        {
          values,
          setValue: (k, value) => update((x) => ({ ...x, [k]: value }), k),
          touch: (k) => touch(k),
          errorFor,
        },
        key,
      ),
    /** Forget what was touched under a prefix: after a row is removed, the rows below move up. */
    untouch: (prefix: string) => setTouched((t) => new Set([...t].filter((k) => !k.startsWith(prefix)))),
    errorFor,
    hasErrors: !parsed.success,
    formError,
    setFormError,
    validate: (): z.output<S> | null => {
      setSubmitted(true);
      setFormError(null);
      return parsed.success ? parsed.data : null;
    },
    showServerError: (e: unknown) => {
      if (e instanceof ApiError) {
        const byKey = issuesByField(e.issues, (p) => keyOf(p, values));
        const field = (e.details as { field?: unknown } | undefined)?.field;
        if (typeof field === 'string') byKey[field] = e.message;
        setServerErrors(byKey);
        setFormError(Object.keys(byKey).length > 0 ? 'Some fields need attention: see the messages below.' : e.message);
      } else setFormError(e instanceof Error ? e.message : 'Something went wrong.');
    },
    reset: (next: V) => {
      setValues(next);
      setTouched(new Set());
      setSubmitted(false);
      setServerErrors({});
      setFormError(null);
    },
  };
}

export type PathForm<V> = ReturnType<typeof usePathForm<V, z.ZodType>>;
