import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AxeResults, Result, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA: what the project promises. */
export const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

let axeSource: Promise<string> | undefined;

function readAxeSource(): Promise<string> {
  axeSource ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

/**
 * Runs axe-core in the page and returns the WCAG A/AA violations. The source is evaluated
 * through the DevTools protocol rather than added as a <script> tag: the app's
 * Content-Security-Policy (script-src 'self') rightly blocks inline scripts, and the test
 * should see the page under its real policy.
 */
export async function findAxeViolations(page: Page): Promise<Result[]> {
  await page.evaluate(await readAxeSource());
  const options: RunOptions = { runOnly: { type: 'tag', values: WCAG_AA_TAGS }, resultTypes: ['violations'] };
  const results = await page.evaluate(
    (runOptions) => (globalThis as unknown as { axe: { run(o: RunOptions): Promise<AxeResults> } }).axe.run(runOptions),
    options,
  );
  return results.violations;
}

/** One line per violation: rule id, impact, and the selectors of the offending elements. */
export function describeViolations(violations: readonly Result[]): string {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((node) => node.target.join(' ')).join('\n    ')}`)
    .join('\n');
}

/** Fails when axe finds serious or critical WCAG A/AA problems; `label` says which page state. */
export async function expectNoSeriousAxeViolations(page: Page, label: string): Promise<void> {
  const blocking = (await findAxeViolations(page)).filter((v) => BLOCKING_IMPACTS.has(v.impact ?? ''));
  expect(blocking, `axe: serious or critical violations on ${label}:\n${describeViolations(blocking)}`).toEqual([]);
}
