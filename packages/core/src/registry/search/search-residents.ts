import type { Database } from '@madoguchi/db';
import { sql } from 'kysely';
import type { Actor } from '../../actor';
import { appendAudit } from '../../audit';
import { AppError, type FieldProblem } from '../../errors';
import { kanaSearchKey, nameSearchKey } from '../name-key';
import { isCalendarDate } from '../resident-items.validation';
import { supportedPersons } from '../support-measures';

/** Criteria of 基本検索 (standard sections 320–340); every one given must match. */
export interface ResidentSearchCriteria {
  readonly lgCode: string;
  /** 氏名 (kanji or alias), prefix: 高橋, 髙橋 太郎, 𠮷田 all fold variants. */
  readonly name?: string;
  /** 振り仮名, prefix, hiragana or katakana, any width, with the fuzzy rules of section 330 (kanaSearchKey). */
  readonly kana?: string;
  readonly birthDate?: string;
  /** 住所 (with 方書), prefix. */
  readonly address?: string;
  readonly personId?: string;
  readonly householdId?: string;
  readonly includeRemoved?: boolean;
  readonly limit?: number;
}

export interface ResidentSummary {
  readonly personId: string;
  readonly householdId: string;
  readonly residentKind: 'japanese' | 'foreign';
  readonly familyName: string;
  readonly givenName: string;
  readonly familyNameKana: string | null;
  readonly givenNameKana: string | null;
  readonly aliasName: string | null;
  readonly birthDate: string;
  readonly sex: number;
  readonly relationship: string;
  readonly address: string;
  readonly addressDetail: string | null;
  readonly status: 'resident' | 'removed';
  /** Shown as a warning on every screen (section 380): handle only with the support-measure desk. */
  readonly supportMeasure: boolean;
}

export interface ResidentSearchResult {
  readonly residents: readonly ResidentSummary[];
  /** More matched than `limit`: narrow the search. */
  readonly truncated: boolean;
}

const MAX_LIMIT = 200;

interface SummaryRow {
  readonly person_id: string;
  readonly household_id: string;
  readonly resident_kind: 'japanese' | 'foreign';
  readonly family_name: string;
  readonly given_name: string;
  readonly family_name_kana: string | null;
  readonly given_name_kana: string | null;
  readonly alias_name: string | null;
  readonly birth_date: string;
  readonly sex: number;
  readonly relationship: string;
  readonly address: string;
  readonly address_detail: string | null;
  readonly status: 'resident' | 'removed';
}
const TOP = '\u{10FFFF}';

