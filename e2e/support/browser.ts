import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium: playwright-core drives it, so no browser download is needed. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

const INSTALL_HINT = 'Chromium is not installed: .ci/run installs it with apt-get install chromium fonts-noto-cjk';

/**
 * Whether browser tests can run here. In CI a missing browser is an error, so the suite can
 * never pass by silently skipping; on a developer machine it skips with a visible warning.
 */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.env.CI) throw new Error(`${INSTALL_HINT} (looked for ${CHROMIUM_PATH})`);
  console.warn(`[e2e] skipping browser tests: ${INSTALL_HINT} (looked for ${CHROMIUM_PATH})`);
  return false;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    // Quiet, offline-friendly flags: no update checks, sync or QUIC probes that slow start-up
    // or reach the network; --no-sandbox because CI containers run as root.
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
