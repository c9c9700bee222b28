import { randomUUID } from 'node:crypto';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  AppError,
  authorizeStaff,
  exportResidents,
  type ImportProgress,
  importResidents,
  isAppError,
} from '@madoguchi/core';
import type { Database } from '@madoguchi/db';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { sessionLgCode, staffActor } from '../http/actors';
import { errorResponse } from '../http/error-body';
import { ExportBody, ImportJob, ImportJobParams } from './registry.types';

const transfer = { staff: { permission: 'registry.transfer', sensitivity: 'sensitive' } } as const;
/** A residents-v1 file of a large city (1.5 million rows) is about 300 MB. */
const IMPORT_LIMIT_BYTES = 512 * 1024 * 1024;

/**
 * Import as an asynchronous job (202 + a job to poll) and export as a CSV stream. Progress lives in
 * memory while the job runs (the import holds its transaction); the outcome is stored in
 * registry_import_job. The job row keeps problem locations and codes, never row contents.
 */
export async function registryTransferRoutes(fastify: FastifyInstance, { db }: { db: Database }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const running = new Map<string, ImportProgress>();
  app.addContentTypeParser('text/csv', { parseAs: 'buffer', bodyLimit: IMPORT_LIMIT_BYTES }, (_request, body, done) =>
    done(null, body),
  );

  app.post(
    '/api/v1/registry/imports',
    {
      config: { access: transfer },
      bodyLimit: IMPORT_LIMIT_BYTES,
      schema: {
        operationId: 'importResidents',
        tags: ['registry'],
        summary: 'Start importing a madoguchi-residents-v1 file (body: text/csv); poll the job for progress',
        consumes: ['text/csv'],
        response: { 202: ImportJob, 400: errorResponse, 401: errorResponse, 403: errorResponse, 415: errorResponse },
      },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) {
        throw new AppError('VALIDATION_FAILED', 'send the file as the request body with Content-Type: text/csv', {
          field: 'body',
        });
      }
      const bytes = request.body;
      const lgCode = sessionLgCode(request);
      const actor = staffActor(request, 'data-migration');
      const jobId = randomUUID();
      await db.kysely
        .insertInto('registry_import_job')
        .values({ lg_code: lgCode, job_id: jobId, status: 'validating', operator_id: actor.id })
        .execute();
      running.set(jobId, { phase: 'validating', done: 0, total: null });
      void importResidents(db, actor, { lgCode, bytes, onProgress: (p) => running.set(jobId, p) })
        .then((result) => finish(db, lgCode, jobId, 'succeeded', result.rows, { ...result }))
        .catch((error: unknown) =>
          finish(
            db,
            lgCode,
            jobId,
            'failed',
            null,
            isAppError(error)
              ? { code: error.code, message: error.message, ...error.details }
              : { code: 'INTERNAL', message: 'the import failed; see the service log' },
          ).then(() => {
            // The driver's message can quote a COPY line (personal data): log the code only.
            if (!isAppError(error))
              request.log.error({ jobId, code: (error as { code?: unknown }).code ?? 'unknown' }, 'import failed');
          }),
        )
        .finally(() => running.delete(jobId));
      return reply.code(202).send({ jobId, status: 'validating', totalRows: null, processedRows: 0, result: null });
    },
  );

  app.get(
    '/api/v1/registry/imports/:jobId',
    {
      config: { access: transfer },
      schema: {
        operationId: 'getImportJob',
        tags: ['registry'],
        summary: 'Progress and outcome of an import job',
        params: ImportJobParams,
        response: { 200: ImportJob, 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse },
      },
    },
    async (request) => {
      const lgCode = sessionLgCode(request);
      const live = running.get(request.params.jobId);
      const row = await db.kysely
        .selectFrom('registry_import_job')
        .selectAll()
        .where('lg_code', '=', lgCode)
        .where('job_id', '=', request.params.jobId)
        .executeTakeFirst();
      if (!row) throw new AppError('IMPORT_JOB_NOT_FOUND', 'no import job with that id', { field: 'jobId' });
      if (live && row.status !== 'succeeded' && row.status !== 'failed') {
        return { jobId: row.job_id, status: live.phase, totalRows: live.total, processedRows: live.done, result: null };
      }
      return {
        jobId: row.job_id,
        status: row.status,
        totalRows: row.total_rows,
        processedRows: row.processed_rows,
        result: row.result,
      };
    },
  );

  app.post(
    '/api/v1/registry/exports',
    {
      config: { access: transfer },
      schema: {
        operationId: 'exportResidents',
        tags: ['registry'],
        summary:
          'Export current records as madoguchi-residents-v1 (text/csv); supported persons only with a recorded reason',
        body: ExportBody,
        produces: ['text/csv'],
        response: {
          200: Type.String({ description: 'the CSV file' }),
          400: errorResponse,
          401: errorResponse,
          403: errorResponse,
        },
      },
    },
    async (request, reply) => {
      const lgCode = sessionLgCode(request);
      if (request.body.includeSupported && request.principal?.kind === 'staff') {
        const decision = authorizeStaff(request.principal.staff, {
          permission: 'support-measure.export',
          sensitivity: 'special',
        });
        if (!decision.allowed)
          throw new AppError('ACCESS_DENIED', 'including supported persons needs the support-measure role', {
            field: 'includeSupported',
          });
      }
      const chunks: string[] = [];
      await exportResidents(
        db,
        staffActor(request, 'data-migration'),
        { lgCode, ...(request.body.includeSupported ? { includeSupported: request.body.includeSupported } : {}) },
        (chunk) => {
          chunks.push(chunk);
        },
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="residents-v1.csv"')
        .send(chunks.join(''));
    },
  );
}

async function finish(
  db: Database,
  lgCode: string,
  jobId: string,
  status: 'succeeded' | 'failed',
  rows: number | null,
  result: Record<string, unknown>,
) {
  await db.kysely
    .updateTable('registry_import_job')
    .set({
      status,
      total_rows: rows,
      processed_rows: rows ?? 0,
      result: JSON.stringify(result),
      finished_at: new Date(),
    })
    .where('lg_code', '=', lgCode)
    .where('job_id', '=', jobId)
    .execute();
}
