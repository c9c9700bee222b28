import { readFileSync } from 'node:fs';
import pg from 'pg';
import { round } from './stats';

/**
 * CPU time spent per request, by whom: the server process, the database backends serving it, this
 * process (the load generator) and the whole machine. On a shared machine throughput swings twofold
 * from one hour to the next while the CPU a request costs barely moves, so this is the figure to
 * compare when judging a change. Read from /proc (Linux); null elsewhere or when not readable.
 */
export interface CpuSnapshot {
  readonly server: number | null;
  /** CPU ms of each backend, by pid: a backend that appears later started within the interval. */
  readonly database: ReadonlyMap<number, number> | null;
  readonly loadGenerator: number;
  readonly machine: number | null;
}

const TICK_MS = 10; // USER_HZ is 100 on Linux for every architecture Node supports

function processCpuMs(pid: number): number | null {
  try {
    // Fields after the command name (which may hold spaces and parentheses): utime is the 12th, stime the 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return null;
  }
}

function machineBusyMs(): number | null {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]?.split(/\s+/).slice(1).map(Number) ?? [];
    // user nice system idle iowait irq softirq steal: busy is all but idle, iowait and steal.
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0] = cpu;
    return (user + nice + system + irq + softirq) * TICK_MS;
  } catch {
    return null;
  }
}

/** The database backends connected to the benchmark's database (PostgreSQL on this machine only). */
export async function databaseBackends(url: string | undefined): Promise<number[]> {
  if (!url) return [];
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    );
    return rows.map((row) => row.pid);
  } finally {
    await client.end();
  }
}

export function cpuSnapshot(serverPid: number | undefined, backends: readonly number[]): CpuSnapshot {
  const database = new Map<number, number>();
  for (const pid of backends) {
    const ms = processCpuMs(pid);
    if (ms !== null) database.set(pid, ms);
  }
  const usage = process.cpuUsage();
  return {
    server: serverPid === undefined ? null : processCpuMs(serverPid),
    database: database.size === 0 ? null : database,
    loadGenerator: (usage.user + usage.system) / 1000,
    machine: machineBusyMs(),
  };
}

/** Milliseconds of CPU per request between two snapshots, for each party. */
export function cpuPerRequest(before: CpuSnapshot, after: CpuSnapshot, requests: number) {
  const per = (spent: number | null) => (spent === null || requests === 0 ? null : round(spent / requests, 3));
  const spent = (a: number | null, b: number | null) => (a === null || b === null ? null : b - a);
  // Every backend alive at the end; one that started within the interval counts from zero, one that
  // ended within it is missed (the pool keeps its connections while under load).
  const database =
    after.database === null
      ? null
      : [...after.database].reduce((sum, [pid, ms]) => sum + ms - (before.database?.get(pid) ?? 0), 0);
  return {
    server: per(spent(before.server, after.server)),
    database: per(database),
    loadGenerator: per(after.loadGenerator - before.loadGenerator),
    machine: per(spent(before.machine, after.machine)),
  };
}
