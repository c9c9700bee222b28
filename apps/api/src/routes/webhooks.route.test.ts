import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  addDays,
  addTenant,
  dispatchDueDeliveries,
  recordMoveIn,
  syncProcedureCatalog,
  systemActor,
  todayInJapan,
  verifyWebhook,
} from '@madoguchi/core';
import type { Database } from '@madoguchi/db';
import { createTestDatabase } from '@madoguchi/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LG, residentCookie, staffCookie } from '../../test/principals';
import { buildApp } from '../app';

const today = todayInJapan();

describe('webhooks over HTTP: a subscriber receives a submission as a signed CloudEvent', () => {
  let db: Database;
  let app: FastifyInstance;
  let receiver: Server;
  let received: { headers: Record<string, string>; body: string }[] = [];
  let admin: string;
  let resident: string;
  let clerk: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    await addTenant(db, systemActor('test'), { lgCode: LG, name: 'デモ市' });
    await syncProcedureCatalog(db, systemActor('test'), LG);
    const moved = await recordMoveIn(
      db,
      { kind: 'staff', id: 'setup', zone: 'individual-number' },
      {
        lgCode: LG,
        effectiveOn: addDays(today, -5),
        notifiedOn: addDays(today, -5),
        previousAddress: 'デモ県サンプル町',
        destination: { postalCode: '999-0001', address: 'デモ県デモ市中央一丁目1番1号', addressDetail: null },
        persons: [
          {
            residentKind: 'japanese',
            relationship: '世帯主',
            familyName: 'デモ',
            givenName: '花子',
            birthDate: '1990-01-01',
            sex: 2,
          },
        ],
      },
    );
    app = await buildApp({ db, logger: false });
    admin = await staffCookie(db, 'it-1', ['it-admin'], 'lgwan');
    clerk = await staffCookie(db, 'clerk-1', ['counter-clerk'], 'individual-number');
    resident = await residentCookie(db, moved.personIds[0] as string, 1);
    receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => {
        body += chunk;
      });
      request.on('end', () => {
        received.push({ headers: request.headers as Record<string, string>, body });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await new Promise((resolve) => receiver.close(resolve));
    await app.close();
    await db.close();
  });

  const post = (url: string, cookie: string, payload: unknown) =>
    app.inject({
      method: 'POST',
      url,
      headers: { cookie, 'content-type': 'application/json' },
      payload: JSON.stringify(payload),
    });

  it('only IT staff manage subscriptions; the secret is shown once; an insecure address warns', async () => {
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/events`;
    const body = { url, eventTypes: ['jp.madoguchi.application.submitted'], description: '給付システム' };
    expect((await post('/api/v1/admin/webhooks', clerk, body)).statusCode).toBe(403);
    const refused = await post('/api/v1/admin/webhooks', admin, { ...body, url: 'ftp://x', eventTypes: ['nope'] });
    expect(refused.statusCode).toBe(400);
    expect(
      refused
        .json()
        .error.details.problems.map((p: { field: string }) => p.field)
        .sort(),
    ).toEqual(['eventTypes[0]', 'url']);
    const created = await post('/api/v1/admin/webhooks', admin, body);
    expect(created.statusCode).toBe(201);
    const { secret, warning } = created.json();
    expect(secret).toMatch(/^whsec_/);
    expect(warning).toMatch(/http/);
    const list = await app.inject({ method: 'GET', url: '/api/v1/admin/webhooks', headers: { cookie: admin } });
    expect(JSON.stringify(list.json())).not.toContain(secret);

    received = [];
    const submitted = await post('/api/v1/me/applications/submit', resident, {
      procedureId: 'road-damage-report',
      declaration: true,
      answers: {
        location: { latitude: 35.0, longitude: 135.0, description: 'デモ市役所前' },
        damageKind: 'pothole',
        description: '車道に深い穴があります。',
        dangerous: 'yes',
      },
    });
    if (submitted.statusCode !== 201) throw new Error(submitted.body);
    await dispatchDueDeliveries(db);
    expect(received).toHaveLength(1);
    const delivery = received[0] as { headers: Record<string, string>; body: string };
    expect(delivery.headers['content-type']).toContain('application/cloudevents+json');
    expect(verifyWebhook(secret, delivery.headers, delivery.body)).toBe(true);
    const event = JSON.parse(delivery.body);
    expect(event).toMatchObject({
      specversion: '1.0',
      type: 'jp.madoguchi.application.submitted',
      subject: submitted.json().applicationId,
      data: { receiptNo: submitted.json().receiptNo, procedureId: 'road-damage-report' },
    });
    expect(delivery.body).not.toContain('穴');
    const failed = await app.inject({
      method: 'GET',
      url: '/api/v1/admin/webhooks/deliveries/failed',
      headers: { cookie: admin },
    });
    expect(failed.json()).toEqual({ items: [] });
  });
});
