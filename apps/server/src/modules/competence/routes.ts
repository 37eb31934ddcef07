import { z } from 'zod';
import {
  ASSIGNMENT_STATUSES,
  ZAssignmentFields,
  ZCompetenceFields,
  ZCompletionFields,
  ZDevelopmentActionFields,
  ZPersonFields,
  ZUpdateAssignment,
  ZUpdateCompetence,
  ZUpdateDevelopmentAction,
  ZUpdatePerson,
} from '@fortytwo/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/http/app';
import { actorOf } from '../../platform/http/access';
import { ZOrgParams } from '../orgs/schema';
import { assignTraining, completeAssignment, listAssignments, updateAssignment } from './assignments';
import { createCompetence, listCompetences, removeCompetence, updateCompetence } from './competences';
import {
  createDevelopmentAction,
  listDevelopmentActions,
  removeDevelopmentAction,
  updateDevelopmentAction,
} from './development-actions';
import { loadMatrix, personDetail } from './matrix';
import { createPerson, listPeople, removePerson, updatePerson } from './people';
import { ZAssignmentOut, ZCompetenceOut, ZDevelopmentActionOut, ZMatrixOut, ZPersonDetail, ZPersonOut } from './schema';

// Competence, training and awareness (7.2, 7.3, A.4.6): competences, people, development actions,
// training assignments with their completions, and the matrix derived from them.

const ZIdParams = ZOrgParams.extend({ id: z.string().max(64) });
export const ZAssignmentFilter = z.object({
  personId: z.string().max(64).optional(),
  status: z.enum(ASSIGNMENT_STATUSES, { error: `status must be one of: ${ASSIGNMENT_STATUSES.join(', ')}` }).optional(),
});
const list = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.null() });

