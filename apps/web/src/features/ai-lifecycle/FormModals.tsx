import type { FormEvent, ReactNode } from 'react';
import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { errorMessage } from '../../ui/QueryState';
import { ValidatedForm } from '../../ui/ValidatedForm';
import { LIFECYCLE_TEXT as T } from './text';

/** A modal useZodForm form: validated as you type, messages on their fields, Save and Cancel. */
export function ZodFormModal<O>({
  title,
  opened,
  onClose,
  form,
  save,
  children,
}: {
  title: string;
  opened: boolean;
  onClose: () => void;
  form: { validate: () => O | null; formError: string | null };
  save: { mutate: (input: O) => void; isPending: boolean };
  children: ReactNode;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg">
      <ValidatedForm
        label={title}
        form={form}
        save={save}
        submitLabel={T.save}
        onCancel={onClose}
        cancelLabel={T.cancel}
      >
        {children}
      </ValidatedForm>
    </Modal>
  );
}

/** A modal form: its fields, a submit button, the server's refusal on top. */
export function FormModal({
  title,
  opened,
  onClose,
  onSubmit,
  pending,
  error,
  children,
  size = 'lg',
}: {
  title: string;
  opened: boolean;
  onClose: () => void;
  onSubmit: () => void;
  pending: boolean;
  error: unknown;
  children: ReactNode;
  size?: string;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size}>
      <form
        noValidate
        aria-label={title}
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        <Stack gap="sm">
          {error ? (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(error)}
            </Alert>
          ) : null}
          {children}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {T.cancel}
            </Button>
            <Button type="submit" loading={pending}>
              {T.save}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
