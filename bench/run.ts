import { readdir } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { type BenchModule, parseDuration, parseEngine } from './support/options';

/**
 * `npm run bench -- <name> [--engine pglite|postgres] [--duration seconds] [--residents N]`: runs
 * bench/<name>.bench.ts and prints its result as JSON; with no name, lists them. --residents is
 * for the registry benchmark; a benchmark may export `defaultEngine` (used when --engine is absent).
 */
const SUFFIX = '.bench.ts';
const here = new URL('./', import.meta.url);

async function listNames(): Promise<string[]> {
  return (await readdir(here))
    .filter((file) => file.endsWith(SUFFIX))
    .map((file) => file.slice(0, -SUFFIX.length))
    .sort();
}

async function load(name: string): Promise<BenchModule> {
  return (await import(new URL(`${name}${SUFFIX}`, here).href)) as BenchModule;
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { engine: { type: 'string' }, duration: { type: 'string' }, residents: { type: 'string' } },
  });
  const names = await listNames();
  const [name] = positionals;
  if (name === undefined) {
    const benchmarks = await Promise.all(
      names.map(async (n) => ({ name: n, description: (await load(n)).description })),
    );
    const usage = 'npm run bench -- <name> [--engine pglite|postgres] [--duration seconds] [--residents N]';
    console.log(JSON.stringify({ usage, benchmarks }, null, 2));
    return;
  }
  // Only names from the listing: the name becomes a module path.
  if (!names.includes(name)) throw new Error(`no benchmark named ${name}; there are: ${names.join(', ')}`);
  const bench = (await load(name)) as BenchModule & { readonly defaultEngine?: string };
  const engine = parseEngine(values.engine ?? bench.defaultEngine);
  const options = { engine, duration: parseDuration(values.duration), residents: values.residents };
  const result = await bench.run(options);
  console.log(JSON.stringify(result, null, 2));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
