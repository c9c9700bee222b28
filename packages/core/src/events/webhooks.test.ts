import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Database } from '@madoguchi/db';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Actor, operatorActor } from '../actor';
import { findAuditRecords } from '../audit';
import { LG, registryTestDatabase } from '../registry/test-fixtures';
import {
  createWebhookSubscription,
  deactivateWebhookSubscription,
  dispatchDueDeliveries,
  EVENT_TYPES,
  findFailedDeliveries,
  listWebhookSubscriptions,
  recordOutboxEvent,
  retryDelivery,
  startWebhookDispatcher,
  verifyWebhook,
} from '.';
import { retryDelayMs } from './webhook-dispatcher';

const operator: Actor = operatorActor('operator-0001');
const SUBMITTED = 'jp.madoguchi.application.submitted';

interface Received {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** How the receiver answers its n-th request (from 0): a status, or never. */
type Answer = (n: number) => number | 'hang';

describe('webhooks: subscriptions, signed CloudEvents, retries with back-off', () => {
  let db: Database;
  let servers: Server[];
  beforeEach(async () => {
    db = await registryTestDatabase();
    servers = [];
  });
  afterEach(async () => {
    for (const server of servers) {
      // A receiver that never answers still holds its connection: cut it, or close() waits forever.
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    await db.close();
  });

  async function startReceiver(answer: Answer): Promise<{ url: string; received: Received[] }> {
    const received: Received[] = [];
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const status = answer(received.length);
        received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
        if (status === 'hang') return;
        response.writeHead(status, { 'content-type': 'text/plain' }).end('receiver says: secret detail');
      });
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, received };
  }

  async function subscribe(url: string, eventTypes: string[] = [SUBMITTED]) {
    return createWebhookSubscription(db, operator, { lgCode: LG, url, eventTypes, description: '福祉システム連携' });
  }

  async function submitEvent(applicationId = randomUUID()): Promise<string> {
    return db.kysely.transaction().execute((trx) =>
      recordOutboxEvent(trx, {
        lgCode: LG,
        type: SUBMITTED,
        subject: applicationId,
        data: { applicationId, procedureId: 'child-allowance', status: 'submitted' },
      }),
    );
  }

  async function delivery(eventId: string) {
    return db.kysely
      .selectFrom('webhook_delivery')
      .selectAll()
      .where('lg_code', '=', LG)
      .where('event_id', '=', eventId)
      .executeTakeFirstOrThrow();
  }

  const later = (ms: number) => () => new Date(Date.now() + ms);

