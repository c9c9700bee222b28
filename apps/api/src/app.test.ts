import { addTenant, systemActor } from '@madoguchi/core';
import type { Database } from '@madoguchi/db';
import { createTestDatabase } from '@madoguchi/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withFreshApp } from '../test/fresh-app';
import { buildApp } from './app';

describe('API', () => {
  let db: Database;
  let app: FastifyInstance;

  beforeAll(async () => {
    db = await createTestDatabase();
    await addTenant(db, systemActor('test'), { lgCode: '999997', name: 'デモ市' });
    app = await buildApp({ db, logger: false });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  it('answers liveness and readiness', async () => {
    expect((await app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await app.inject('/readyz');
    expect([ready.statusCode, ready.json()]).toEqual([200, { status: 'ready' }]);
  });

  it('lists the municipalities served', async () => {
    const response = await app.inject('/api/v1/tenants');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ items: [{ lgCode: '999997', name: 'デモ市' }] });
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('explains a wrong code and a missing municipality in the one error body', async () => {
    const bad = await app.inject('/api/v1/tenants/999990');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({
      error: {
        code: 'INVALID_LG_CODE',
        message: 'lgCode has a wrong check digit: the 6th digit should be 7',
        details: { field: 'lgCode', expectedCheckDigit: 7 },
      },
    });
    const missing = await app.inject('/api/v1/tenants/131130');
    expect([missing.statusCode, missing.json().error.code]).toEqual([404, 'TENANT_NOT_FOUND']);
  });

  it('answers an unknown API route with the error body, not HTML', async () => {
    const response = await app.inject({ url: '/api/v1/nothing?x=1', headers: { accept: 'text/html' } });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: { code: 'NOT_FOUND', message: 'no such route: GET /api/v1/nothing', details: {} },
    });
  });

  it('gives every response a request id, keeping a well-formed one from a proxy', async () => {
    const own = await app.inject('/healthz');
    expect(own.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await app.inject({ url: '/healthz', headers: { 'x-request-id': 'proxy-1234abcd' } });
    expect(kept.headers['x-request-id']).toBe('proxy-1234abcd');
    const replaced = await app.inject({ url: '/healthz', headers: { 'x-request-id': 'bad id <script>' } });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends security headers, on errors too', async () => {
    for (const url of ['/api/v1/tenants', '/api/v1/no-such-route', '/api/v1/tenants/12/procedures']) {
      const response = await app.inject(url);
      expect(response.headers['content-security-policy'], url).toContain("default-src 'self'");
      expect(response.headers['content-security-policy'], url).toContain("frame-ancestors 'none'");
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
      expect(response.headers['x-frame-options'], url).toBe('SAMEORIGIN');
      expect(response.headers['referrer-policy'], url).toBe('no-referrer');
      expect(response.headers['strict-transport-security'], url).toMatch(/^max-age=\d+/);
    }
  });

  it('serves the API documentation', async () => {
    const docs = await app.inject('/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
  });
});

describe('API on a database that is not migrated', () => {
  it('is not ready, and says why', async () => {
    await withFreshApp(
      async (app) => {
        const response = await app.inject('/readyz');
        expect(response.statusCode).toBe(503);
        expect(response.json()).toEqual({
          error: { code: 'NOT_READY', message: 'the service is not ready', details: { reason: 'SCHEMA_NOT_MIGRATED' } },
        });
      },
      { migrated: false },
    );
  });
});
