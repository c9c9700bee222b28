import { ALIAS_FAMILY_NAMES, givenNamesFor, type NamePair } from './name-pool';
import type { Random } from './random';

/**
 * SYNTHETIC foreign residents: names written as on a residence card (capital Latin letters, family
 * name then given names) with a katakana reading; parts of a given name are separated by a space
 * in Latin and by U+3000 in katakana. Common names only; no real person is described.
 */
interface Nationality {
  readonly nationality: string;
  readonly families: readonly NamePair[];
  readonly male: readonly NamePair[];
  readonly female: readonly NamePair[];
}

const VIETNAM: Nationality = {
  nationality: 'ベトナム',
  families: [
    ['NGUYEN', 'グエン'],
    ['TRAN', 'チャン'],
    ['LE', 'レ'],
    ['PHAM', 'ファム'],
    ['HOANG', 'ホアン'],
    ['VU', 'ヴー'],
  ],
  male: [
    ['VAN AN', 'ヴァン\u3000アン'],
    ['VAN HUNG', 'ヴァン\u3000フン'],
    ['DUC MINH', 'ドゥック\u3000ミン'],
    ['QUANG HUY', 'クアン\u3000フイ'],
  ],
  female: [
    ['THI LAN', 'ティ\u3000ラン'],
    ['THI HOA', 'ティ\u3000ホア'],
    ['THI MAI', 'ティ\u3000マイ'],
    ['THU HA', 'トゥ\u3000ハー'],
  ],
};

const CHINA: Nationality = {
  nationality: '中国',
  families: [
    ['WANG', 'ワン'],
    ['LI', 'リー'],
    ['ZHANG', 'チャン'],
    ['LIU', 'リュウ'],
    ['CHEN', 'チェン'],
    ['YANG', 'ヤン'],
  ],
  male: [
    ['WEI', 'ウェイ'],
    ['HAO', 'ハオ'],
    ['JUN', 'ジュン'],
    ['YONG', 'ヨン'],
  ],
  female: [
    ['XIAOYAN', 'シャオイェン'],
    ['MEI', 'メイ'],
    ['YING', 'イン'],
    ['JING', 'ジン'],
  ],
};

const KOREA: Nationality = {
  nationality: '韓国',
  families: [
    ['KIM', 'キム'],
    ['LEE', 'イ'],
    ['PARK', 'パク'],
    ['CHOI', 'チェ'],
    ['KANG', 'カン'],
  ],
  male: [
    ['MINJUN', 'ミンジュン'],
    ['JIHOON', 'ジフン'],
    ['SEOJUN', 'ソジュン'],
    ['YOUNGSOO', 'ヨンス'],
  ],
  female: [
    ['SEOYEON', 'ソヨン'],
    ['JIWOO', 'ジウ'],
    ['MINJI', 'ミンジ'],
    ['YOUNGHEE', 'ヨンヒ'],
  ],
};

const PHILIPPINES: Nationality = {
  nationality: 'フィリピン',
  families: [
    ['SANTOS', 'サントス'],
    ['REYES', 'レイエス'],
    ['CRUZ', 'クルス'],
    ['GARCIA', 'ガルシア'],
    ['MENDOZA', 'メンドーサ'],
  ],
  male: [
    ['JOSE', 'ホセ'],
    ['MARK ANTHONY', 'マーク\u3000アンソニー'],
    ['JOHN PAUL', 'ジョン\u3000ポール'],
  ],
  female: [
    ['MARIA CRISTINA', 'マリア\u3000クリスティーナ'],
    ['JOCELYN', 'ジョセリン'],
    ['ANGELICA', 'アンジェリカ'],
  ],
};

const BRAZIL: Nationality = {
  nationality: 'ブラジル',
  families: [
    ['SILVA', 'シルバ'],
    ['OLIVEIRA', 'オリヴェイラ'],
    ['SOUZA', 'ソウザ'],
    ['PEREIRA', 'ペレイラ'],
    ['NAKAMURA', 'ナカムラ'],
  ],
  male: [
    ['LUCAS', 'ルーカス'],
    ['GABRIEL', 'ガブリエル'],
    ['PEDRO HENRIQUE', 'ペドロ\u3000エンリケ'],
  ],
  female: [
    ['ANA', 'アナ'],
    ['JULIANA', 'ジュリアナ'],
    ['FERNANDA', 'フェルナンダ'],
  ],
};

const NEPAL: Nationality = {
  nationality: 'ネパール',
  families: [
    ['SHRESTHA', 'シュレスタ'],
    ['GURUNG', 'グルン'],
    ['TAMANG', 'タマン'],
    ['RAI', 'ライ'],
  ],
  male: [
    ['RAM BAHADUR', 'ラム\u3000バハドゥール'],
    ['SURESH', 'スレシュ'],
    ['BIKASH', 'ビカシュ'],
  ],
  female: [
    ['SITA', 'シータ'],
    ['ANITA', 'アニタ'],
    ['SUNITA', 'スニタ'],
  ],
};

const USA: Nationality = {
  nationality: 'アメリカ合衆国',
  families: [
    ['SMITH', 'スミス'],
    ['JOHNSON', 'ジョンソン'],
    ['WILLIAMS', 'ウィリアムズ'],
    ['BROWN', 'ブラウン'],
  ],
  male: [
    ['JOHN MICHAEL', 'ジョン\u3000マイケル'],
    ['DAVID', 'デイビッド'],
    ['JAMES', 'ジェームズ'],
  ],
  female: [
    ['EMILY', 'エミリー'],
    ['SARAH', 'サラ'],
    ['JENNIFER', 'ジェニファー'],
  ],
};