export function competenceRoutes(fastify: FastifyInstance, deps: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['Competence, training and awareness (7.2, 7.3)'];
  const read = { access: 'competence.read' as const };
  const write = { access: 'competence.write' as const };

  const competences = '/api/orgs/:orgId/competences';
  app.get(
    competences,
    {
      config: read,
      schema: {
        tags,
        summary: 'The competences the organization requires, per AI role and RACI responsibility',
        params: ZOrgParams,
        response: { 200: list(ZCompetenceOut) },
      },
    },
    async (req) => ({ items: await listCompetences(deps.db, req.params.orgId), nextCursor: null }),
  );
  app.post(
    competences,
    {
      config: write,
      schema: {
        tags,
        summary: 'Record a required competence',
        params: ZOrgParams,
        body: ZCompetenceFields,
        response: { 201: ZCompetenceOut },
      },
    },
    async (req, reply) => reply.code(201).send(await createCompetence(deps, actorOf(req), req.params.orgId, req.body)),
  );
  app.patch(
    `${competences}/:id`,
    {
      config: write,
      schema: {
        tags,
        summary: 'Change a competence',
        params: ZIdParams,
        body: ZUpdateCompetence,
        response: { 200: ZCompetenceOut },
      },
    },
    async (req) => updateCompetence(deps, actorOf(req), req.params.orgId, req.params.id, req.body),
  );
  app.delete(
    `${competences}/:id`,
    { config: write, schema: { tags, summary: 'Delete a competence no action gives', params: ZIdParams } },
    async (req, reply) => {
      await removeCompetence(deps, actorOf(req), req.params.orgId, req.params.id);
      return reply.code(204).send();
    },
  );

  const people = '/api/orgs/:orgId/people';
  app.get(
    people,
    {
      config: read,
      schema: {
        tags,
        summary: 'People: current members, people without an account (contractors), former members',
        params: ZOrgParams,
        response: { 200: list(ZPersonOut) },
      },
    },
    async (req) => ({ items: await listPeople(deps.db, req.params.orgId), nextCursor: null }),
  );
  app.post(
    people,
    {
      config: write,
      schema: {
        tags,
        summary: "Record a person without an account (a contractor, a partner's staff)",
        params: ZOrgParams,
        body: ZPersonFields,
        response: { 201: ZPersonOut },
      },
    },
    async (req, reply) => reply.code(201).send(await createPerson(deps, actorOf(req), req.params.orgId, req.body)),
  );
  app.get(
    `${people}/:id`,
    {
      config: read,
      schema: {
        tags,
        summary: 'One person with their training records, competences and awareness of the AI policy',
        params: ZIdParams,
        response: { 200: ZPersonDetail },
      },
    },
    async (req) => personDetail(deps.db, req.params.orgId, req.params.id),
  );
  app.patch(
    `${people}/:id`,
    {
      config: write,
      schema: {
        tags,
        summary:
          'Change a person: AI roles, organization, internal or external, active (version 0 for a member never edited)',
        params: ZIdParams,
        body: ZUpdatePerson,
        response: { 200: ZPersonOut },
      },
    },
    async (req) => updatePerson(deps, actorOf(req), req.params.orgId, req.params.id, req.body),
  );
  app.delete(
    `${people}/:id`,
    {
      config: write,
      schema: {
        tags,
        summary:
          'Delete a person without an account recorded by mistake (one with training records is marked inactive instead)',
        params: ZIdParams,
      },
    },
    async (req, reply) => {
      await removePerson(deps, actorOf(req), req.params.orgId, req.params.id);
      return reply.code(204).send();
    },
  );

  const actions = '/api/orgs/:orgId/development-actions';
  app.get(
    actions,
    {
      config: read,
      schema: {
        tags,
        summary: 'Courses, trainings and other development actions, with the competences they give',
        params: ZOrgParams,
        response: { 200: list(ZDevelopmentActionOut) },
      },
    },
    async (req) => ({ items: await listDevelopmentActions(deps.db, req.params.orgId), nextCursor: null }),
  );
  app.post(
    actions,
    {
      config: write,
      schema: {
        tags,
        summary: 'Record a course, training or other development action',
        params: ZOrgParams,
        body: ZDevelopmentActionFields,
        response: { 201: ZDevelopmentActionOut },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await createDevelopmentAction(deps, actorOf(req), req.params.orgId, req.body)),
  );
  app.patch(
    `${actions}/:id`,
    {
      config: write,
      schema: {
        tags,
        summary: 'Change a development action (a new validity applies to completions recorded from then on)',
        params: ZIdParams,
        body: ZUpdateDevelopmentAction,
        response: { 200: ZDevelopmentActionOut },
      },
    },
    async (req) => updateDevelopmentAction(deps, actorOf(req), req.params.orgId, req.params.id, req.body),
  );
  app.delete(
    `${actions}/:id`,
    { config: write, schema: { tags, summary: 'Delete a development action never assigned', params: ZIdParams } },
    async (req, reply) => {
      await removeDevelopmentAction(deps, actorOf(req), req.params.orgId, req.params.id);
      return reply.code(204).send();
    },
  );

  const assignments = '/api/orgs/:orgId/training-assignments';
  app.get(
    assignments,
    {
      config: read,
      schema: {
        tags,
        summary: 'Training records: assignments with their due dates and completions',
        params: ZOrgParams,
        querystring: ZAssignmentFilter,
        response: { 200: list(ZAssignmentOut) },
      },
    },
    async (req) => ({ items: await listAssignments(deps.db, req.params.orgId, req.query), nextCursor: null }),
  );
  app.post(
    assignments,
    {
      config: write,
      schema: {
        tags,
        summary: 'Assign a development action to a person, with a due date',
        params: ZOrgParams,
        body: ZAssignmentFields,
        response: { 201: ZAssignmentOut },
      },
    },
    async (req, reply) => reply.code(201).send(await assignTraining(deps, actorOf(req), req.params.orgId, req.body)),
  );
  app.patch(
    `${assignments}/:id`,
    {
      config: write,
      schema: {
        tags,
        summary: 'Move the due date of an open assignment, or cancel it',
        params: ZIdParams,
        body: ZUpdateAssignment,
        response: { 200: ZAssignmentOut },
      },
    },
    async (req) => updateAssignment(deps, actorOf(req), req.params.orgId, req.params.id, req.body),
  );
  app.post(
    `${assignments}/:id/completions`,
    {
      config: write,
      schema: {
        tags,
        summary:
          'Record a completion with its evidence (a certificate or an attestation); passed or attended closes the assignment',
        params: ZIdParams,
        body: ZCompletionFields,
        response: { 201: ZAssignmentOut },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await completeAssignment(deps, actorOf(req), req.params.orgId, req.params.id, req.body)),
  );

  app.get(
    '/api/orgs/:orgId/competence-matrix',
    {
      config: read,
      schema: {
        tags,
        summary:
          'The competence matrix: each active person against each competence (met, expiring, expired, gap), with awareness of the AI policy',
        params: ZOrgParams,
        response: { 200: ZMatrixOut },
      },
    },
    async (req) => loadMatrix(deps.db, req.params.orgId),
  );
}
