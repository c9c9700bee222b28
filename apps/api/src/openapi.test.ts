import { readFile } from 'node:fs/promises';
import type { Database } from '@madoguchi/db';
import { createTestDatabase } from '@madoguchi/db/testing';
import { Validator } from '@seriousme/openapi-schema-validator';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app';
import { openApiDocumentText } from './openapi-document';

const COMMITTED = new URL('../../../docs/openapi.json', import.meta.url);
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

describe('OpenAPI document', () => {
  let db: Database;
  let app: FastifyInstance;
  beforeAll(async () => {
    db = await createTestDatabase();
    app = await buildApp({ db, logger: false });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  it('is served at /api/v1/openapi.json and is a valid OpenAPI 3 document', async () => {
    const response = await app.inject('/api/v1/openapi.json');
    expect(response.statusCode).toBe(200);
    const validator = new Validator();
    const result = await validator.validate(response.json());
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toMatch(/^3\./);
  });

  it('gives every operation an operationId, tags and the error body for its errors', async () => {
    const doc = (await app.inject('/api/v1/openapi.json')).json();
    const operations = Object.entries(doc.paths as Record<string, Record<string, Record<string, unknown>>>).flatMap(
      ([path, item]) => METHODS.filter((m) => item[m]).map((m) => ({ path, method: m, op: item[m] ?? {} })),
    );
    expect(operations.length).toBeGreaterThanOrEqual(4);
    const ids = operations.map((o) => o.op.operationId);
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { op } of operations) expect((op.tags as string[]).length).toBeGreaterThan(0);
    expect(doc.components.schemas.ErrorBody).toBeDefined();
  });

  it('matches docs/openapi.json (run `npm run openapi` after changing a route)', async () => {
    expect(await readFile(COMMITTED, 'utf8')).toBe(openApiDocumentText(app));
  });
});
