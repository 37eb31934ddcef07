import { Modal, MultiSelect, Select, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ZReviewFields } from '@fortytwo/domain';
import { api } from '../../api/client';
import { notifySuccess } from '../../ui/notify';
import { useZodForm } from '../../ui/use-zod-form';
import { ValidatedForm } from '../../ui/ValidatedForm';
import { useMembers } from '../members/api';
import { refreshReviews, reviewPath, reviewsPath, type Review } from './api';
import { REVIEWS_TEXT as T } from './text';

type Values = { title: string; meetingDate: string; chairId: string | null; attendeeIds: string[] };
const EMPTY: Values = {
  title: `Management review ${new Date().getFullYear()}`,
  meetingDate: new Date().toISOString().slice(0, 10),
  chairId: null,
  attendeeIds: [],
};
const valuesOf = (r: Review): Values => ({
  title: r.title,
  meetingDate: r.meetingDate,
  chairId: r.chairId,
  attendeeIds: r.attendees.map((a) => a.id).filter((id) => id !== r.chairId),
});

/** Plans a review, or changes its meeting while it is planned (sending the version it was read at). */
export function ReviewForm({
  orgId,
  review,
  opened,
  onClose,
  onSaved,
}: {
  orgId: string;
  review?: Review;
  opened: boolean;
  onClose: () => void;
  onSaved?: (r: Review) => void;
}) {
  const qc = useQueryClient();
  const members = useMembers(orgId);
  const form = useZodForm(ZReviewFields, review ? valuesOf(review) : EMPTY);
  const save = useMutation({
    mutationFn: (input: unknown) =>
      review
        ? api.patch<Review>(reviewPath(orgId, review.id), { ...(input as object), version: review.version })
        : api.post<Review>(reviewsPath(orgId), input),
    onSuccess: async (r) => {
      await refreshReviews(qc, orgId);
      notifySuccess(review ? T.saved : T.created(r.ref));
      onSaved?.(r);
      onClose();
      if (!review) form.reset(EMPTY);
    },
    onError: (e) => form.showServerError(e),
  });
  const people = (members.data ?? []).map((m) => ({ value: m.user.id, label: m.user.name }));

  return (
    <Modal opened={opened} onClose={onClose} title={review ? `${T.edit} ${review.ref}` : T.add} size="lg">
      <ValidatedForm form={form} save={save} submitLabel={T.save} onCancel={onClose}>
        <TextInput {...form.field('title')} label={T.fields.title} required data-autofocus />
        <TextInput {...form.field('meetingDate')} label={T.fields.meetingDate} type="date" required />
        <Select {...form.field('chairId')} label={T.fields.chairId} data={people} clearable searchable />
        <MultiSelect {...form.field('attendeeIds')} label={T.fields.attendeeIds} data={people} searchable />
      </ValidatedForm>
    </Modal>
  );
}
