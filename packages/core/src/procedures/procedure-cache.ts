import type { Database } from '@madoguchi/db';
import { findVersion, type StoredProcedureVersion } from './procedure.repository';

/**
 * Definitions are read on every application step, and a definition is tens of kilobytes of JSON.
 * A published version never changes, so versions are kept once read; which version is offered now
 * is kept for LATEST_TTL_MS (a version published in another process is offered at most that late;
 * in this process at once).
 */
const LATEST_TTL_MS = 5_000;
const MAX_VERSIONS = 1_000;

interface Cache {
  readonly versions: Map<string, StoredProcedureVersion>;
  readonly latest: Map<string, { version: number; until: number }>;
}
// Per database: a process may hold several (tests do), each with its own versions.
const caches = new WeakMap<Database, Cache>();

function cacheOf(db: Database): Cache {
  let cache = caches.get(db);
  if (!cache) {
    cache = { versions: new Map(), latest: new Map() };
    caches.set(db, cache);
  }
  return cache;
}

/** One version (immutable once published), from memory when read before. */
export async function cachedVersion(
  db: Database,
  lgCode: string,
  procedureId: string,
  version: number,
): Promise<StoredProcedureVersion | null> {
  const key = `${lgCode}/${procedureId}/${version}`;
  const { versions } = cacheOf(db);
  const known = versions.get(key);
  if (known) return known;
  const stored = await findVersion(db.kysely, lgCode, procedureId, version);
  if (stored && stored.status === 'published') remember(versions, key, stored);
  return stored;
}

/** The latest version (offered unless retired), at most LATEST_TTL_MS old. */
export async function cachedLatestVersion(
  db: Database,
  lgCode: string,
  procedureId: string,
  now = Date.now(),
): Promise<StoredProcedureVersion | null> {
  const key = `${lgCode}/${procedureId}`;
  const { latest, versions } = cacheOf(db);
  const hint = latest.get(key);
  if (hint && hint.until > now) return cachedVersion(db, lgCode, procedureId, hint.version);
  const stored = await findVersion(db.kysely, lgCode, procedureId);
  if (!stored) return null;
  if (stored.status === 'published') {
    latest.set(key, { version: stored.version, until: now + LATEST_TTL_MS });
    remember(versions, `${key}/${stored.version}`, stored);
  }
  return stored;
}

/** Publishing or retiring in this process takes effect here at once. */
export function forgetLatestVersion(db: Database, lgCode: string, procedureId: string): void {
  const { latest, versions } = cacheOf(db);
  latest.delete(`${lgCode}/${procedureId}`);
  for (const key of versions.keys()) if (key.startsWith(`${lgCode}/${procedureId}/`)) versions.delete(key);
}

function remember(versions: Map<string, StoredProcedureVersion>, key: string, stored: StoredProcedureVersion): void {
  if (versions.size >= MAX_VERSIONS) versions.clear();
  versions.set(key, stored);
}