/** Searches the current records; the search and the persons it returned are one audit row. */
export async function searchResidents(
  db: Database,
  actor: Actor,
  criteria: ResidentSearchCriteria,
): Promise<ResidentSearchResult> {
  const problems: FieldProblem[] = [];
  const nameKey = criteria.name === undefined ? undefined : nameSearchKey(criteria.name);
  const kanaKey = criteria.kana === undefined ? undefined : kanaSearchKey(criteria.kana);
  const addressKey = criteria.address === undefined ? undefined : nameSearchKey(criteria.address);
  if (nameKey === '') problems.push({ field: 'name', message: 'has no searchable characters' });
  if (kanaKey === '') problems.push({ field: 'kana', message: 'has no searchable characters' });
  if (addressKey === '') problems.push({ field: 'address', message: 'has no searchable characters' });
  if (criteria.birthDate !== undefined && !isCalendarDate(criteria.birthDate)) {
    problems.push({ field: 'birthDate', message: 'is not a calendar date (expected YYYY-MM-DD)' });
  }
  const limit = criteria.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    problems.push({ field: 'limit', message: `must be an integer from 1 to ${MAX_LIMIT}` });
  }
  const given = [nameKey, kanaKey, addressKey, criteria.birthDate, criteria.personId, criteria.householdId];
  if (given.every((c) => c === undefined)) {
    problems.push({ field: '', message: 'give at least one of name, kana, birthDate, address, personId, householdId' });
  }
  if (problems.length > 0)
    throw new AppError('VALIDATION_FAILED', `${problems.length} field(s) are invalid`, { problems });

  return db.kysely.transaction().execute(async (trx) => {
    let query = trx
      .selectFrom('resident_record')
      .select([
        'person_id',
        'household_id',
        'resident_kind',
        'family_name',
        'given_name',
        'family_name_kana',
        'given_name_kana',
        'alias_name',
        'birth_date',
        'sex',
        'relationship',
        'address',
        'address_detail',
        'status',
      ])
      .where('lg_code', '=', criteria.lgCode)
      .where('is_current', '=', true);
    if (!criteria.includeRemoved) query = query.where('status', '=', 'resident');
    if (kanaKey !== undefined && criteria.birthDate !== undefined) {
      // A birth date narrows to a few dozen persons through the (birth_date, kana_key) index. The planner
      // misestimates a kana prefix (rows=1 for thousands) and walked the kana index, filtering on the
      // date; on an expression (kana_key || '') no index applies to the kana, so the date index is used.
      query = query.where(sql<boolean>`starts_with(kana_key || '', ${kanaKey})`);
    } else if (kanaKey !== undefined) {
      query = query.where('kana_key', '>=', kanaKey).where('kana_key', '<', kanaKey + TOP);
    }
    if (addressKey !== undefined) {
      query = query.where('address_key', '>=', addressKey).where('address_key', '<', addressKey + TOP);
    }
    if (criteria.birthDate !== undefined) query = query.where('birth_date', '=', criteria.birthDate);
    if (criteria.personId !== undefined) query = query.where('person_id', '=', criteria.personId);
    if (criteria.householdId !== undefined) query = query.where('household_id', '=', criteria.householdId);
    // Order by the key of the range being scanned, so the index gives the order and LIMIT stops early
    // (a common name has ~1 % of a city: sorting all its rows, or walking another index, costs 100 ms+).
    // A name matches the 氏名 or the 通称: two ordered index scans, merged here.
    let rows: (SummaryRow & { sortKey: string })[];
    if (nameKey !== undefined) {
      const byName = await query
        .select(sql<string>`name_key`.as('sortKey'))
        .where('name_key', '>=', nameKey)
        .where('name_key', '<', nameKey + TOP)
        .orderBy('name_key')
        .orderBy('person_id')
        .limit(limit + 1)
        .execute();
      const byAlias = await query
        .select(sql<string>`alias_name_key`.as('sortKey'))
        .where('alias_name_key', '>=', nameKey)
        .where('alias_name_key', '<', nameKey + TOP)
        .orderBy('alias_name_key')
        .orderBy('person_id')
        .limit(limit + 1)
        .execute();
      const seen = new Set(byName.map((r) => r.person_id));
      rows = [...byName, ...byAlias.filter((r) => !seen.has(r.person_id))]
        .sort((x, y) => (x.sortKey < y.sortKey ? -1 : x.sortKey > y.sortKey ? 1 : x.person_id < y.person_id ? -1 : 1))
        .slice(0, limit + 1);
    } else {
      const order = kanaKey !== undefined ? 'kana_key' : addressKey !== undefined ? 'address_key' : 'person_id';
      // With a birth date the (birth_date, kana_key) index gives exactly this order; saying so keeps the
      // planner from walking a broad kana prefix and filtering on the date.
      const byBirth = criteria.birthDate !== undefined && order === 'kana_key';
      rows = await (byBirth ? query.orderBy('birth_date') : query)
        .select(sql<string>`${sql.ref(order)}`.as('sortKey'))
        .orderBy(sql.ref(order))
        .orderBy('person_id')
        .limit(limit + 1)
        .execute();
    }
    const page = rows.slice(0, limit);
    const supported = await supportedPersons(
      trx,
      criteria.lgCode,
      page.map((r) => r.person_id),
    );
    await appendAudit(trx, actor, [
      {
        lgCode: criteria.lgCode,
        action: 'registry.person.search',
        purpose: actor.purpose ?? 'resident-registration',
        result: 'allowed',
        dataCategory: 'basic-resident-record',
        subjectPersonIds: page.map((r) => r.person_id),
        details: {
          criteria: Object.keys(criteria).filter(
            (k) => k !== 'lgCode' && criteria[k as keyof ResidentSearchCriteria] !== undefined,
          ),
          found: page.length,
        },
      },
    ]);
    return {
      truncated: rows.length > limit,
      residents: page.map((r) => ({
        personId: r.person_id,
        householdId: r.household_id,
        residentKind: r.resident_kind,
        familyName: r.family_name,
        givenName: r.given_name,
        familyNameKana: r.family_name_kana,
        givenNameKana: r.given_name_kana,
        aliasName: r.alias_name,
        birthDate: r.birth_date,
        sex: r.sex,
        relationship: r.relationship,
        address: r.address,
        addressDetail: r.address_detail,
        status: r.status,
        supportMeasure: supported.has(r.person_id),
      })),
    };
  });
}
