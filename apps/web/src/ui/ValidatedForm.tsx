import type { ReactNode } from 'react';
import { Alert, Button, Group, Stack, type MantineSpacing } from '@mantine/core';
import { focusFirstInvalid } from './use-zod-form';

/**
 * A useZodForm form: on submit it validates with the schema and sends what parsed through `save` (a
 * mutation), or moves focus to the first field that shows a message; the form's own message (a refusal
 * not about one field) on top. With `submitLabel` it ends with the submit button (and Cancel with `onCancel`).
 */
export function ValidatedForm<O>({
  form,
  save,
  label,
  gap = 'sm',
  submitLabel,
  onCancel,
  cancelLabel = 'Cancel',
  children,
}: {
  form: { validate: () => O | null; formError: string | null };
  save: { mutate: (input: O) => void; isPending: boolean };
  label?: string;
  gap?: MantineSpacing;
  submitLabel?: string;
  onCancel?: () => void;
  cancelLabel?: string;
  children: ReactNode;
}) {
  return (
    <form
      noValidate
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        const input = form.validate();
        if (input !== null) save.mutate(input);
        else focusFirstInvalid(e.currentTarget);
      }}
    >
      <Stack gap={gap}>
        {form.formError && (
          <Alert color="red" variant="light" role="alert">
            {form.formError}
          </Alert>
        )}
        {children}
        {submitLabel && (
          <Group justify="flex-end">
            {onCancel && (
              <Button variant="default" onClick={onCancel}>
                {cancelLabel}
              </Button>
            )}
            <Button type="submit" loading={save.isPending}>
              {submitLabel}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