export const FOREIGN_NATIONALITIES: readonly Nationality[] = [VIETNAM, CHINA, KOREA, PHILIPPINES, BRAZIL, NEPAL, USA];

/** Statuses without a period of stay: their residence_expiry is empty. */
export const PERMANENT_STATUSES: ReadonlySet<string> = new Set(['永住者', '特別永住者']);

export interface ForeignMember {
  readonly relationship: string;
  readonly sex: 1 | 2;
  readonly age: number;
  readonly familyName: NamePair;
  readonly givenName: NamePair;
  readonly residenceStatus: string;
  readonly aliasName: string | null;
}

export interface ForeignHousehold {
  readonly nationality: string;
  readonly members: readonly ForeignMember[];
  /** Living here since before foreign residents entered the registry (2012-07-09), or born here. */
  readonly longTerm: boolean;
}

const SINGLE_STATUSES: readonly (readonly [string, readonly Nationality[], number, number])[] = [
  ['技能実習', [VIETNAM, VIETNAM, VIETNAM, CHINA, PHILIPPINES, NEPAL], 19, 30],
  ['留学', [CHINA, VIETNAM, NEPAL, NEPAL, KOREA], 19, 28],
  ['技術・人文知識・国際業務', [CHINA, VIETNAM, KOREA, NEPAL, USA, PHILIPPINES], 23, 40],
];

/**
 * One household of foreign residents: a worker or student alone, a family, or special permanent
 * residents. `todayYear` picks era-appropriate Japanese given names for 通称.
 */
export function planForeignHousehold(random: Random, todayYear: number): ForeignHousehold {
  const roll = random.next();
  if (roll < 0.55) {
    const [status, nationalities, minAge, maxAge] = random.pick(SINGLE_STATUSES);
    const origin = random.pick(nationalities);
    const member = familyOf(random, origin, todayYear, null);
    const head = member('世帯主', random.chance(0.55) ? 1 : 2, random.int(minAge, maxAge), status);
    return { nationality: origin.nationality, members: [head], longTerm: false };
  }
  if (roll < 0.85) return family(random, todayYear);
  return specialPermanent(random, todayYear);
}

function family(random: Random, todayYear: number): ForeignHousehold {
  const origin = random.pick([CHINA, CHINA, KOREA, PHILIPPINES, BRAZIL, BRAZIL, NEPAL, VIETNAM, USA]);
  const settled = origin === BRAZIL || origin === PHILIPPINES ? '定住者' : '永住者';
  const headStatus = random.chance(0.5) ? '技術・人文知識・国際業務' : settled;
  const status = headStatus === '技術・人文知識・国際業務' ? '家族滞在' : headStatus;
  const alias = headStatus === '永住者' && random.chance(0.3) ? random.pick(ALIAS_FAMILY_NAMES) : null;
  const member = familyOf(random, origin, todayYear, alias);
  const headAge = random.int(28, 55);
  const wifeAge = Math.max(20, headAge + random.int(-6, 2));
  const members = [member('世帯主', 1, headAge, headStatus), member('妻', 2, wifeAge, status)];
  for (let n = random.int(0, 2); n > 0; n -= 1) {
    const age = Math.min(headAge, wifeAge) - random.int(22, 38);
    if (age >= 0) members.push(member('子', random.chance(0.5) ? 1 : 2, age, status));
  }
  return { nationality: origin.nationality, members, longTerm: false };
}

/** 特別永住者: born here or long resident, and known by a Japanese-style 通称. */
function specialPermanent(random: Random, todayYear: number): ForeignHousehold {
  const member = familyOf(random, KOREA, todayYear, random.pick(ALIAS_FAMILY_NAMES));
  const headAge = random.int(40, 90);
  const members = [member('世帯主', 1, headAge, '特別永住者')];
  const roll = random.next();
  const wifeAge = Math.max(25, headAge + random.int(-5, 2));
  if (roll < 0.6) members.push(member('妻', 2, wifeAge, '特別永住者'));
  const childAge = Math.min(headAge, wifeAge) - random.int(22, 32);
  if (roll < 0.2 && childAge >= 18) members.push(member('子', random.chance(0.5) ? 1 : 2, childAge, '特別永住者'));
  return { nationality: KOREA.nationality, members, longTerm: true };
}

/**
 * Makes the members of one family: one family name (as the generator keeps it within a household),
 * no given name twice, and a 通称 with the family's alias name when it uses one.
 */
function familyOf(random: Random, origin: Nationality, todayYear: number, aliasFamily: string | null) {
  const familyName = random.pick(origin.families);
  const taken = new Set<string>();
  return (relationship: string, sex: 1 | 2, age: number, residenceStatus: string): ForeignMember => {
    const names = sex === 1 ? origin.male : origin.female;
    const picked = random.pick(names);
    const givenName = taken.has(picked[0]) ? (names.find(([name]) => !taken.has(name)) ?? picked) : picked;
    taken.add(givenName[0]);
    const [alias] = random.pick(givenNamesFor(sex, todayYear - age));
    const aliasName = aliasFamily === null ? null : `${aliasFamily}\u3000${alias}`;
    return { relationship, sex, age, familyName, givenName, residenceStatus, aliasName };
  };
}
