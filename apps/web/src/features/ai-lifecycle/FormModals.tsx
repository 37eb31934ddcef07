import type { ReactNode } from 'react';
import { Modal } from '@mantine/core';
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
  size = 'lg',
}: {
  title: string;
  opened: boolean;
  onClose: () => void;
  form: { validate: () => O | null; formError: string | null };
  save: { mutate: (input: O) => void; isPending: boolean };
  children: ReactNode;
  size?: string;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size}>
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
