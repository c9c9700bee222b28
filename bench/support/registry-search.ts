import {
  type Actor,
  createRandom,
  kanaSearchKey,
  nameSearchKey,
  type ResidentSearchCriteria,
  type ResidentsV1Record,
  searchResidents,
} from '@madoguchi/core';
import type { Database } from '@madoguchi/db';
import { type RawBuilder, sql } from 'kysely';
import { percentile, round } from './stats';

const LIMIT = 50;
const TOP = '\u{10FFFF}';
/** Queried as written; the records hold 髙橋, 齋藤/齊藤/斉藤, 渡邊/渡邉, 𠮷田 besides these. */
const VARIANT_QUERIES = ['高橋', '斎藤', '渡辺', '吉田'];

export type Shape = 'kanaPrefixAndBirthDate' | 'variantFamilyName' | 'namePrefix' | 'addressPrefix';

/** `count` criteria of each shape, from distinct residents of the sample for each shape. */
export function searchCriteria(
  lgCode: string,
  sample: readonly ResidentsV1Record[],
  count: number,
): Record<Shape, ResidentSearchCriteria[]> {
  const random = createRandom('bench-search');
  const pick = (shape: number) => Array.from({ length: count }, (_, i) => sample[(shape * count + i) % sample.length]);
  const at = (records: (ResidentsV1Record | undefined)[], i: number) => records[i] as ResidentsV1Record;
  const [a, c, d] = [pick(0), pick(1), pick(2)];
  return {
    kanaPrefixAndBirthDate: a.map((_, i) => {
      const r = at(a, i);
      const kana = `${r.familyNameKana}${r.givenNameKana ?? ''}`.slice(0, random.int(2, 3));
      return { lgCode, kana, birthDate: r.birthDate };
    }),
    variantFamilyName: Array.from({ length: count }, (_, i) => ({
      lgCode,
      name: VARIANT_QUERIES[i % VARIANT_QUERIES.length] as string,
    })),
    // 氏 and the first character of 名: what a clerk types before the list is short enough.
    namePrefix: c.map((_, i) => ({ lgCode, name: `${at(c, i).familyName}${at(c, i).givenName.slice(0, 1)}` })),
    // Down to the 街区 (…丁目30番): the households of one block.
    addressPrefix: d.map((_, i) => {
      const address = at(d, i).address;
      const block = address.indexOf('番');
      return { lgCode, address: block < 0 ? address : address.slice(0, block + 1) };
    }),
  };
}

/**
 * The baseline: the service's query (same columns, conditions, parameters, order, limit + 1) as a
 * bare statement on the same pool, with no transaction, support-measure lookup or audit row.
 */
export function bareQuery(c: ResidentSearchCriteria): RawBuilder<unknown> {
  const range = (column: string, text: string, searchKey = nameSearchKey) => {
    const key = searchKey(text);
    return sql`${sql.ref(column)} >= ${key} and ${sql.ref(column)} < ${key + TOP}`;
  };
  const where = [sql`lg_code = ${c.lgCode}`, sql`is_current = ${true}`, sql`status = ${'resident'}`];
  if (c.kana !== undefined && c.birthDate !== undefined)
    where.push(sql`starts_with(kana_key || '', ${kanaSearchKey(c.kana)})`);
  else if (c.kana !== undefined) where.push(range('kana_key', c.kana, kanaSearchKey));
  if (c.address !== undefined) where.push(range('address_key', c.address));
  if (c.birthDate !== undefined) where.push(sql`birth_date = ${c.birthDate}`);
  const columns = sql`person_id, household_id, resident_kind, family_name, given_name, family_name_kana,
           given_name_kana, alias_name, birth_date, sex, relationship, address, address_detail, status`;
  const branch = (key: string, extra: RawBuilder<unknown>) => sql`
    (select ${columns}, ${sql.ref(key)} as sort_key from resident_record
      where ${sql.join([...where, extra], sql` and `)}
      order by ${sql.ref(key)}, person_id limit ${LIMIT + 1})`;
  if (c.name !== undefined) {
    // As the service: the 氏名 and the 通称 ranges as two ordered scans, merged.
    return sql`
      select * from (${branch('name_key', range('name_key', c.name))}
                     union all ${branch('alias_name_key', range('alias_name_key', c.name))}) found
       order by sort_key, person_id limit ${LIMIT + 1}`;
  }
  const order = c.kana !== undefined ? 'kana_key' : c.address !== undefined ? 'address_key' : 'person_id';
  if (order === 'kana_key' && c.birthDate !== undefined) {
    return sql`select ${columns}, kana_key as sort_key from resident_record where ${sql.join(where, sql` and `)}
      order by birth_date, kana_key, person_id limit ${LIMIT + 1}`;
  }
  return branch(order, sql`true`);
}

