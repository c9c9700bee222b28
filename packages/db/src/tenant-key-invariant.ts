import { type Kysely, sql } from 'kysely';

/**
 * The multi-tenant rule, checked against the live catalog: every tenant-scoped table
 * leads its primary key with lg_code, every foreign key carries lg_code to the same
 * column of the parent, and every unique constraint includes lg_code (Citus requires
 * the distribution column in each). Global tables are listed here, on purpose, by name.
 */
export const GLOBAL_TABLES: ReadonlySet<string> = new Set(['schema_migration']);
export const TENANT_KEY = 'lg_code';

export interface TenantKeyViolation {
  readonly table: string;
  readonly rule: 'primary-key' | 'foreign-key' | 'unique';
  readonly message: string;
}

interface KeyRow {
  table_name: string;
  kind: 'p' | 'f' | 'u';
  constraint_name: string;
  columns: string[];
  referenced_columns: string[] | null;
}

interface TableRow {
  table_name: string;
}

// biome-ignore lint/suspicious/noExplicitAny: the check reads the catalog, not the app schema
export async function findTenantKeyViolations(db: Kysely<any>, schema = 'public'): Promise<TenantKeyViolation[]> {
  const tables = await sql<TableRow>`
    select c.relname as table_name
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = ${schema} and c.relkind in ('r', 'p') and not c.relispartition
    order by c.relname`.execute(db);
  const keys = await sql<KeyRow>`
    select c.relname as table_name, k.contype as kind, k.conname as constraint_name,
      array(select a.attname::text from unnest(k.conkey) with ordinality u(attnum, ord)
            join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.attnum order by u.ord) as columns,
      case when k.contype = 'f' then
        array(select a.attname::text from unnest(k.confkey) with ordinality u(attnum, ord)
              join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.attnum order by u.ord)
      end as referenced_columns
    from pg_constraint k
    join pg_class c on c.oid = k.conrelid
    join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = ${schema} and k.contype in ('p', 'f', 'u')
    union all
    select c.relname, 'u', i.relname,
      array(select a.attname::text from unnest(x.indkey::int2[]) with ordinality u(attnum, ord)
            join pg_attribute a on a.attrelid = x.indrelid and a.attnum = u.attnum order by u.ord),
      null
    from pg_index x
    join pg_class i on i.oid = x.indexrelid
    join pg_class c on c.oid = x.indrelid
    join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = ${schema} and x.indisunique and not x.indisprimary
      and not exists (select 1 from pg_constraint k where k.conindid = x.indexrelid)
    order by 1, 3`.execute(db);

  const violations: TenantKeyViolation[] = [];
  for (const { table_name: table } of tables.rows) {
    if (GLOBAL_TABLES.has(table)) continue;
    const own = keys.rows.filter((row) => row.table_name === table);
    const primary = own.find((row) => row.kind === 'p');
    if (!primary) {
      violations.push({
        table,
        rule: 'primary-key',
        message: `table ${table} has no primary key; it must lead with ${TENANT_KEY}`,
      });
    } else if (primary.columns[0] !== TENANT_KEY) {
      violations.push({
        table,
        rule: 'primary-key',
        message: `primary key of ${table} is (${primary.columns.join(', ')}); it must lead with ${TENANT_KEY}`,
      });
    }
    for (const key of own) {
      if (key.kind === 'f') {
        const at = key.columns.indexOf(TENANT_KEY);
        if (at < 0 || key.referenced_columns?.[at] !== TENANT_KEY) {
          violations.push({
            table,
            rule: 'foreign-key',
            message: `foreign key ${key.constraint_name} on ${table} (${key.columns.join(', ')}) must pair ${TENANT_KEY} with the parent's ${TENANT_KEY}`,
          });
        }
      }
      if (key.kind === 'u' && !key.columns.includes(TENANT_KEY)) {
        violations.push({
          table,
          rule: 'unique',
          message: `unique key ${key.constraint_name} on ${table} (${key.columns.join(', ')}) must include ${TENANT_KEY}`,
        });
      }
    }
  }
  return violations;
}
