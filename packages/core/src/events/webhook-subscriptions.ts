import { randomBytes, randomUUID } from 'node:crypto';
import type { Database } from '@madoguchi/db';
import type { Actor } from '../actor';
import { appendAudit } from '../audit';
import { AppError, type FieldProblem } from '../errors';
import { getTenant, parseLgCode } from '../tenants';
import { EVENT_TYPES } from './outbox';
import { SECRET_PREFIX } from './webhook-signature';

export interface CreateWebhookSubscriptionInput {
  readonly lgCode: string;
  readonly url: string;
  /** Event types to receive (EVENT_TYPES), or '*' for all. */
  readonly eventTypes: readonly string[];
  /** What the receiving system is, 1–200 characters. */
  readonly description: string;
}

export interface CreatedWebhookSubscription {
  readonly subscriptionId: string;
  /** The signing key. It is shown here once: no read returns it again. */
  readonly secret: string;
  /** Set when the configuration is insecure (plain http to a loopback address). */
  readonly warning?: string;
}

export interface WebhookSubscriptionSummary {
  readonly subscriptionId: string;
  /** Without the query string, which may carry a receiver's token. */
  readonly url: string;
  readonly eventTypes: readonly string[];
  readonly active: boolean;
  readonly description: string;
  readonly createdAt: Date;
  readonly createdBy: string;
}

const AUDIT = { purpose: 'system-integration', result: 'allowed' } as const;
const MAX_URL_LENGTH = 2048;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Adds a receiver of the municipality's events. Every problem of the input is reported at once
 * (VALIDATION_FAILED with `problems`). The secret is returned once and kept out of the audit row.
 */
export async function createWebhookSubscription(
  db: Database,
  actor: Actor,
  input: CreateWebhookSubscriptionInput,
): Promise<CreatedWebhookSubscription> {
  const { url, warning, problems } = checkUrl(input.url);
  const eventTypes = checkEventTypes(input.eventTypes, problems);
  const description = checkDescription(input.description, problems);
  if (problems.length > 0) {
    throw new AppError('VALIDATION_FAILED', `${problems.length} problem(s) in the webhook subscription`, { problems });
  }
  const { lgCode } = await getTenant(db, actor, input.lgCode);
  const subscriptionId = randomUUID();
  const secret = `${SECRET_PREFIX}${randomBytes(32).toString('base64')}`;
  await db.kysely.transaction().execute(async (trx) => {
    await trx
      .insertInto('webhook_subscription')
      .values({
        lg_code: lgCode,
        subscription_id: subscriptionId,
        url,
        secret,
        event_types: eventTypes,
        description,
        created_by: actor.id,
      })
      .execute();
    await appendAudit(trx, actor, [
      {
        lgCode,
        action: 'webhook.subscription.create',
        ...AUDIT,
        details: { subscriptionId, url: urlForDisplay(url), eventTypes, insecure: warning !== undefined },
      },
    ]);
  });
  return { subscriptionId, secret, ...(warning ? { warning } : {}) };
}

/** The municipality's subscriptions, oldest first, without their secrets. */
export async function listWebhookSubscriptions(
  db: Database,
  _actor: Actor,
  lgCodeInput: string,
): Promise<WebhookSubscriptionSummary[]> {
  const lgCode = parseLgCode(lgCodeInput);
  const rows = await db.kysely
    .selectFrom('webhook_subscription')
    .select(['subscription_id', 'url', 'event_types', 'active', 'description', 'created_at', 'created_by'])
    .where('lg_code', '=', lgCode)
    .orderBy('created_at')
    .orderBy('subscription_id')
    .execute();
  return rows.map((row) => ({
    subscriptionId: row.subscription_id,
    url: urlForDisplay(row.url),
    eventTypes: row.event_types,
    active: row.active,
    description: row.description,
    createdAt: row.created_at,
    createdBy: row.created_by,
  }));
}