interface Samples {
  ms: number[];
  found: number[];
}

/** Each criteria once through the service and once bare, alternating which goes first; warm-up untimed. */
export async function timeSearches(db: Database, actor: Actor, criteria: readonly ResidentSearchCriteria[]) {
  const service: Samples = { ms: [], found: [] };
  const bare: Samples = { ms: [], found: [] };
  const paths = {
    service: async (c: ResidentSearchCriteria) => (await searchResidents(db, actor, c)).residents.length,
    bare: async (c: ResidentSearchCriteria) => Math.min(LIMIT, (await bareQuery(c).execute(db.kysely)).rows.length),
  };
  const warmUp = criteria.slice(0, 20);
  for (const c of warmUp) for (const path of [paths.service, paths.bare]) await path(c);
  for (const [i, c] of criteria.entries()) {
    for (const name of i % 2 === 0 ? (['service', 'bare'] as const) : (['bare', 'service'] as const)) {
      const start = performance.now();
      const found = await paths[name](c);
      const samples = name === 'service' ? service : bare;
      samples.ms.push(performance.now() - start);
      samples.found.push(found);
    }
  }
  const paired = service.ms.map((ms, i) => ms - (bare.ms[i] as number));
  return {
    queries: criteria.length,
    example: criteria[0],
    service: figures(service),
    bareSelectBaseline: figures(bare),
    // Per query, service minus bare: robust where the latencies are multimodal (a few repeated queries).
    serviceOverheadMs: { pairedMedian: round(percentile(paired, 50), 2), mean: round(mean(paired), 2) },
    // Should be 0: otherwise the baseline no longer asks what the service asks.
    queriesWithDifferentResultCounts: service.found.filter((n, i) => n !== bare.found[i]).length,
    ...byCriteria(criteria, service.ms, bare.ms),
  };
}

/** When a few criteria repeat (the variant names), each one's median: where it sits in kana order shows. */
function byCriteria(criteria: readonly ResidentSearchCriteria[], service: number[], bare: number[]) {
  const keys = criteria.map(({ lgCode: _, ...c }) => Object.values(c).join(' '));
  const distinct = [...new Set(keys)];
  if (distinct.length > 10) return {};
  const p50 = (ms: number[], key: string) =>
    round(
      percentile(
        ms.filter((_, i) => keys[i] === key),
        50,
      ),
      2,
    );
  const entries = distinct.map((key) => [key, { serviceP50Ms: p50(service, key), bareP50Ms: p50(bare, key) }]);
  return { byCriteria: Object.fromEntries(entries) };
}

const mean = (values: readonly number[]) => values.reduce((s, v) => s + v, 0) / values.length;

function figures({ ms, found }: Samples) {
  return {
    p50Ms: round(percentile(ms, 50), 2),
    p95Ms: round(percentile(ms, 95), 2),
    p99Ms: round(percentile(ms, 99), 2),
    maxMs: round(Math.max(...ms), 2),
    meanMs: round(mean(ms), 2),
    meanResults: round(mean(found), 1),
    fullPageShare: round(found.filter((n) => n >= LIMIT).length / found.length, 3),
  };
}
