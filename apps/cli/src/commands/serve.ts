import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp, parseZoneEntry, type ZoneEntry } from '@madoguchi/api';
import {
  auditKeyFile,
  createAuditKeyFile,
  DEMO_TENANT,
  ensureTenant,
  initDevCa,
  loadTrustStoreFromFiles,
  registerAuditKey,
  revocationWarnings,
  systemActor,
  type TrustStore,
} from '@madoguchi/core';
import { checkReadiness, checkServiceRole, type Database, migrate, openDatabase } from '@madoguchi/db';
import type { Command } from 'commander';
import { type CheckpointLog, scheduleCheckpoints } from '../checkpoint-scheduler';
import { type DatabaseFlags, describeDatabaseTarget, targetOf, withDatabaseOptions } from '../database-options';
import { UsageError } from '../errors';
import type { Io } from '../io';
import { type LoginMethodFlags, mailerOf, oidcProvidersOf, webauthnOf } from '../login-methods';
import { warn } from '../output';
import { keyDirOf } from './audit';

const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../../web/dist/', import.meta.url));
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

interface ServeFlags extends DatabaseFlags, LoginMethodFlags {
  cardTrustAnchor?: string[];
  cardCrl?: string[];
  zone?: string[];
  checkpointEvery: string;
  keyDir?: string;
  port: string;
  host: string;
  demo?: boolean;
  webRoot?: string;
  logLevel: string;
  json?: boolean;
}

export function serveCommand(program: Command, io: Io): void {
  withDatabaseOptions(
    program
      .command('serve')
      .description('serve the API and the web app on one port')
      .option('--port <port>', 'TCP port (0 picks a free one)', '3000')
      .option('--host <host>', 'address to listen on', '127.0.0.1')
      .option('--demo', 'migrate the database and add the demo municipality 999997 デモ市 first')
      .option('--web-root <dir>', 'the built web app to serve', DEFAULT_WEB_ROOT)
      .option('--log-level <level>', 'fatal, error, warn, info, debug or trace', io.env.MADOGUCHI_LOG_LEVEL ?? 'info')
      .option('--card-trust-anchor <file...>', 'trust anchor certificates (PEM) for My Number card login')
      .option('--card-crl <file...>', 'certificate revocation lists (PEM) for card login')
      .option('--zone <CIDR=ZONE[:idleSeconds]...>', 'staff terminals: address range, network zone, idle timeout')
      .option(
        '--checkpoint-every <minutes>',
        'sign each audit chain this often, with the keys in --key-dir (0: never)',
        '0',
      )
      .option('--key-dir <dir>', 'audit checkpoint keys (default MADOGUCHI_KEY_DIR or ./.madoguchi/keys)')
      .option('--json', 'print the URLs as JSON once listening'),
  ).action(async (flags: ServeFlags) => {
    const port = parsePort(flags.port);
    const target = targetOf(flags, io);
    const db = await openDatabase(target, { applicationName: 'madoguchi-serve' });
    try {
      await prepare(db, flags, io);
      const cardTrustStore = await cardTrust(flags, io);
      const app = await buildApp({
        db,
        ...(cardTrustStore ? { cardTrustStore } : {}),
        zones: terminalZones(flags, io),
        oidcProviders: await oidcProvidersOf(flags, io),
        ...optional('webauthn', webauthnOf(flags, io)),
        ...optional('mailer', mailerOf(flags, io)),
        webRoot: flags.webRoot,
        logger: { level: flags.logLevel, stream: { write: (line: string) => io.stdout.write(line) } },
      });
      try {
        await app.listen({ host: flags.host, port });
        announce(io, flags, app.server.address(), describeDatabaseTarget(target));
        const stopCheckpoints = await checkpoints(db, flags, io, app.log);
        const signal = await io.stopSignal;
        stopCheckpoints();
        app.log.info({ signal }, 'stopping');
      } finally {
        await app.close();
      }
    } finally {
      await db.close();
    }
  });
}

