import type { Engine } from '@madoguchi/db';

/** What `npm run bench -- <name> [options]` hands to a benchmark's `run()`. */
export interface BenchOptions {
  readonly engine: Engine;
  /** Seconds of load, for the benchmarks that drive load for a time (http). */
  readonly duration: number;
}

/** A benchmark module: `bench/<name>.bench.ts`. */
export interface BenchModule {
  readonly description: string;
  run(options: BenchOptions): Promise<object>;
}

export function parseEngine(value: string | undefined): Engine {
  if (value === undefined || value === 'pglite' || value === 'postgres') return value ?? 'pglite';
  throw new Error(`--engine must be pglite or postgres (got ${value})`);
}

/** Bounded, so that a typo cannot start an hour of load on a shared machine. */
export function parseDuration(value: string | undefined): number {
  if (value === undefined) return 5;
  const seconds = Number(value);
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 120) {
    throw new Error(`--duration must be a whole number of seconds from 1 to 120 (got ${value})`);
  }
  return seconds;
}
