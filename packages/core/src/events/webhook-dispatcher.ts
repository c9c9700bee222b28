import type { Database, DB } from '@madoguchi/db';
import type { Transaction, Updateable } from 'kysely';
import { CLOUD_EVENT_CONTENT_TYPE, toCloudEvent } from './cloud-event';
import { signWebhook } from './webhook-signature';

export interface DispatchOptions {
  /** The clock for due times, back-off and signature timestamps; tests move it instead of sleeping. */
  readonly now?: () => Date;
  readonly fetch?: typeof fetch;
  /** Deliveries claimed per municipality and round; they are posted in parallel. */
  readonly batchSize?: number;
  readonly timeoutMs?: number;
  readonly maxAttempts?: number;
}

export interface DispatchCounts {
  /** Deliveries posted this round. */
  readonly attempted: number;
  readonly delivered: number;
  /** Left pending, to be tried again later. */
  readonly retried: number;
  /** Given up: refused by the receiver, attempts used up, or the subscription deactivated (not posted). */
  readonly failed: number;
}

interface Claimed extends DeliveryKey {
  readonly lgCode: string;
  /** The attempt number this post is; the outcome is written only while the row still has it. */
  readonly attempts: number;
  readonly url: string;
  readonly secret: string;
  readonly type: string;
  readonly subject: string;
  readonly occurredAt: Date;
  readonly data: Readonly<Record<string, unknown>>;
}

interface DeliveryKey {
  readonly subscriptionId: string;
  readonly eventId: string;
}

type Attempt = { readonly status: number } | { readonly error: string };
type DeliveryStatus = DB['webhook_delivery']['status'];
type DeliveryChange = Updateable<DB['webhook_delivery']>;

type Settings = Required<DispatchOptions>;

const LEASE_MARGIN_MS = 30_000;
const FIRST_RETRY_MS = 10_000;
const MAX_RETRY_MS = 6 * 60 * 60 * 1000;

/**
 * One round: for each municipality, claim its due deliveries, post them, record the outcomes. The
 * posts happen between the two short transactions, never inside one: a slow receiver must not hold
 * row locks (or, on the embedded engine, the only session).
 */
export async function dispatchDueDeliveries(db: Database, options: DispatchOptions = {}): Promise<DispatchCounts> {
  const settings: Settings = {
    now: options.now ?? (() => new Date()),
    fetch: options.fetch ?? fetch,
    batchSize: options.batchSize ?? 20,
    timeoutMs: options.timeoutMs ?? 10_000,
    maxAttempts: options.maxAttempts ?? 8,
  };
  const counts = { attempted: 0, delivered: 0, retried: 0, failed: 0 };
  const tenants = await db.kysely.selectFrom('tenant').select('lg_code').orderBy('lg_code').execute();
  for (const { lg_code: lgCode } of tenants) {
    const { claimed, dropped } = await claimDueDeliveries(db, lgCode, settings);
    counts.failed += dropped;
    if (claimed.length === 0) continue;
    const attempts = await Promise.all(claimed.map((delivery) => postDelivery(delivery, settings)));
    const outcomes = await recordOutcomes(db, lgCode, claimed, attempts, settings);
    counts.attempted += claimed.length;
    for (const status of outcomes) {
      if (status === 'delivered') counts.delivered += 1;
      else if (status === 'pending') counts.retried += 1;
      else counts.failed += 1;
    }
  }
  return counts;
}

/** Exponential back-off after the `attempts`-th failure: 10 s, 20 s, 40 s … at most 6 h, ±20 % jitter. */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
  // Jitter spreads the retries of many deliveries that failed together (a receiver outage).
  return Math.round(base * (0.8 + 0.4 * random()));
}

/**
 * Locks due rows (skipping those another dispatcher holds), then moves their next attempt past a
 * lease: if this process dies before recording an outcome, the delivery is simply due again later.
 */
