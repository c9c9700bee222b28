import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createMailer } from '@madoguchi/api';
import type { Mailer, OidcProviderSetting, WebAuthnConfig } from '@madoguchi/core';
import { UsageError } from './errors';
import type { Io } from './io';
import { warn } from './output';

export interface LoginMethodFlags {
  host: string;
  port: string;
  demo?: boolean;
  publicUrl?: string;
  smtpUrl?: string;
  mailPickupDir?: string;
  mailFrom?: string;
  oidcConfig?: string;
}

/** Passkeys are bound to the origin residents see; without a known origin they stay off. */
export function webauthnOf(flags: LoginMethodFlags, io: Io): WebAuthnConfig | undefined {
  const base =
    flags.publicUrl ??
    (flags.port === '0'
      ? undefined
      : `http://${flags.host.includes(':') ? `[${flags.host}]` : flags.host}:${flags.port}`);
  if (!base) {
    warn(io, 'passkeys are off: give --public-url (the address residents use) to turn them on');
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new UsageError(`--public-url is not a URL: ${base}`);
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  // Browsers allow passkeys on https, and on http only for localhost.
  if (url.protocol !== 'https:' && host !== 'localhost' && host !== '127.0.0.1' && host !== '::1') {
    warn(io, `passkeys need https; ${url.origin} is not, so browsers will refuse them`);
  }
  return {
    rpId: host === '127.0.0.1' || host === '::1' ? 'localhost' : host,
    rpName: 'Madoguchi (窓口)',
    origin: url.origin,
  };
}

/** E-mail for one-time login codes: SMTP in production; a pickup directory for demos (loudly). */
export function mailerOf(flags: LoginMethodFlags, io: Io): Mailer | undefined {
  const from = flags.mailFrom ?? 'no-reply@madoguchi.invalid';
  const smtpUrl = flags.smtpUrl ?? io.env.MADOGUCHI_SMTP_URL;
  if (smtpUrl) return createMailer({ from, smtpUrl });
  const pickupDir = flags.mailPickupDir ?? (flags.demo ? '.madoguchi/mail' : undefined);
  if (!pickupDir) return undefined;
  const dir = path.resolve(io.cwd, pickupDir);
  warn(io, `login codes are not sent: they are written to ${dir} (demo and development only)`);
  return createMailer({ from, pickupDir: dir });
}

/** OpenID providers (デジタル認証アプリ, a staff IdP) from a JSON file: an array of provider settings. */
export async function oidcProvidersOf(flags: LoginMethodFlags, io: Io): Promise<OidcProviderSetting[]> {
  if (!flags.oidcConfig) return [];
  const file = path.resolve(io.cwd, flags.oidcConfig);
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    // Not the parser's message: it quotes the file, which holds a private key.
    throw new UsageError(`--oidc-config ${file} cannot be read as JSON`);
  }
  if (!Array.isArray(parsed)) throw new UsageError(`--oidc-config ${file}: expected a JSON array of provider settings`);
  return parsed as OidcProviderSetting[];
}