/** Stops new deliveries to a subscriber; its pending ones are marked failed by the dispatcher. */
export async function deactivateWebhookSubscription(
  db: Database,
  actor: Actor,
  input: { readonly lgCode: string; readonly subscriptionId: string },
): Promise<void> {
  const lgCode = parseLgCode(input.lgCode);
  const subscriptionId = parseWebhookId(input.subscriptionId, 'subscription');
  await db.kysely.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('webhook_subscription')
      .set({ active: false })
      .where('lg_code', '=', lgCode)
      .where('subscription_id', '=', subscriptionId)
      .returning('subscription_id')
      .executeTakeFirst();
    if (!updated) throw notFound('subscription', subscriptionId);
    await appendAudit(trx, actor, [
      { lgCode, action: 'webhook.subscription.deactivate', ...AUDIT, details: { subscriptionId } },
    ]);
  });
}

/** A URL as shown to people and in audit rows: the query and fragment may hold a receiver's token. */
export function urlForDisplay(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
}

/** A lower-case uuid, or WEBHOOK_NOT_FOUND: a malformed id names nothing, and must not reach SQL as one. */
export function parseWebhookId(id: string, what: 'subscription' | 'event'): string {
  const normalised = String(id).toLowerCase();
  if (!UUID.test(normalised)) throw notFound(what, null);
  return normalised;
}

export function notFound(what: 'subscription' | 'event' | 'delivery', id: string | null): AppError {
  return new AppError('WEBHOOK_NOT_FOUND', `no such webhook ${what} in this municipality`, id ? { id } : {});
}

function checkUrl(input: unknown): { url: string; warning?: string; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const problem = (message: string) => problems.push({ field: 'url', message });
  if (typeof input !== 'string' || !URL.canParse(input)) {
    problem('url must be an absolute URL, e.g. https://receiver.example.jp/events');
    return { url: '', problems };
  }
  if (input.length > MAX_URL_LENGTH) problem(`url must be at most ${MAX_URL_LENGTH} characters`);
  const url = new URL(input);
  let warning: string | undefined;
  if (url.protocol === 'http:' && isLoopback(url.hostname)) {
    warning =
      'events go to this subscriber over plain http, unencrypted and open to tampering: acceptable for development on this machine only; use https in production';
  } else if (url.protocol === 'http:') {
    problem('url must use https (plain http is allowed only for loopback addresses: 127.0.0.0/8, ::1, localhost)');
  } else if (url.protocol !== 'https:') {
    problem('url must use https');
  }
  // Never shown in the message: the URL itself would repeat the credentials.
  if (url.username || url.password) problem('url must not contain a user name or password');
  return { url: url.href, problems, ...(warning ? { warning } : {}) };
}

/** WHATWG URL parsing has already normalised 127.1 and 0x7f.0.0.1 to dotted form, and IPv6 to [::1]. */
function isLoopback(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

function checkEventTypes(input: unknown, problems: FieldProblem[]): string[] {
  if (!Array.isArray(input) || input.length === 0) {
    problems.push({
      field: 'eventTypes',
      message: `eventTypes must list at least one of ${EVENT_TYPES.join(', ')}, or *`,
    });
    return [];
  }
  const known = new Set<string>([...EVENT_TYPES, '*']);
  input.forEach((type, i) => {
    if (typeof type !== 'string' || !known.has(type)) {
      problems.push({ field: `eventTypes[${i}]`, message: `eventTypes[${i}] is not a known event type` });
    }
  });
  return [...new Set(input.filter((type): type is string => typeof type === 'string'))];
}

function checkDescription(input: unknown, problems: FieldProblem[]): string {
  const description = typeof input === 'string' ? input.trim() : '';
  const length = [...description].length;
  if (length < 1 || length > 200) {
    problems.push({ field: 'description', message: 'description must be 1 to 200 characters' });
  }
  return description;
}
