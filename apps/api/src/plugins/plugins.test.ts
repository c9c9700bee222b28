import { Writable } from 'node:stream';
import { createTestDatabase, serverErrorQuoting } from '@madoguchi/db/testing';
import Fastify, { type FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { registerErrorHandler } from './error-handler';
import { registerJsonBodyParser } from './json-body';
import { loggerOptions, redactPaths } from './logging';
import { RouteDeclarationError, registerRoutePolicy } from './route-policy';
import { AJV_OPTIONS } from './validation';

function capture(): { stream: Writable; lines: () => Array<Record<string, unknown>> } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      chunks.push(String(chunk));
      callback();
    },
  });
  return {
    stream,
    lines: () =>
      chunks
        .join('')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line)),
  };
}

describe('request handling plugins', () => {
  let app: FastifyInstance;
  afterEach(async () => {
    await app?.close();
  });

  async function appWith(logStream?: Writable): Promise<FastifyInstance> {
    app = Fastify({ logger: logStream ? loggerOptions({ stream: logStream }) : false, ajv: AJV_OPTIONS });
    registerErrorHandler(app);
    registerJsonBodyParser(app);
    app.post(
      '/echo',
      {
        schema: {
          body: {
            type: 'object',
            required: ['lgCode', 'name'],
            additionalProperties: false,
            properties: { lgCode: { type: 'string', pattern: '^[0-9]{6}$' }, name: { type: 'string', minLength: 1 } },
          },
        },
      },
      async (request) => request.body,
    );
    app.get('/boom', async () => {
      throw new Error('database password is hunter2');
    });
    await app.ready();
    return app;
  }

  it('says where a JSON body is broken, by line and column, without quoting it', async () => {
    await appWith();
    const response = await app.inject({
      method: 'POST',
      url: '/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{\n  "name": "山田太郎",\n  "lgCode": }',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: {
        code: 'MALFORMED_JSON',
        message: 'the request body is not valid JSON at line 3, column 13: value expected',
        details: { line: 3, column: 13 },
      },
    });
    expect(response.body).not.toContain('山田');
  });

  it('names every invalid field', async () => {
    await appWith();
    const response = await app.inject({ method: 'POST', url: '/echo', payload: { lgCode: '12', extra: 1 } });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details.problems).toEqual(
      expect.arrayContaining([
        { field: 'body.name', message: "must have required property 'name'" },
        { field: 'body.extra', message: 'must NOT have additional properties' },
        { field: 'body.lgCode', message: 'must match pattern "^[0-9]{6}$"' },
      ]),
    );
  });

  it('refuses empty JSON, prototype keys, and other media types', async () => {
    await appWith();
    const empty = await app.inject({ method: 'POST', url: '/echo', headers: { 'content-type': 'application/json' } });
    expect(empty.json().error.code).toBe('MALFORMED_JSON');
    // Plainly, nested, or spelled with escapes (which a check of the text alone would miss).
    for (const payload of [
      '{"__proto__": {"x": 1}}',
      '{"a": [{"constructor": {"prototype": {"x": 1}}}]}',
      '{"\\u005f_proto__": {"x": 1}}',
      '{"\\u0063onstructor": {"x": 1}}',
    ]) {
      const proto = await app.inject({
        method: 'POST',
        url: '/echo',
        headers: { 'content-type': 'application/json' },
        payload,
      });
      expect([payload, proto.statusCode, proto.json().error.code]).toEqual([payload, 400, 'MALFORMED_JSON']);
    }
    const xml = await app.inject({
      method: 'POST',
      url: '/echo',
      headers: { 'content-type': 'text/xml' },
      payload: '<a/>',
    });
    expect([xml.statusCode, xml.json().error.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
  });

  it('hides an unexpected error from the client, and logs it under the request id', async () => {
    const log = capture();
    await appWith(log.stream);
    const response = await app.inject('/boom');
    expect(response.statusCode).toBe(500);
    const body = response.json();
    expect(body.error.code).toBe('INTERNAL_ERROR');
    expect(response.body).not.toMatch(/hunter2|at .*\.ts|stack/i);
    const logged = log.lines().find((line) => line.msg === 'unexpected error');
    expect(logged?.reqId).toBe(body.error.details.requestId);
    expect(JSON.stringify(logged)).toContain('hunter2');
  });

  it("logs an error of the database by SQLSTATE and constraint, not by the values the server's message quotes", async () => {
    const db = await createTestDatabase({ migrated: false });
    try {
      const log = capture();
      // The service's own logger options, so the test fails if the serializer is not wired in.
      const logger = pino(loggerOptions({ level: 'info' }) as pino.LoggerOptions, log.stream);
      logger.error({ err: await serverErrorQuoting(db, 'テスト太郎') }, 'unexpected error');
      logger.error({ err: new Error('plain hunter2') }, 'unexpected error');
      const [server, plain] = log.lines();
      expect(server?.err).toMatchObject({
        type: 'DatabaseServerError',
        sqlState: '23505',
        constraint: 'probe_error_pkey',
      });
      expect(JSON.stringify(server)).not.toContain('テスト太郎');
      expect(JSON.stringify(plain)).toContain('plain hunter2');
    } finally {
      await db.close();
    }
  });

  it('censors personal fields in logs at any depth, and logs paths without query strings', async () => {
    const log = capture();
    const logger = pino({ redact: { paths: redactPaths(), censor: '[redacted]' } }, log.stream);
    logger.info({
      name: 'テスト太郎',
      person: { birthDate: '1990-01-01', individualNumber: 'x' },
      a: { b: { address: 'y' } },
    });
    const [line] = log.lines();
    expect(line).toMatchObject({
      name: '[redacted]',
      person: { birthDate: '[redacted]', individualNumber: '[redacted]' },
      a: { b: { address: '[redacted]' } },
    });
    await appWith(log.stream);
    await app.inject('/boom?name=secret');
    expect(JSON.stringify(log.lines())).not.toContain('secret');
  });
});

describe('route policy', () => {
  it('refuses to start with a route that declares no access, operationId, tags or responses', async () => {
    const app = Fastify({ logger: false });
    registerRoutePolicy(app);
    expect(() => app.get('/api/v1/undeclared', async () => ({}))).toThrow(RouteDeclarationError);
    expect(() => app.get('/api/v1/undeclared', async () => ({}))).toThrow(
      'route GET /api/v1/undeclared must declare config.access, schema.operationId, schema.tags, schema.response',
    );
    await app.close();
  });

  it('denies a route whose access no policy knows', async () => {
    const app = Fastify({ logger: false });
    registerRoutePolicy(app);
    app.get(
      '/api/v1/staff-only',
      {
        config: { access: 'staff' as 'public' },
        schema: { operationId: 'x', tags: ['x'], response: { 200: { type: 'object' } } },
      },
      async () => ({ secret: true }),
    );
    const response = await app.inject('/api/v1/staff-only');
    expect([response.statusCode, response.json().error.code]).toEqual([403, 'ACCESS_DENIED']);
    await app.close();
  });
});