async function prepare(db: Database, flags: ServeFlags, io: Io): Promise<void> {
  if (flags.demo) {
    await migrate(db);
    await ensureTenant(db, systemActor('serve --demo'), DEMO_TENANT);
  }
  const readiness = await checkReadiness(db);
  if (!readiness.ready) {
    warn(
      io,
      `the database is not ready (${readiness.reason}); run \`madoguchi db migrate\` first. /readyz answers 503 until then`,
    );
  }
  for (const warning of await checkServiceRole(db)) warn(io, warning.message);
  if (!LOOPBACK.has(flags.host)) {
    warn(io, `listening on ${flags.host} without TLS: put a TLS-terminating proxy in front and limit who can reach it`);
  }
  if (!existsSync(`${flags.webRoot}/index.html`)) {
    warn(io, `the web app is not built (no ${flags.webRoot}/index.html); run \`npm run build -w @madoguchi/web\``);
  }
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65_535)
    throw new UsageError(`--port must be a whole number from 0 to 65535 (got "${text}")`);
  return port;
}

function announce(
  io: Io,
  flags: ServeFlags,
  address: ReturnType<import('node:net').Server['address']>,
  database: string,
): void {
  const port = typeof address === 'object' && address ? address.port : Number(flags.port);
  const host = flags.host.includes(':') ? `[${flags.host}]` : flags.host;
  const base = `http://${host}:${port}`;
  const urls = {
    app: `${base}/`,
    docs: `${base}/docs`,
    openapi: `${base}/api/v1/openapi.json`,
    health: `${base}/healthz`,
  };
  if (flags.json) {
    io.stdout.write(`${JSON.stringify({ listening: urls, database })}\n`);
    return;
  }
  io.stdout.write(
    [
      `Madoguchi (窓口) is running on ${database}`,
      `  web app      ${urls.app}`,
      `  API docs     ${urls.docs}`,
      `  OpenAPI      ${urls.openapi}`,
      `  health       ${urls.health}`,
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
}

const DEMO_CA_DIR = '.madoguchi/dev-ca';

/**
 * Trust anchors for card login: the given files; with --demo and none given, a development CA
 * created on first use (and a loud warning, since trusting it in production would let anyone in).
 */
async function cardTrust(flags: ServeFlags, io: Io): Promise<TrustStore | undefined> {
  let anchors = flags.cardTrustAnchor ?? [];
  let crls = flags.cardCrl ?? [];
  if (anchors.length === 0 && flags.demo) {
    const dir = path.resolve(io.cwd, DEMO_CA_DIR);
    if (!existsSync(path.join(dir, 'ca-cert.pem'))) await initDevCa(dir);
    anchors = [path.join(dir, 'ca-cert.pem')];
    crls = [path.join(dir, 'ca.crl.pem')];
    warn(io, `card login trusts the DEVELOPMENT CA in ${dir}: demo only, never in production`);
  }
  if (anchors.length === 0) return undefined;
  const store = await loadTrustStoreFromFiles({ anchorFiles: anchors, crlFiles: crls });
  for (const warning of revocationWarnings(store)) warn(io, warning);
  return store;
}

/** Staff terminals by address range; --demo treats this machine as a terminal of the individual-number zone. */
function terminalZones(flags: ServeFlags, io: Io): ZoneEntry[] {
  try {
    const zones = (flags.zone ?? []).map(parseZoneEntry);
    if (zones.length === 0 && flags.demo) {
      warn(
        io,
        'staff may log in from this machine (127.0.0.0/8, ::1) as a terminal of the individual-number zone: demo only',
      );
      return [parseZoneEntry('127.0.0.0/8=individual-number'), parseZoneEntry('::1/128=individual-number')];
    }
    if (zones.length === 0) warn(io, 'no --zone is configured: staff cannot log in from any terminal');
    return zones;
  } catch (error) {
    throw new UsageError(`--zone: ${(error as Error).message}`);
  }
}

/** Periodic audit checkpoints; --demo creates the demo municipality's key and signs every 5 minutes. */
async function checkpoints(db: Database, flags: ServeFlags, io: Io, log: CheckpointLog): Promise<() => void> {
  const keyDir = keyDirOf(flags, io);
  let minutes = Number(flags.checkpointEvery);
  if (!Number.isFinite(minutes) || minutes < 0) throw new UsageError('--checkpoint-every must be a number of minutes');
  if (flags.demo && minutes === 0) {
    minutes = 5;
    if (!existsSync(auditKeyFile(keyDir, DEMO_TENANT.lgCode))) {
      const { publicKey } = await createAuditKeyFile(keyDir, DEMO_TENANT.lgCode);
      await registerAuditKey(db.kysely, DEMO_TENANT.lgCode, publicKey);
    }
  }
  return minutes > 0 ? scheduleCheckpoints(db, keyDir, minutes, log) : () => {};
}

/** `{ key: value }` when there is a value, else nothing (options are absent, not undefined). */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
