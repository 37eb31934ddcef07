import { z } from 'zod';
import { ZReviewAction, ZReviewFields, ZUpdateReview, versionField } from '@fortytwo/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/http/app';
import { actorOf } from '../../platform/http/access';
import { DOCUMENT_FORMATS, sendDocument } from '../../platform/documents/send';
import { ZActionAnswer } from '../actions/service';
import { collectOwners, oneWithPeople, ZPeople, type People } from '../../platform/people';
import { ZOrgParams } from '../orgs/schema';
import { minutesDocument } from './minutes';
import { minutesRecordFile } from './minutes-record';
import { fileStoreOf } from '../../platform/file-stores';
import { attachment } from '../../platform/http/content-disposition';
import {
  addReviewAction,
  createReview,
  getReview,
  holdReview,
  listReviews,
  removeReview,
  signOffReview,
  updateReview,
  ZReviewOut,
  ZReviewSummary,
  type ReviewOut,
} from './service';

const ZIdParams = ZOrgParams.extend({ id: z.string().max(64) });
const ZVersion = z.strictObject({ version: versionField() });

/** One review's answer: each action names its owner by id, `people` names them once (issue 19). */
const ZReviewAnswer = ZReviewOut.extend({ people: ZPeople });
function reviewWithPeople(r: ReviewOut) {
  const people: People = {};
  return { ...r, actions: collectOwners(r.actions, people), people };
}

export function reviewRoutes(fastify: FastifyInstance, deps: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['Management review'];
  const base = '/api/orgs/:orgId/management-reviews';
  const store = fileStoreOf(deps);

  app.get(
    base,
    {
      config: { access: 'review.read' },
      schema: {
        tags,
        summary: 'Management reviews (9.3), latest meeting first',
        params: ZOrgParams,
        response: { 200: z.object({ items: z.array(ZReviewSummary), nextCursor: z.null() }) },
      },
    },
    async (req) => ({ items: await listReviews(deps.db, req.params.orgId), nextCursor: null }),
  );
  app.post(
    base,
    {
      config: { access: 'review.write' },
      schema: {
        tags,
        summary: 'Plan a management review: title, meeting date, chair and attendees',
        params: ZOrgParams,
        body: ZReviewFields,
        response: { 201: ZReviewAnswer },
      },
    },
    async (req, reply) =>
      reply.code(201).send(reviewWithPeople(await createReview(deps, actorOf(req), req.params.orgId, req.body))),
  );
  app.get(
    `${base}/:id`,
    {
      config: { access: 'review.read' },
      schema: {
        tags,
        summary: 'One review with its input pack (live while planned, frozen once held) and its warnings',
        params: ZIdParams,
        response: { 200: ZReviewAnswer },
      },
    },
    async (req) => reviewWithPeople(await getReview(deps, req.params.orgId, req.params.id)),
  );
  app.patch(
    `${base}/:id`,
    {
      config: { access: 'review.write' },
      schema: {
        tags,
        summary:
          'Change a review (the meeting while planned; decisions and conclusion until sign-off); send the version you read',
        params: ZIdParams,
        body: ZUpdateReview,
        response: { 200: ZReviewAnswer },
      },
    },
    async (req) => reviewWithPeople(await updateReview(deps, actorOf(req), req.params.orgId, req.params.id, req.body)),
  );
  app.delete(
    `${base}/:id`,
    {
      config: { access: 'review.write' },
      schema: { tags, summary: 'Delete a review still planned', params: ZIdParams },
    },
    async (req, reply) => {
      await removeReview(deps, actorOf(req), req.params.orgId, req.params.id);
      return reply.code(204).send();
    },
  );
  app.post(
    `${base}/:id/hold`,
    {
      config: { access: 'review.write' },
      schema: {
        tags,
        summary: 'Hold the review: the input pack and attendance are frozen as they stand',
        params: ZIdParams,
        body: ZVersion,
        response: { 200: ZReviewAnswer },
      },
    },
    async (req) => reviewWithPeople(await holdReview(deps, actorOf(req), req.params.orgId, req.params.id, req.body)),
  );
  app.post(
    `${base}/:id/sign-off`,
    {
      config: { access: 'review.approve' },
      schema: {
        tags,
        summary: 'The chair signs the minutes off; the review becomes a record',
        params: ZIdParams,
        body: ZVersion,
        response: { 200: ZReviewAnswer },
      },
    },
    async (req) =>
      reviewWithPeople(await signOffReview(deps, store, actorOf(req), req.params.orgId, req.params.id, req.body)),
  );
  app.post(
    `${base}/:id/actions`,
    {
      config: { access: 'review.write' },
      schema: {
        tags,
        summary: 'Record an action decided by the review; it becomes a task of its owner',
        params: ZIdParams,
        body: ZReviewAction,
        response: { 201: ZActionAnswer },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(oneWithPeople(await addReviewAction(deps, actorOf(req), req.params.orgId, req.params.id, req.body))),
  );
  for (const format of DOCUMENT_FORMATS)
    app.get(
      `${base}/:id/minutes.${format}`,
      {
        config: { access: 'review.read' },
        schema: {
          tags,
          summary: `The minutes as ${format.toUpperCase()}; once signed off, the record's stored file`,
          params: ZIdParams,
        },
      },
      async (req, reply) => {
        const record = await minutesRecordFile(deps, store, req.params.orgId, req.params.id, format);
        if (record?.kind === 'stored') {
          reply.header('content-disposition', attachment(record.fileName));
          reply.header('x-content-sha256', record.sha256);
          return reply.type(record.mediaType).send(record.bytes);
        }
        if (record) return sendDocument(reply, format, record.report);
        const review = await getReview(deps, req.params.orgId, req.params.id);
        const org = await deps.db
          .selectFrom('organizations')
          .select('name')
          .where('id', '=', req.params.orgId)
          .executeTakeFirstOrThrow();
        return sendDocument(reply, format, minutesDocument(org.name, review));
      },
    );
}
