import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildApp } from '@madoguchi/api';
import {
  DEMO_TENANT,
  ensureTenant,
  startAuditSealer,
  startWebhookDispatcher,
  syncProcedureCatalog,
  systemActor,
} from '@madoguchi/core';
import {
  checkReadiness,
  checkServiceRole,
  type Database,
  DEFAULT_POOL_SIZE,
  migrate,
  openDatabase,
} from '@madoguchi/db';
import type { Command } from 'commander';
import { type DatabaseFlags, describeDatabaseTarget, targetOf, withDatabaseOptions } from '../database-options';
import { ensureDemoStaff } from '../demo-staff';
import { UsageError } from '../errors';
import type { Io } from '../io';
import { type LoginMethodFlags, mailerOf, oidcProvidersOf, webauthnOf } from '../login-methods';
import { warn } from '../output';
import { cardTrust, checkpoints, optional, type ServeSetupFlags, terminalZones } from '../serve-setup';
import { seedDemoResidents } from './demo';

const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../../web/dist/', import.meta.url));
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

interface ServeFlags extends DatabaseFlags, LoginMethodFlags, ServeSetupFlags {
  port: string;
  host: string;
  webRoot?: string;
  logLevel: string;
  dbPoolSize: string;
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
      .option(
        '--db-pool-size <n>',
        'connections to the PostgreSQL server (or MADOGUCHI_DB_POOL_SIZE); few, statements are pipelined',
        io.env.MADOGUCHI_DB_POOL_SIZE ?? String(DEFAULT_POOL_SIZE),
      )
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
    const poolSize = parsePoolSize(flags.dbPoolSize);
    const target = targetOf(flags, io);
    const db = await openDatabase(target, { applicationName: 'madoguchi-serve', poolSize });
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
        // Events of the outbox go to the subscribed systems from this process (docs/adr/0013).
        const stopWebhooks = startWebhookDispatcher(db, { log: app.log });
        // Audit rows are chained within a quarter of a second of their commit (docs/adr/0014).
        const stopSealer = startAuditSealer(db.kysely, { log: app.log });
        const signal = await io.stopSignal;
        stopCheckpoints();
        await stopWebhooks();
        await stopSealer();
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
    await seedDemoOnce(db, io);
    await syncProcedureCatalog(db, systemActor('serve --demo'), DEMO_TENANT.lgCode);
    await ensureDemoStaff(db, io);
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

/** The demo municipality gets its synthetic population once (2,000 residents, seed "madoguchi"). */
async function seedDemoOnce(db: Database, io: Io): Promise<void> {
  const seeded = await db.kysely
    .selectFrom('resident_record')
    .select('person_id')
    .where('lg_code', '=', DEMO_TENANT.lgCode)
    .limit(1)
    .executeTakeFirst();
  if (seeded) return;
  const result = await seedDemoResidents(db, io, {
    lgCode: DEMO_TENANT.lgCode,
    residents: 2000,
    seed: 'madoguchi',
    quiet: true,
  });
  io.stderr.write(
    `madoguchi: seeded the demo municipality with ${result.inserted} synthetic residents (madoguchi demo seed)\n`,
  );
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65_535)
    throw new UsageError(`--port must be a whole number from 0 to 65535 (got "${text}")`);
  return port;
}

function parsePoolSize(text: string): number {
  const size = Number(text);
  if (!/^\d+$/.test(text) || size < 1 || size > 100)
    throw new UsageError(`--db-pool-size must be a whole number from 1 to 100 (got "${text}")`);
  return size;
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
