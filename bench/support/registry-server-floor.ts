import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { DatabaseTarget } from '@madoguchi/db';
import pg from 'pg';
import { from as copyFromStream, to as copyToStream } from 'pg-copy-streams';
import { round } from './stats';

/**
 * What the PostgreSQL server alone needs to hold a municipality's records the way the registry
 * does, with no work in this process: the rows already in their final binary form, copied with
 * FREEZE into a table created in the same transaction (the cheapest write PostgreSQL offers without
 * wal_level=minimal), then the registry's primary key and secondary indexes built once, sorted —
 * the same definitions as resident_record's. Measured in the same run as the raw COPY, it is the
 * lower bound of any import's time on this server: the import cannot be faster than this.
 */
export async function serverFloor(target: DatabaseTarget, lgCode: string, rows: number) {
  if (target.engine !== 'postgres') return null;
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    const binary = await readBinary(client, lgCode);
    const { rows: indexRows } = await client.query<{ name: string; definition: string }>(
      `select indexname as name, indexdef as definition from pg_indexes
        where schemaname = current_schema() and tablename = 'resident_record' order by indexname`,
    );
    await client.query('checkpoint');
    const start = performance.now();
    await client.query('begin');
    await client.query("set local maintenance_work_mem = '256MB'");
    await client.query('create table registry_floor_probe (like resident_record including defaults)');
    const stream = client.query(copyFromStream('COPY registry_floor_probe FROM STDIN WITH (FORMAT binary, FREEZE)'));
    await pipeline(Readable.from(binary), stream);
    const copied = performance.now();
    const indexes: Record<string, number> = {};
    for (const index of indexRows) {
      const t = performance.now();
      const definition = index.definition
        .replace(/ ON (public\.)?resident_record /, ' ON registry_floor_probe ')
        .replace(/INDEX (\S+) ON/, 'INDEX $1_floor ON');
      await client.query(definition);
      indexes[index.name] = round(performance.now() - t);
    }
    await client.query('commit');
    const end = performance.now();
    await client.query('drop table registry_floor_probe');
    if (Number(stream.rowCount) !== rows)
      throw new Error(`floor probe copied ${stream.rowCount} rows, expected ${rows}`);
    return {
      ms: round(end - start),
      copyMs: round(copied - start),
      indexMs: round(end - copied),
      indexes,
      binaryMb: round(binary.reduce((n, b) => n + b.length, 0) / 1e6),
    };
  } finally {
    await client.end();
  }
}

async function readBinary(client: pg.Client, lgCode: string): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  const escaped = lgCode.replace(/[^0-9]/g, '');
  const source = client.query(
    copyToStream(`COPY (select * from resident_record where lg_code = '${escaped}') TO STDOUT WITH (FORMAT binary)`),
  );
  await pipeline(
    source,
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
    }),
  );
  return chunks;
}
