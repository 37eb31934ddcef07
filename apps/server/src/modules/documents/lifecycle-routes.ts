import { ZReviewDecision, ZSubmitForReview, ZVersionDecision } from '@fortytwo/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { fileStoreOf } from '../../platform/file-stores';
import type { AppDeps } from '../../platform/http/app';
import { actorOf, membershipOf } from '../../platform/http/access';
import {
  approveVersion,
  publishVersion,
  recallFromReview,
  recordReview,
  sendBack,
  submitForReview,
  withdrawVersion,
} from './lifecycle';
import { ZVersionDetail } from './read';
import { ZVersionOnly, ZVersionParams } from './routes';

/**
 * A version's way through review and approval into force (7.5.2, 7.5.3): submit, recall, review, send
 * back, approve (its files made and kept), publish, withdraw. Writing drafts and reading stay in routes.ts.
 */
export function documentLifecycleRoutes(fastify: FastifyInstance, deps: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['Documents (7.5)'];
  const version = '/api/orgs/:orgId/documents/:id/versions/:versionId';
  const store = fileStoreOf(deps);
  const caller = (req: Parameters<typeof actorOf>[0]) => ({ actor: actorOf(req), role: membershipOf(req).role });

  app.post(
    `${version}/submit`,
    {
      config: { access: 'document.write' },
      schema: {
        tags,
        summary: 'Send a draft to review: reviewers get a task each',
        params: ZVersionParams,
        body: ZSubmitForReview,
        response: { 200: ZVersionDetail },
      },
    },
    async (req) => submitForReview(deps, actorOf(req), req.params.orgId, req.params.id, req.params.versionId, req.body),
  );
  app.post(
    `${version}/recall`,
    {
      config: { access: 'document.write' },
      schema: {
        tags,
        summary: 'Take a version back from review to change it',
        params: ZVersionParams,
        body: ZVersionOnly,
        response: { 200: ZVersionDetail },
      },
    },
    async (req) =>
      recallFromReview(deps, actorOf(req), req.params.orgId, req.params.id, req.params.versionId, req.body),
  );
  app.post(
    `${version}/reviews`,
    {
      config: { access: 'document.read' },
      schema: {
        tags,
        summary: 'An assigned reviewer agrees or asks for changes',
        params: ZVersionParams,
        body: ZReviewDecision,
        response: { 200: ZVersionDetail },
      },
    },
    async (req) => recordReview(deps, actorOf(req), req.params.orgId, req.params.id, req.params.versionId, req.body),
  );
  app.post(
    `${version}/send-back`,
    {
      config: { access: 'document.approve' },
      schema: {
        tags,
        summary: 'The approver returns a version in review to its author, saying what to change',
        params: ZVersionParams,
        body: ZVersionDecision,
        response: { 200: ZVersionDetail },
      },
    },
    async (req) => sendBack(deps, caller(req), req.params.orgId, req.params.id, req.params.versionId, req.body),
  );
  app.post(
    `${version}/approve`,
    {
      config: { access: 'document.approve' },
      schema: {
        tags,
        summary: 'Approve a version in review: its .docx and .pdf are made and kept by SHA-256',
        params: ZVersionParams,
        body: ZVersionDecision,
        response: { 200: ZVersionDetail },
      },
    },
    async (req) =>
      approveVersion(deps, store, caller(req), req.params.orgId, req.params.id, req.params.versionId, req.body),
  );
  app.post(
    `${version}/publish`,
    {
      config: { access: 'document.publish' },
      schema: {
        tags,
        summary: 'Put an approved version (or a non-material draft) in force; the version before is superseded',
        params: ZVersionParams,
        body: ZVersionOnly,
        response: { 200: ZVersionDetail },
      },
    },
    async (req) =>
      publishVersion(deps, store, actorOf(req), req.params.orgId, req.params.id, req.params.versionId, req.body),
  );
  app.post(
    `${version}/withdraw`,
    {
      config: { access: 'document.publish' },
      schema: {
        tags,
        summary: 'Take a version out of use, with the reason; nothing is deleted',
        params: ZVersionParams,
        body: ZVersionDecision,
        response: { 200: ZVersionDetail },
      },
    },
    async (req) => withdrawVersion(deps, actorOf(req), req.params.orgId, req.params.id, req.params.versionId, req.body),
  );
}
