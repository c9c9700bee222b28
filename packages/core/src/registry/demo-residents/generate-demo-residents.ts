import { registryIdFromSerial } from '../ids';
import type { ResidentsV1Record } from '../residents-csv/residents-v1.types';
import { PERMANENT_STATUSES, planForeignHousehold } from './foreign-names';
import { householdRemoval, type MemberPlan, memberRemoval, planJapaneseHousehold, YEAR } from './households';
import {
  BUILDINGS,
  FAMILY_NAMES,
  givenNamesFor,
  type NamePair,
  OTHER_PLACES,
  TOWNS,
  VARIANT_FAMILY_NAMES,
} from './name-pool';
import { createRandom, type Random } from './random';

export interface DemoResidentsOptions {
  /** How many records to yield; the last household may be cut short. */
  readonly residents: number;
  readonly seed: string;
  /** The reference date (YYYY-MM-DD): nobody is born, moves or is removed after it. */
  readonly today: string;
  readonly prefecture?: string;
  readonly city?: string;
}

/** A planned member; foreign residents come with their names and status of residence. */
interface Member extends MemberPlan {
  readonly familyName?: NamePair;
  readonly givenName?: NamePair;
  readonly residenceStatus?: string;
  readonly aliasName?: string | null;
}

const DAY_MS = 86_400_000;
const TWO_DIGITS = Array.from({ length: 32 }, (_, n) => String(n).padStart(2, '0'));
/** Households 1–16 carry the variant-kanji family names; this one is under a support measure. */
const SUPPORT_HOUSEHOLD = VARIANT_FAMILY_NAMES.length + 4;
/** Foreign residents entered the registry when the 2012 amendment took effect. */
const FOREIGN_REGISTRY_START = Date.UTC(2012, 6, 9) / DAY_MS;
/** In a household of locals, these were born here; spouses and lodgers moved in. */
const BORN_HERE = new Set(['世帯主', '子', '孫', '父', '母']);
const SPOUSES = new Set(['妻', '夫']);

/**
 * Synthetic residents of a fictitious town, household by household (head first), in the
 * `madoguchi-residents-v1` shape. Pure and deterministic: the same options give the same records,
 * and a smaller `residents` gives a prefix of a larger one. Holds one household at a time.
 * individualNumber is always null: demo data must never contain anything like a real My Number.
 */
export function* generateDemoResidents(options: DemoResidentsOptions): Generator<ResidentsV1Record> {
  if (!Number.isSafeInteger(options.residents) || options.residents < 0) {
    throw new RangeError(`residents must be a non-negative integer, got ${options.residents}`);
  }
  const today = isoToDay(options.today);
  const town: Town = { place: `${options.prefecture ?? 'デモ県'}${options.city ?? 'デモ市'}`, today };
  const random = createRandom(options.seed);
  let persons = 0;
  for (let serial = 1; persons < options.residents; serial += 1) {
    for (const record of household(random, serial, persons, town)) {
      if (persons === options.residents) return;
      persons += 1;
      yield record;
    }
  }
}

interface Town {
  readonly place: string;
  readonly today: number;
}

function household(random: Random, serial: number, persons: number, town: Town): ResidentsV1Record[] {
  const { today } = town;
  const variant = VARIANT_FAMILY_NAMES[serial - 1];
  const support = serial === SUPPORT_HOUSEHOLD;
  const foreign = !variant && !support && random.chance(0.034) ? planForeignHousehold(random, yearOf(today)) : null;
  const members: readonly Member[] = foreign ? foreign.members : planJapaneseHousehold(random, support);
  const family = variant ?? pickFamilyName(random);
  const head = members[0] ?? { relationship: '世帯主', sex: 1, age: 40 };
  const native = foreign ? foreign.longTerm : random.chance(0.35);
  const supported = support || (head.sex === 2 && head.age < 50 && random.chance(0.009));

  const dates = settleDates(random, members, native, foreign !== null, today);
  const cameFrom = foreign && random.chance(0.6) ? foreign.nationality : `${random.pick(OTHER_PLACES)}${lot(random)}`;
  const lastSince = Math.max(...dates.map((d) => d.since));
  const leaving = supported ? null : householdRemoval(random, members, lastSince, today);

  const [townName, postalCode] = random.pick(TOWNS);
  const flat = random.chance(members.length === 1 || foreign ? 0.55 : 0.2);
  const addressDetail = flat ? `${random.pick(BUILDINGS)}${random.int(1, 5)}0${random.int(1, 8)}号室` : null;
  const address = `${town.place}${townName}${lot(random)}`;
  const householdId = registryIdFromSerial(serial);
  const taken = new Set<string>();
  return members.map((member, i): ResidentsV1Record => {
    const { birth, became, since, movedIn } = dates[i] ?? { birth: today, became: today, since: today, movedIn: false };
    const removal = leaving ?? (supported ? null : memberRemoval(random, member, birth, since, today));
    const [familyName, familyKana] =
      member.familyName ?? (member.relationship === '同居人' ? pickFamilyName(random) : family);
    const [givenName, givenKana] = member.givenName ?? pickGivenName(random, member.sex, yearOf(birth), taken);
    const status = member.residenceStatus ?? null;
    return {
      personId: registryIdFromSerial(persons + i + 1),
      householdId,
      residentKind: foreign ? 'foreign' : 'japanese',
      familyName,
      givenName,
      familyNameKana: familyKana,
      givenNameKana: givenKana,
      aliasName: member.aliasName ?? null,
      formerFamilyName: foreign ? null : formerFamilyName(random, member, familyName),
      birthDate: dayToIso(birth),
      sex: member.sex,
      relationship: member.relationship,
      postalCode,
      address,
      addressDetail,
      becameResidentOn: dayToIso(became),
      addressSince: dayToIso(since),
      notifiedOn: dayToIso(Math.min(today, since + (random.chance(0.6) ? 0 : random.int(1, 14)))),
      previousAddress: movedIn ? cameFrom : null,
      nationality: foreign ? foreign.nationality : null,
      residenceStatus: status,
      residenceExpiry: status && !PERMANENT_STATUSES.has(status) ? dayToIso(today + random.int(30, 1095)) : null,
      status: removal ? 'removed' : 'resident',
      removalReason: removal?.reason ?? null,
      removedOn: removal ? dayToIso(removal.on) : null,
      supportMeasureUntil: supported ? dayToIso(today + random.int(1, 365)) : null,
      individualNumber: null,
    };
  });
}

