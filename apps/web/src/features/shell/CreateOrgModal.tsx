import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { ZOrganizationName } from '@fortytwo/domain';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import type { Organization } from '../../api/types';
import { meKey } from '../../api/session';
import { useZodForm } from '../../ui/use-zod-form';
import { notifySuccess } from '../../ui/notify';
import { SHELL_TEXT } from './text';

const ZNewOrg = z.object({ name: ZOrganizationName });

export function CreateOrgModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const form = useZodForm(ZNewOrg, { name: '' });
  const qc = useQueryClient();
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: (body: z.output<typeof ZNewOrg>) => api.post<Organization>('/api/orgs', body),
    onSuccess: async (org) => {
      await qc.invalidateQueries({ queryKey: meKey });
      notifySuccess(`${org.name} is ready. You are its owner.`);
      close();
      void navigate(`/orgs/${org.id}`);
    },
    onError: (e) => form.showServerError(e),
  });
  const close = () => {
    form.reset({ name: '' });
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={SHELL_TEXT.createOrgTitle} centered>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const body = form.validate();
          if (body) create.mutate(body);
        }}
      >
        <Stack>
          <Text size="sm" c="dimmed">
            {SHELL_TEXT.createOrgHelp}
          </Text>
          <TextInput {...form.field('name')} label={SHELL_TEXT.orgName} required data-autofocus />
          {form.formError && (
            <Text c="red" size="sm" role="alert">
              {form.formError}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {SHELL_TEXT.cancel}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {SHELL_TEXT.create}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