async function claimDueDeliveries(
  db: Database,
  lgCode: string,
  settings: Settings,
): Promise<{ claimed: Claimed[]; dropped: number }> {
  const now = settings.now();
  const lease = new Date(now.getTime() + settings.timeoutMs + LEASE_MARGIN_MS);
  return db.kysely.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('webhook_delivery as d')
      .innerJoin('webhook_subscription as s', (join) =>
        join.onRef('s.lg_code', '=', 'd.lg_code').onRef('s.subscription_id', '=', 'd.subscription_id'),
      )
      .innerJoin('outbox_event as e', (join) =>
        join.onRef('e.lg_code', '=', 'd.lg_code').onRef('e.event_id', '=', 'd.event_id'),
      )
      .select(['d.subscription_id', 'd.event_id', 'd.attempts', 's.url', 's.secret', 's.active'])
      .select(['e.type', 'e.subject', 'e.occurred_at', 'e.data'])
      .where('d.lg_code', '=', lgCode)
      .where('d.status', '=', 'pending')
      .where('d.next_attempt_at', '<=', now)
      .orderBy('d.next_attempt_at')
      .limit(settings.batchSize)
      .forUpdate('d')
      .skipLocked()
      .execute();
    const found = rows.map((row) => ({
      lgCode,
      subscriptionId: row.subscription_id,
      eventId: row.event_id,
      attempts: row.attempts + 1,
      active: row.active,
      url: row.url,
      secret: row.secret,
      type: row.type,
      subject: row.subject,
      occurredAt: row.occurred_at,
      data: row.data,
    }));
    const inactive = found.filter((delivery) => !delivery.active);
    // Only after crashes mid-attempt: a claim counted the attempt but no outcome was written.
    const exhausted = found.filter((delivery) => delivery.active && delivery.attempts > settings.maxAttempts);
    const claimed = found.filter((delivery) => delivery.active && delivery.attempts <= settings.maxAttempts);
    for (const delivery of inactive) {
      await updateDelivery(trx, lgCode, delivery, { status: 'failed', last_error: 'subscription deactivated' });
    }
    for (const delivery of exhausted) {
      await updateDelivery(trx, lgCode, delivery, { status: 'failed', last_error: 'attempts exhausted' });
    }
    for (const delivery of claimed) {
      await updateDelivery(trx, lgCode, delivery, {
        attempts: delivery.attempts,
        last_attempt_at: now,
        next_attempt_at: lease,
      });
    }
    return { claimed, dropped: inactive.length + exhausted.length };
  });
}

async function postDelivery(delivery: Claimed, settings: Settings): Promise<Attempt> {
  const body = JSON.stringify(toCloudEvent(delivery));
  const timestamp = Math.floor(settings.now().getTime() / 1000);
  try {
    const response = await settings.fetch(delivery.url, {
      method: 'POST',
      headers: {
        'content-type': CLOUD_EVENT_CONTENT_TYPE,
        'user-agent': 'Madoguchi-Webhooks/1',
        // The event id: the same on every retry, so it is the key receivers deduplicate on.
        'webhook-id': delivery.eventId,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signWebhook(delivery.secret, delivery.eventId, timestamp, body),
      },
      body,
      // A redirect could lead the signed event to a host nobody subscribed; it counts as a refusal.
      redirect: 'manual',
      signal: AbortSignal.timeout(settings.timeoutMs),
    });
    // The body is never read: only the status matters, and what a receiver says is not ours to store.
    await response.body?.cancel().catch(() => undefined);
    return { status: response.status };
  } catch (error) {
    return { error: describeError(error) };
  }
}

async function recordOutcomes(
  db: Database,
  lgCode: string,
  claimed: readonly Claimed[],
  attempts: readonly Attempt[],
  settings: Settings,
): Promise<DeliveryStatus[]> {
  const now = settings.now();
  return db.kysely.transaction().execute(async (trx) => {
    const statuses: DeliveryStatus[] = [];
    for (const [i, delivery] of claimed.entries()) {
      const attempt = attempts[i] ?? { error: 'not attempted' };
      const change = outcome(attempt, delivery.attempts, settings.maxAttempts, now);
      await updateDelivery(trx, lgCode, delivery, change, delivery.attempts);
      statuses.push(change.status);
    }
    return statuses;
  });
}