interface Dates {
  readonly birth: number;
  readonly became: number;
  readonly since: number;
  /** Came from elsewhere (so has a previous address), rather than born here or registered in 2012. */
  readonly movedIn: boolean;
}

/**
 * Birth, 住民となった年月日 and 住定日 of each member. A household moved in together (those born
 * later were born here), or, for locals, the head's family was born here and spouses married in;
 * some moved within the city later. Foreign residents living here in 2012 became residents on
 * 2012-07-09, when the amended act brought them into the registry.
 */
function settleDates(random: Random, members: readonly Member[], native: boolean, foreign: boolean, today: number) {
  const births = members.map((m) => today - Math.floor((m.age + random.next()) * YEAR));
  const founders = births.filter((_, i) => i === 0 || SPOUSES.has(members[i]?.relationship ?? ''));
  const adultOn = Math.min(today, Math.max(...founders) + Math.floor(18 * YEAR));
  const earliest = foreign ? Math.max(adultOn, today - Math.floor(8 * YEAR)) : adultOn;
  const movedInOn = random.int(Math.min(earliest, today), today);
  let addressFrom = random.chance(0.8) ? movedInOn : random.int(movedInOn, today);
  if (native) addressFrom = random.chance(0.3) ? (births[0] ?? today) : random.int(adultOn, today);
  return members.map((member, i): Dates => {
    const birth = births[i] ?? today;
    const bornHere = native ? BORN_HERE.has(member.relationship) : birth >= movedInOn;
    const became = bornHere ? birth : native ? marriedIn(random, members, births, i, today) : movedInOn;
    if (foreign && became < FOREIGN_REGISTRY_START && FOREIGN_REGISTRY_START <= today) {
      return {
        birth,
        became: FOREIGN_REGISTRY_START,
        since: Math.max(FOREIGN_REGISTRY_START, addressFrom),
        movedIn: false,
      };
    }
    return { birth, became, since: Math.max(became, addressFrom), movedIn: !bornHere };
  });
}

/**
 * When someone joined a household of locals: a spouse after both were 18 and before their first
 * child, a lodger as an adult.
 */
function marriedIn(random: Random, members: readonly Member[], births: readonly number[], i: number, today: number) {
  const relationship = members[i]?.relationship ?? '';
  const [partner, child] =
    relationship === '同居人' ? ['', ''] : relationship.startsWith('子の') ? ['子', '孫'] : ['世帯主', '子'];
  const birthOf = (wanted: string) => births.filter((_, j) => members[j]?.relationship === wanted);
  const from = Math.min(today, Math.max(births[i] ?? today, ...birthOf(partner).slice(0, 1)) + Math.floor(18 * YEAR));
  const latest = Math.min(today, from + Math.floor(15 * YEAR), ...birthOf(child));
  return random.int(from, Math.max(from, latest));
}

/** 旧氏: recorded on request, mostly by people who took their spouse's family name. */
function formerFamilyName(random: Random, member: Member, familyName: string): string | null {
  const p = SPOUSES.has(member.relationship) || member.relationship.startsWith('子の') ? 0.045 : 0;
  if (p === 0 || !random.chance(p)) return null;
  const [former] = pickFamilyName(random);
  return former === familyName ? null : former;
}

function pickFamilyName(random: Random): NamePair {
  if (random.chance(0.004)) return random.pick(VARIANT_FAMILY_NAMES);
  const r = random.next();
  // r^1.5 favours the front of the list, where the common names are.
  return FAMILY_NAMES[Math.floor(FAMILY_NAMES.length * r * Math.sqrt(r))] ?? ['佐藤', 'サトウ'];
}

/** Siblings (and spouses) do not share a given name. */
function pickGivenName(random: Random, sex: 1 | 2, birthYear: number, taken: Set<string>): NamePair {
  const names = givenNamesFor(sex, birthYear);
  const picked = random.pick(names);
  const name = taken.has(picked[0]) ? (names.find(([given]) => !taken.has(given)) ?? picked) : picked;
  taken.add(name[0]);
  return name;
}

function lot(random: Random): string {
  return `${random.int(1, 30)}番${random.int(1, 40)}号`;
}

function isoToDay(iso: string): number {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? Date.parse(`${iso}T00:00:00Z`) / DAY_MS : Number.NaN;
  if (!Number.isInteger(day) || dayToIso(day) !== iso) throw new RangeError(`not an ISO date: ${iso}`);
  return day;
}

/** Days since 1970-01-01 to YYYY-MM-DD (H. Hinnant's civil_from_days): Date.toISOString is too slow for a million rows. */
function dayToIso(day: number): string {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${year}-${TWO_DIGITS[month]}-${TWO_DIGITS[doy - Math.floor((153 * mp + 2) / 5) + 1]}`;
}

function yearOf(day: number): number {
  return Number(dayToIso(day).slice(0, 4));
}
