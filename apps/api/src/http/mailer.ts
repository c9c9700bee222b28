import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Mailer, MailMessage } from '@madoguchi/core';
import nodemailer from 'nodemailer';

/**
 * Where the server's e-mail goes. `smtpUrl` (e.g. `smtps://user:pass@mail.city.example.lg.jp`)
 * sends for real; `pickupDir` writes each message as a JSON file instead, for development, demos
 * and tests, so no mail leaves the machine.
 */
export type MailerConfig =
  | { readonly from: string; readonly smtpUrl: string }
  | { readonly from: string; readonly pickupDir: string };

export function createMailer(config: MailerConfig): Mailer {
  if ('smtpUrl' in config) {
    const transport = nodemailer.createTransport(config.smtpUrl);
    return {
      async send(message) {
        await transport.sendMail({ from: config.from, ...message });
      },
    };
  }
  const transport = nodemailer.createTransport({ jsonTransport: true });
  const dir = config.pickupDir;
  let sent = 0;
  return {
    async send(message) {
      const info = await transport.sendMail({ from: config.from, ...message });
      await mkdir(dir, { recursive: true, mode: 0o700 });
      // Sorted by time, then by order within one millisecond; readable by the owner only, since a
      // message holds an address and a code.
      sent += 1;
      const name = `${new Date().toISOString().replaceAll(':', '-')}-${String(sent).padStart(6, '0')}-${randomUUID()}.json`;
      await writeFile(path.join(dir, name), info.message, { mode: 0o600 });
    },
  };
}

/** The messages in a pickup directory, oldest first (what a developer or a test reads the code from). */
export async function readPickedUpMail(dir: string): Promise<MailMessage[]> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.json')).sort();
  return Promise.all(
    names.map(async (name) => {
      const mail = JSON.parse(await readFile(path.join(dir, name), 'utf8'));
      const to = Array.isArray(mail.to) ? mail.to.map((a: { address: string }) => a.address).join(', ') : '';
      return { to, subject: String(mail.subject ?? ''), text: String(mail.text ?? '') };
    }),
  );
}
