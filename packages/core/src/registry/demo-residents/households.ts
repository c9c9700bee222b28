/**
 * Households of the demo town: who lives together (Japanese households; foreign ones are planned in
 * foreign-names.ts) and who has left.
 */
import type { Random } from './random';

/** Days in a mean Gregorian year. */
export const YEAR = 365.2425;

/** One planned member of a household: 続柄 as printed, sex, and age in whole years on the reference day. */
export interface MemberPlan {
  readonly relationship: string;
  readonly sex: 1 | 2;
  readonly age: number;
}

/**
 * The make-up of one Japanese household, head first. The mix follows the shape of the 2020 census
 * (about 37 % one person, 20 % couples, 23 % couples with children, 8 % one parent with children,
 * the rest three generations or with a lodger). A parent is always at least 20 years older than a
 * child, so dates of birth stay at least 18 years apart whatever day in the year they fall on.
 * `singleParent` asks for a mother with children (the household under a support measure).
 */
export function planJapaneseHousehold(random: Random, singleParent = false): MemberPlan[] {
  const roll = singleParent ? 0.85 : random.next();
  const sex = (): 1 | 2 => (random.chance(0.5) ? 1 : 2);
  if (roll < 0.14) return [head(random.int(20, 44), sex())];
  if (roll < 0.21) return [head(random.int(45, 64), sex())];
  if (roll < 0.37) return [head(65 + random.int(0, 15) + random.int(0, 15), random.chance(0.35) ? 1 : 2)];
  if (roll < 0.57) {
    return couple(random, random.chance(0.15) ? random.int(25, 54) : 55 + random.int(0, 16) + random.int(0, 16));
  }
  if (roll < 0.8) {
    const parents = couple(random, random.int(32, 62));
    return [...parents, ...children(random, parents, random.pick([1, 1, 1, 2, 2, 2, 3]), '子')];
  }
  if (roll < 0.88) {
    const parent = [head(random.int(27, 55), singleParent || random.chance(0.85) ? 2 : 1)];
    return [...parent, ...children(random, parent, random.int(1, 2), '子')];
  }
  if (roll < 0.925) return withParents(random);
  if (roll < 0.97) return withGrandchildren(random);
  const lodgerAge = random.int(22, 70);
  return [
    head(lodgerAge, sex()),
    { relationship: '同居人', sex: sex(), age: Math.max(18, lodgerAge + random.int(-8, 8)) },
  ];
}

function head(age: number, sex: 1 | 2): MemberPlan {
  return { relationship: '世帯主', sex, age };
}

/** Mostly the husband is the head (as most couples still register it). */
function couple(random: Random, headAge: number): MemberPlan[] {
  const headSex = random.chance(0.95) ? 1 : 2;
  const gap = headSex === 1 ? random.int(-6, 2) : random.int(-2, 6);
  const spouse: MemberPlan = {
    relationship: headSex === 1 ? '妻' : '夫',
    sex: headSex === 1 ? 2 : 1,
    age: headAge + gap,
  };
  return [head(headAge, headSex), { ...spouse, age: Math.max(20, spouse.age) }];
}

/** Children at least 22 years younger than the younger parent; the unborn are left out. */
function children(random: Random, parents: readonly MemberPlan[], count: number, relationship: string): MemberPlan[] {
  const youngest = Math.min(...parents.map((p) => p.age));
  const out: MemberPlan[] = [];
  for (let n = 0; n < count; n += 1) {
    const age = youngest - random.int(22, 38);
    if (age >= 0) out.push({ relationship, sex: random.chance(0.51) ? 1 : 2, age });
  }
  return out.sort((a, b) => b.age - a.age);
}

/** A middle-aged couple with children and one or both of the head's parents (父, 母). */
function withParents(random: Random): MemberPlan[] {
  const headAge = random.int(38, 58);
  const parents = [
    head(headAge, 1),
    { relationship: '妻', sex: 2, age: Math.max(20, headAge + random.int(-6, 2)) } as const,
  ];
  const kids = children(random, parents, random.int(0, 2), '子');
  const elders: MemberPlan[] = [];
  const which = random.next();
  if (which < 0.55) elders.push({ relationship: '父', sex: 1, age: Math.min(99, headAge + random.int(24, 34)) });
  if (which >= 0.15) elders.push({ relationship: '母', sex: 2, age: Math.min(99, headAge + random.int(22, 32)) });
  return [...parents, ...kids, ...elders];
}

/** An elderly head (with or without spouse), their married child, the child's spouse and 孫. */
function withGrandchildren(random: Random): MemberPlan[] {
  const headAge = random.int(62, 82);
  const elders = random.chance(0.8) ? couple(random, headAge) : [head(headAge, random.chance(0.5) ? 1 : 2)];
  const son = random.chance(0.85);
  const childAge = Math.min(...elders.map((m) => m.age)) - random.int(24, 34);
  const child: MemberPlan = { relationship: '子', sex: son ? 1 : 2, age: childAge };
  const inLaw: MemberPlan = {
    relationship: son ? '子の妻' : '子の夫',
    sex: son ? 2 : 1,
    age: Math.max(22, childAge + random.int(-4, 3)),
  };
  return [...elders, child, inLaw, ...children(random, [child, inLaw], random.int(1, 2), '孫')];
}

export interface Removal {
  readonly reason: '転出' | '死亡';
  /** Days since 1970-01-01. */
  readonly on: number;
}

/** A day after `after` and before `today`, within the last five years; null when there is none. */
function removalOn(random: Random, after: number, today: number): number | null {
  const from = Math.max(after + 1, today - Math.floor(5 * YEAR));
  return from > today - 1 ? null : random.int(from, today - 1);
}

/** The whole household moved away (転出), or an elderly person living alone died (死亡). */
export function householdRemoval(
  random: Random,
  members: readonly MemberPlan[],
  after: number,
  today: number,
): Removal | null {
  const elderlyAlone = members.length === 1 && (members[0]?.age ?? 0) >= 75;
  const reason = random.chance(0.009) ? '転出' : elderlyAlone && random.chance(0.04) ? '死亡' : null;
  const on = reason ? removalOn(random, after, today) : null;
  return reason && on !== null ? { reason, on } : null;
}

/**
 * A grown child or a lodger moved away, or an elderly parent or spouse died. Never the head, so a
 * household with anyone left keeps its 世帯主.
 */
export function memberRemoval(
  random: Random,
  member: MemberPlan,
  birth: number,
  since: number,
  today: number,
): Removal | null {
  const { relationship, age } = member;
  const leaves =
    (relationship === '子' && age >= 19 && random.chance(0.06)) || (relationship === '同居人' && random.chance(0.2));
  const dies = !leaves && age >= 75 && relationship !== '世帯主' && random.chance(0.08);
  if (!leaves && !dies) return null;
  const on = removalOn(random, leaves ? Math.max(since, birth + Math.floor(18 * YEAR)) : since, today);
  return on === null ? null : { reason: leaves ? '転出' : '死亡', on };
}
