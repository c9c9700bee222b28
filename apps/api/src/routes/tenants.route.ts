import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { getTenant, listTenants, systemActor, type Tenant } from '@madoguchi/core';
import type { Database } from '@madoguchi/db';
import type { FastifyInstance } from 'fastify';
import { errorResponse } from '../http/error-body';
import { TenantList, TenantParams, TenantSummary } from './tenants.types';

const summary = (tenant: Tenant) => ({ lgCode: tenant.lgCode, name: tenant.name });
// Which municipalities a deployment serves is public information.
const publicReader = systemActor('api', 'public-information');

export async function tenantRoutes(fastify: FastifyInstance, { db }: { db: Database }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/tenants',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'listTenants',
        tags: ['tenants'],
        summary: 'The municipalities this deployment serves',
        response: { 200: TenantList },
      },
    },
    async () => ({ items: (await listTenants(db, publicReader)).map(summary) }),
  );

  app.get(
    '/api/v1/tenants/:lgCode',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getTenant',
        tags: ['tenants'],
        summary: 'One municipality by its code',
        params: TenantParams,
        response: { 200: TenantSummary, 400: errorResponse, 404: errorResponse },
      },
    },
    async (request) => summary(await getTenant(db, publicReader, request.params.lgCode)),
  );
}