  it('delivers a submitted event once, as a CloudEvent with a Standard Webhooks signature', async () => {
    const receiver = await startReceiver(() => 204);
    const { secret, warning } = await subscribe(receiver.url);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
    expect(warning).toMatch(/http/);
    const applicationId = randomUUID();
    const eventId = await submitEvent(applicationId);

    expect(await dispatchDueDeliveries(db)).toEqual({ attempted: 1, delivered: 1, retried: 0, failed: 0 });
    expect(await dispatchDueDeliveries(db)).toEqual({ attempted: 0, delivered: 0, retried: 0, failed: 0 });

    expect(receiver.received).toHaveLength(1);
    const [{ headers, body }] = receiver.received as [Received];
    expect(headers['content-type']).toBe('application/cloudevents+json; charset=utf-8');
    expect(headers['user-agent']).toBe('Madoguchi-Webhooks/1');
    expect(headers['webhook-id']).toBe(eventId);
    expect(JSON.parse(body)).toEqual({
      specversion: '1.0',
      id: eventId,
      source: `/madoguchi/${LG}`,
      type: SUBMITTED,
      subject: applicationId,
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      datacontenttype: 'application/json',
      data: { applicationId, procedureId: 'child-allowance', status: 'submitted' },
    });
    expect(verifyWebhook(secret, headers, body)).toBe(true);
    expect(verifyWebhook(secret, headers, body.replace('submitted"', 'approved"'))).toBe(false);
    expect(verifyWebhook(secret, headers, body, 300, new Date(Date.now() + 10 * 60_000))).toBe(false);
    expect(verifyWebhook(`whsec_${Buffer.alloc(32, 1).toString('base64')}`, headers, body)).toBe(false);

    const row = await delivery(eventId);
    expect(row).toMatchObject({ status: 'delivered', attempts: 1, last_status: 204, last_error: null });
    expect(row.delivered_at).toBeInstanceOf(Date);
    const audit = (await findAuditRecords(db.kysely, LG, 0, 200)).filter(
      (a) => a.action === 'webhook.subscription.create',
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ purpose: 'system-integration', result: 'allowed', actorId: 'operator-0001' });
    expect(audit[0]?.detailsText).not.toContain(secret.slice(6));
    expect(JSON.parse(audit[0]?.detailsText ?? '{}')).toMatchObject({ eventTypes: [SUBMITTED], insecure: true });
  });

  it('retries a 500 with back-off and the same webhook-id, then records the delivery', async () => {
    const receiver = await startReceiver((n) => (n === 0 ? 500 : 200));
    await subscribe(receiver.url, ['*']);
    const eventId = await submitEvent();

    const before = Date.now();
    expect(await dispatchDueDeliveries(db)).toMatchObject({ attempted: 1, retried: 1 });
    const after = Date.now();
    const pending = await delivery(eventId);
    expect(pending).toMatchObject({ status: 'pending', attempts: 1, last_status: 500, last_error: 'HTTP 500' });
    // 10 s ± 20 % after the outcome was recorded, somewhere between `before` and `after`.
    expect(pending.next_attempt_at.getTime() - before).toBeGreaterThanOrEqual(8_000);
    expect(pending.next_attempt_at.getTime() - after).toBeLessThanOrEqual(12_000);
    // Not due yet: nothing is posted.
    expect(await dispatchDueDeliveries(db)).toMatchObject({ attempted: 0 });

    expect(await dispatchDueDeliveries(db, { now: later(60_000) })).toMatchObject({ attempted: 1, delivered: 1 });
    expect(receiver.received.map((r) => r.headers['webhook-id'])).toEqual([eventId, eventId]);
    expect(await delivery(eventId)).toMatchObject({ status: 'delivered', attempts: 2, last_status: 200 });
  });

  it('fails a 410 at once, lists it, and delivers it after an operator retries it', async () => {
    let gone = true;
    const receiver = await startReceiver(() => (gone ? 410 : 200));
    const { subscriptionId } = await subscribe(`${receiver.url}?token=receiver-token`);
    const eventId = await submitEvent();

    expect(await dispatchDueDeliveries(db)).toMatchObject({ attempted: 1, failed: 1 });
    const failed = await findFailedDeliveries(db, operator, { lgCode: LG });
    expect(failed).toEqual([
      expect.objectContaining({
        subscriptionId,
        eventId,
        eventType: SUBMITTED,
        url: receiver.url,
        attempts: 1,
        lastStatus: 410,
        lastError: 'HTTP 410',
        lastAttemptAt: expect.any(Date),
      }),
    ]);
    expect(JSON.stringify(failed)).not.toContain('receiver-token');

    gone = false;
    await retryDelivery(db, operator, { lgCode: LG, subscriptionId, eventId });
    expect(await delivery(eventId)).toMatchObject({ status: 'pending', attempts: 0 });
    await expect(retryDelivery(db, operator, { lgCode: LG, subscriptionId, eventId })).rejects.toMatchObject({
      code: 'WEBHOOK_NOT_FOUND',
    });
    expect(await dispatchDueDeliveries(db, { now: later(1_000) })).toMatchObject({ attempted: 1, delivered: 1 });
    expect(await delivery(eventId)).toMatchObject({ status: 'delivered', attempts: 1 });
    expect(await findFailedDeliveries(db, operator, { lgCode: LG })).toEqual([]);
    expect(receiver.received.map((r) => r.headers['webhook-id'])).toEqual([eventId, eventId]);
    const audit = (await findAuditRecords(db.kysely, LG, 0, 200)).filter((a) => a.action === 'webhook.delivery.retry');
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]?.detailsText ?? '{}')).toMatchObject({ subscriptionId, eventId, previousAttempts: 1 });
  });

  it('keeps retrying a receiver that refuses connections, later each time, and fails after maxAttempts', async () => {
    const receiver = await startReceiver(() => 200);
    const dead = servers.pop() as Server;
    await new Promise<void>((resolve) => dead.close(() => resolve()));
    await subscribe(receiver.url);
    const eventId = await submitEvent();

    let now = Date.now();
    const counts = [];
    let previous = 0;
    for (let i = 0; i < 3; i++) {
      counts.push(await dispatchDueDeliveries(db, { now: () => new Date(now), maxAttempts: 3 }));
      const row = await delivery(eventId);
      expect(row).toMatchObject({ attempts: i + 1, last_status: null, last_error: 'ECONNREFUSED' });
      if (row.status === 'pending') {
        expect(row.next_attempt_at.getTime()).toBeGreaterThan(now);
        expect(row.next_attempt_at.getTime() - now).toBeGreaterThan(previous);
        previous = row.next_attempt_at.getTime() - now;
        now = row.next_attempt_at.getTime();
      }
    }
    expect(counts.map((c) => [c.retried, c.failed])).toEqual([
      [1, 0],
      [1, 0],
      [0, 1],
    ]);
    expect(await delivery(eventId)).toMatchObject({ status: 'failed', attempts: 3 });
  });

  it('gives up on a receiver that does not answer within timeoutMs, and retries it later', async () => {
    const receiver = await startReceiver(() => 'hang');
    await subscribe(receiver.url);
    const eventId = await submitEvent();

    expect(await dispatchDueDeliveries(db, { timeoutMs: 200 })).toMatchObject({ attempted: 1, retried: 1 });
    expect(receiver.received).toHaveLength(1);
    expect(await delivery(eventId)).toMatchObject({ status: 'pending', attempts: 1, last_error: 'TimeoutError' });
  });

  it('posts nothing to a deactivated subscription', async () => {
    const receiver = await startReceiver(() => 200);
    const { subscriptionId } = await subscribe(receiver.url);
    const queued = await submitEvent();
    await deactivateWebhookSubscription(db, operator, { lgCode: LG, subscriptionId });
    const afterwards = await submitEvent();

    expect(await dispatchDueDeliveries(db)).toEqual({ attempted: 0, delivered: 0, retried: 0, failed: 1 });
    expect(receiver.received).toEqual([]);
    expect(await delivery(queued)).toMatchObject({
      status: 'failed',
      attempts: 0,
      last_error: 'subscription deactivated',
    });
    const rows = await db.kysely.selectFrom('webhook_delivery').select('event_id').where('lg_code', '=', LG).execute();
    expect(rows.map((r) => r.event_id)).not.toContain(afterwards);
    await expect(retryDelivery(db, operator, { lgCode: LG, subscriptionId, eventId: queued })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });

    const [listed] = await listWebhookSubscriptions(db, operator, LG);
    expect(listed).toMatchObject({ subscriptionId, active: false, eventTypes: [SUBMITTED] });
    expect(Object.keys(listed ?? {})).not.toContain('secret');
    await expect(
      deactivateWebhookSubscription(db, operator, { lgCode: LG, subscriptionId: randomUUID() }),
    ).rejects.toMatchObject({ code: 'WEBHOOK_NOT_FOUND' });
    const audit = (await findAuditRecords(db.kysely, LG, 0, 200)).filter(
      (a) => a.action === 'webhook.subscription.deactivate',
    );
    expect(audit).toHaveLength(1);
  });

  it('refuses unsafe URLs and unknown event types, listing every problem, and warns on plain http to loopback', async () => {
    const create = (url: string, eventTypes: string[] = [SUBMITTED], description = '連携') =>
      createWebhookSubscription(db, operator, { lgCode: LG, url, eventTypes, description });
    await expect(
      create('https://user:pass@receiver.example.jp/hooks', ['jp.madoguchi.nope', '*', 42 as never], ''),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: {
        problems: [
          { field: 'url', message: expect.stringMatching(/user name or password/) },
          { field: 'eventTypes[0]', message: expect.any(String) },
          { field: 'eventTypes[2]', message: expect.any(String) },
          { field: 'description', message: expect.any(String) },
        ],
      },
    });
    const refusal = await create('https://user:pass@receiver.example.jp/hooks').catch((error: unknown) => error);
    expect(JSON.stringify(refusal)).not.toContain('pass@');
    await expect(create('ftp://receiver.example.jp/hooks')).rejects.toMatchObject({
      details: { problems: [{ field: 'url', message: expect.stringMatching(/https/) }] },
    });
    await expect(create('http://example.org/hooks', [])).rejects.toMatchObject({
      details: {
        problems: [
          { field: 'url', message: expect.stringMatching(/loopback/) },
          { field: 'eventTypes', message: expect.any(String) },
        ],
      },
    });
    await expect(create('not a url')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });

    for (const url of ['http://127.0.0.1:8080/hooks', 'http://[::1]/hooks', 'http://localhost/hooks']) {
      expect((await create(url)).warning).toMatch(/plain http/);
    }
    expect(await create('https://receiver.example.jp/hooks', [...EVENT_TYPES])).not.toHaveProperty('warning');
    expect(await listWebhookSubscriptions(db, operator, LG)).toHaveLength(4);
  });

  it('runs rounds in a loop that survives a failing round and waits for the running one on stop', async () => {
    const receiver = await startReceiver(() => 200);
    await subscribe(receiver.url);
    const eventId = await submitEvent();
    const log = { error: vi.fn() };
    const stop = startWebhookDispatcher(db, { intervalMs: 10, log });
    await vi.waitFor(() => expect(receiver.received).toHaveLength(1), { timeout: 5_000 });
    await stop();
    expect(await delivery(eventId)).toMatchObject({ status: 'delivered' });
    expect(log.error).not.toHaveBeenCalled();

    const broken = {
      kysely: {
        selectFrom: () => {
          throw new Error('database down');
        },
      },
    } as unknown as Database;
    const stopBroken = startWebhookDispatcher(broken, { intervalMs: 5, log });
    await vi.waitFor(() => expect(log.error.mock.calls.length).toBeGreaterThanOrEqual(2), { timeout: 5_000 });
    await stopBroken();
    expect(log.error).toHaveBeenCalledWith({ err: expect.any(Error) }, 'webhook dispatch failed');
  });

  it('backs off exponentially from 10 s to at most 6 h, with ±20 % jitter', () => {
    expect(retryDelayMs(1, () => 0)).toBe(8_000);
    expect(retryDelayMs(1, () => 1)).toBe(12_000);
    expect(retryDelayMs(4, () => 0.5)).toBe(80_000);
    expect(retryDelayMs(30, () => 0.5)).toBe(6 * 60 * 60 * 1000);
  });
});
