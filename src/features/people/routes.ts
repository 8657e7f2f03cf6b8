import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import type { App } from '../../http/app.js';
import { Page, problems, WorkspaceParams } from '../../http/schemas.js';
import { toCsv } from '../../shared/csv.js';
import { invalid } from '../../shared/errors.js';
import { actorOf } from '../auth/actor.js';
import type { ExportFormat } from './export.js';
import { downloadExport, startExport } from './export-job.js';
import { startImport } from './import.js';
import { PeopleQuery, Person, PersonDetail, PersonInput } from './schemas.js';
import * as people from './service.js';

const PersonParams = Type.Object({ workspaceId: Type.String(), cioId: Type.String() });

function sendExport(reply: FastifyReply, format: ExportFormat, stream: Readable) {
  return reply
    .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson')
    .header('content-disposition', `attachment; filename="people.${format}"`)
    .send(stream);
}

/** The console's people API, under a workspace, each route guarded by the matrix. */
export function peopleRoutes(app: App, ctx: AppContext): void {
  const tags = ['People'];

  app.get(
    '/api/workspaces/:workspaceId/people',
    {
      config: { access: 'people.view' },
      schema: {
        tags,
        summary: 'People, by creation, a page at a time; masked for members with hidden attributes',
        description:
          'Filters: email=, id=, attr.<name>=<value>. Members with hidden attributes may not filter on values (403).',
        params: WorkspaceParams,
        querystring: PeopleQuery,
        response: {
          200: Page(Person),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (req) => people.listPeople(ctx, actorOf(req), req.params.workspaceId, req.query),
  );

  app.post(
    '/api/workspaces/:workspaceId/people',
    {
      config: { access: 'people.create' },
      schema: {
        tags,
        summary: 'Add a person',
        params: WorkspaceParams,
        body: PersonInput,
        response: { 201: Person, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await people.createPerson(ctx, actorOf(req), req.params.workspaceId, req.body)),
  );

  app.get(
    '/api/workspaces/:workspaceId/people/:cioId',
    {
      config: { access: 'people.view' },
      schema: {
        tags,
        summary: 'One person, with their devices',
        params: PersonParams,
        response: { 200: PersonDetail, ...problems(401, 404) },
      },
    },
    async (req) => people.getPerson(ctx, actorOf(req), req.params.workspaceId, req.params.cioId),
  );

  app.patch(
    '/api/workspaces/:workspaceId/people/:cioId',
    {
      config: { access: 'people.edit' },
      schema: {
        tags,
        summary: 'Change a person’s email, id or attributes (null removes an attribute)',
        params: PersonParams,
        body: PersonInput,
        response: { 200: Person, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => people.updatePerson(ctx, actorOf(req), req.params.workspaceId, req.params.cioId, req.body),
  );

  app.delete(
    '/api/workspaces/:workspaceId/people/:cioId',
    {
      config: { access: 'people.delete' },
      schema: {
        tags,
        summary: 'Delete a person and their events',
        params: PersonParams,
        response: { 204: Type.Null(), ...problems(401, 403, 404) },
      },
    },
    async (req, reply) => {
      await people.deletePerson(ctx, actorOf(req), req.params.workspaceId, req.params.cioId);
      return reply.code(204).send(null);
    },
  );

  // A CSV upload reaches its handler as a stream, parsed as it arrives (see startImport).
  app.addContentTypeParser('text/csv', (_request, payload, done) => done(null, payload));

  app.post(
    '/api/workspaces/:workspaceId/people/import',
    {
      config: { access: 'data.import', uploads: ['text/csv'] },
      schema: {
        tags,
        summary: 'Import people from a CSV file (Content-Type: text/csv); answers the job that applies it',
        description:
          'Header row: cio_id, id, email, and any attributes. mode=create adds people; mode=update changes them ' +
          '(an email changes only on rows that name the cio_id). Progress and refused rows: GET …/jobs/{jobId}.',
        params: WorkspaceParams,
        querystring: Type.Object({ mode: Type.Enum(['create', 'update']) }, { additionalProperties: false }),
        response: {
          202: Type.Object({ jobId: Type.String(), rows: Type.Integer() }),
          ...problems(400, 401, 403, 404, 409, 415),
        },
      },
    },
    async (req, reply) => {
      if (!(req.body instanceof Readable))
        throw invalid('/', 'send the CSV file as the body, with Content-Type: text/csv');
      const started = await startImport(ctx, actorOf(req), req.params.workspaceId, req.query.mode, req.body);
      return reply
        .code(202)
        .header('location', `/api/workspaces/${req.params.workspaceId}/jobs/${started.jobId}`)
        .send(started);
    },
  );

  app.get(
    '/api/workspaces/:workspaceId/people/export',
    {
      config: { access: 'data.export' },
      schema: {
        tags,
        summary: 'Every person, streamed as CSV or NDJSON',
        params: WorkspaceParams,
        querystring: Type.Object(
          { format: Type.Optional(Type.Enum(['csv', 'ndjson'])) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Unknown({ description: 'text/csv or application/x-ndjson, streamed' }),
          ...problems(401, 403, 404),
        },
      },
    },
    async (req, reply) => {
      const format = req.query.format ?? 'csv';
      const stream = await people.exportPeopleOf(ctx, actorOf(req), req.params.workspaceId, format);
      return sendExport(reply, format, stream);
    },
  );

  app.post(
    '/api/workspaces/:workspaceId/people/exports',
    {
      config: { access: 'data.export' },
      schema: {
        tags,
        summary:
          'Export every person as a job with progress; the file is at …/people/exports/{jobId} when done',
        params: WorkspaceParams,
        body: Type.Object(
          { format: Type.Optional(Type.Enum(['csv', 'ndjson'], { default: 'csv' })) },
          { additionalProperties: false },
        ),
        response: {
          202: Type.Object({ jobId: Type.String(), people: Type.Integer() }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (req, reply) => {
      const { workspaceId } = req.params;
      const started = await startExport(ctx, actorOf(req), workspaceId, req.body.format ?? 'csv');
      return reply
        .code(202)
        .header('location', `/api/workspaces/${workspaceId}/jobs/${started.jobId}`)
        .send(started);
    },
  );

  app.get(
    '/api/workspaces/:workspaceId/people/exports/:jobId',
    {
      config: { access: 'data.export' },
      schema: {
        tags,
        summary: 'The file of a finished export job (409 while it runs)',
        params: Type.Object({ workspaceId: Type.String(), jobId: Type.String() }),
        response: {
          200: Type.Unknown({ description: 'text/csv or application/x-ndjson, streamed' }),
          ...problems(401, 403, 404, 409),
        },
      },
    },
    async (req, reply) => {
      const file = await downloadExport(ctx, actorOf(req), req.params.workspaceId, req.params.jobId);
      return sendExport(reply, file.format, file.stream);
    },
  );

  app.get(
    '/api/workspaces/:workspaceId/data-index',
    {
      config: { access: 'data_index.view' },
      schema: {
        tags,
        summary: 'The attributes and event names seen in the workspace, with counts',
        params: WorkspaceParams,
        response: {
          200: Type.Object({
            attributes: Type.Array(Type.Object({ name: Type.String(), count: Type.Integer() })),
            events: Type.Array(Type.Object({ name: Type.String(), count: Type.Integer() })),
          }),
          ...problems(401, 403, 404),
        },
      },
    },
    async (req) => people.dataIndex(ctx, req.params.workspaceId),
  );

  app.get(
    '/api/workspaces/:workspaceId/data-index/export',
    {
      config: { access: 'data_index.export' },
      schema: {
        tags,
        summary: 'The data index as CSV: type (attribute or event), name, count',
        params: WorkspaceParams,
        response: { 200: Type.String({ description: 'text/csv' }), ...problems(401, 403, 404) },
      },
    },
    async (req, reply) => {
      const index = await people.dataIndex(ctx, req.params.workspaceId);
      const rows = [
        ...index.attributes.map((a) => ['attribute', a.name, a.count]),
        ...index.events.map((e) => ['event', e.name, e.count]),
      ];
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="data-index.csv"')
        .send(toCsv([['type', 'name', 'count'], ...rows]));
    },
  );
}