function outcome(
  attempt: Attempt,
  attempts: number,
  maxAttempts: number,
  now: Date,
): DeliveryChange & { status: DeliveryStatus } {
  const lastStatus = 'status' in attempt ? attempt.status : null;
  if (lastStatus !== null && lastStatus >= 200 && lastStatus < 300) {
    return { status: 'delivered', delivered_at: now, last_status: lastStatus, last_error: null };
  }
  const lastError = 'error' in attempt ? attempt.error : `HTTP ${attempt.status}`;
  // Worth retrying: no answer, a timeout, too many requests, or the receiver's own failure.
  const transient = lastStatus === null || lastStatus === 408 || lastStatus === 429 || lastStatus >= 500;
  if (transient && attempts < maxAttempts) {
    const next = new Date(now.getTime() + retryDelayMs(attempts));
    return { status: 'pending', next_attempt_at: next, last_status: lastStatus, last_error: lastError };
  }
  return { status: 'failed', last_status: lastStatus, last_error: lastError };
}

async function updateDelivery(
  trx: Transaction<DB>,
  lgCode: string,
  key: DeliveryKey,
  change: DeliveryChange,
  claimedAttempts?: number,
): Promise<void> {
  let query = trx
    .updateTable('webhook_delivery')
    .set(change)
    .where('lg_code', '=', lgCode)
    .where('subscription_id', '=', key.subscriptionId)
    .where('event_id', '=', key.eventId);
  // A claim whose lease ran out may have been taken again; the newer attempt's outcome wins.
  if (claimedAttempts !== undefined) {
    query = query.where('status', '=', 'pending').where('attempts', '=', claimedAttempts);
  }
  await query.execute();
}

/**
 * A short, safe description of a failed post: the error's code or name. Never its message, which
 * may quote the URL (and a token in its query), nor anything the receiver sent.
 */
function describeError(error: unknown): string {
  const { name, code, cause } = (error ?? {}) as { name?: unknown; code?: unknown; cause?: unknown };
  if (name === 'TimeoutError' || name === 'AbortError') return name;
  const inner = (cause ?? {}) as { name?: unknown; code?: unknown };
  for (const candidate of [inner.code, code, inner.name, name]) {
    if (typeof candidate === 'string' && /^[A-Za-z][A-Za-z0-9_]{0,59}$/.test(candidate)) return candidate;
  }
  return 'network error';
}

export interface WebhookDispatcherLog {
  error(fields: object, message: string): void;
}

export interface WebhookDispatcherOptions extends DispatchOptions {
  /** Pause between rounds that found nothing due; a round that posted something is followed at once. */
  readonly intervalMs?: number;
  readonly log: WebhookDispatcherLog;
}

/**
 * Runs rounds one after another, never two at once. A failed round is logged and the next one runs
 * as usual: a database hiccup must not stop deliveries for good. `stop` waits for the running round.
 */
export function startWebhookDispatcher(db: Database, options: WebhookDispatcherOptions): () => Promise<void> {
  const { intervalMs = 1000, log, ...dispatchOptions } = options;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const round = async () => {
    let busy = false;
    try {
      busy = (await dispatchDueDeliveries(db, dispatchOptions)).attempted > 0;
    } catch (error) {
      log.error({ err: error }, 'webhook dispatch failed');
    }
    if (stopped) return;
    timer = setTimeout(tick, busy ? 0 : intervalMs);
    // The dispatcher alone should not keep a process alive that is otherwise done.
    timer.unref();
  };
  const tick = () => {
    timer = undefined;
    running = round();
  };
  tick();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await running;
  };
}
