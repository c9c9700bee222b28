import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { getProcedure, listProcedures, publishProcedure, retireProcedure, syncProcedureCatalog } from '@madoguchi/core';
import type { Database } from '@madoguchi/db';
import type { FastifyInstance } from 'fastify';
import { sessionLgCode, staffActor } from '../http/actors';
import { errorResponse } from '../http/error-body';
import {
  AdminProcedureParams,
  CatalogParams,
  ProcedureDefinitionView,
  ProcedureList,
  ProcedureParams,
  ProcedureVersionQuery,
  PublishBody,
  PublishResult,
  SyncResult,
} from './procedures.types';

const manage = { staff: { permission: 'procedure.catalog.manage', sensitivity: 'internal' } } as const;
const refusals = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 422: errorResponse };

/** The procedure catalog: public to read (どこでも市役所), published and retired by procedure admins. */
export async function procedureRoutes(fastify: FastifyInstance, { db }: { db: Database }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/tenants/:lgCode/procedures',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'listProcedures',
        tags: ['procedures'],
        summary: 'The procedures a municipality offers online, in the version offered now',
        params: CatalogParams,
        response: { 200: ProcedureList, 400: errorResponse },
      },
    },
    async (request) => ({ items: await listProcedures(db, request.params.lgCode) }),
  );

  app.get(
    '/api/v1/tenants/:lgCode/procedures/:procedureId',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getProcedure',
        tags: ['procedures'],
        summary: "One procedure's definition: the version offered now, or a given version",
        params: ProcedureParams,
        querystring: ProcedureVersionQuery,
        response: { 200: ProcedureDefinitionView, 400: errorResponse, 404: errorResponse },
      },
    },
    async (request) => {
      const version = request.query.version === undefined ? undefined : Number(request.query.version);
      const stored = await getProcedure(db, request.params.lgCode, request.params.procedureId, version);
      return {
        procedureId: stored.procedureId,
        version: stored.version,
        status: stored.status,
        definition: stored.definition as unknown as Record<string, unknown>,
      };
    },
  );

  app.post(
    '/api/v1/admin/procedures',
    {
      config: { access: manage },
      schema: {
        operationId: 'publishProcedure',
        tags: ['procedures'],
        summary: 'Publish a definition as the next version of its procedure (checked first; every problem listed)',
        body: PublishBody,
        response: { 200: PublishResult, ...refusals },
      },
    },
    async (request) =>
      publishProcedure(db, staffActor(request, 'procedure-administration'), {
        lgCode: sessionLgCode(request),
        definition: request.body.definition,
      }),
  );

  app.post(
    '/api/v1/admin/procedures/sync',
    {
      config: { access: manage },
      schema: {
        operationId: 'syncProcedureCatalog',
        tags: ['procedures'],
        summary: "Publish the standard catalog's procedures whose content differs from their latest version",
        response: { 200: SyncResult, ...refusals },
      },
    },
    async (request) => ({
      items: await syncProcedureCatalog(db, staffActor(request, 'procedure-administration'), sessionLgCode(request)),
    }),
  );

  app.post(
    '/api/v1/admin/procedures/:procedureId/retire',
    {
      config: { access: manage },
      schema: {
        operationId: 'retireProcedure',
        tags: ['procedures'],
        summary: 'Stop offering a procedure; applications already started go on in their version',
        params: AdminProcedureParams,
        response: { 200: PublishResult, ...refusals },
      },
    },
    async (request) => {
      const retired = await retireProcedure(db, staffActor(request, 'procedure-administration'), {
        lgCode: sessionLgCode(request),
        procedureId: request.params.procedureId,
      });
      return { ...retired, published: false };
    },
  );
}
