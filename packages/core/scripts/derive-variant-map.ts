/**
 * Derives `src/registry/name-key/variant-map.json` (variant kanji → representative kanji for name search)
 * from the MJ縮退マップ shipped in `@mandel59/mojidata` (dist/moji.db, read with sql.js).
 *
 * Run: npx tsx packages/core/scripts/derive-variant-map.ts
 *
 * The output is a derivative of the MJ文字情報一覧表 / MJ縮退マップ (© IPA, CC BY-SA 2.1 JP):
 * see src/registry/name-key/VARIANT-MAP-LICENSE.md for the licence and for why these tables were chosen.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import initSqlJs from 'sql.js';

/**
 * Source tables of the MJ縮退マップ, in priority order. For each code point the first table that has a row for
 * the character's default glyph decides its target(s); later tables only fill gaps.
 *  1. 戸籍統一文字情報_親字正字: the 親字/正字 of each 戸籍 character (髙→高, 齋→斎, 邊→辺, 國→国 …).
 *  2. JIS包摂規準UCS統合規則: glyphs that JIS X 0213 unifies into one code point (conservative, glyph-level).
 *  3. 民一2842号通達別表 俗字 / 民二5202号通知別表: official 俗字→正字 lists of koseki practice.
 * Not used (too loose for a many-to-one folding of names): 法務省告示582号別表第四 (look-alike candidates with
 * ranks, often several unrelated targets), 民一2842号 別字 / 無印 (different characters, ambiguous targets),
 * 読み字形による類推 and 辞書類等による関連字 (related, not equivalent characters).
 */
export const SOURCE_TABLES = [
  '戸籍統一文字情報_親字正字',
  'JIS包摂規準UCS統合規則',
  '民一2842号通達別表_誤字俗字正字一覧表_俗字',
  '民二5202号通知別表_正字俗字等対照表',
] as const;

/**
 * Hand-made supplement applied on top of the derived edges (before chains are resolved). The MJ data keeps
 * 斎 (齋) and 斉 (齊) apart, but residents and staff use them interchangeably in 斎藤/斉藤, and the registry
 * issue (#3) asks for 齋/齊/斉/斎 to match. Keep this list tiny and explained.
 */
export const SUPPLEMENT: Readonly<Record<string, string>> = {
  斉: '斎',
};

const here = dirname(fileURLToPath(import.meta.url));
const outFile = join(here, '../src/registry/name-key/variant-map.json');
const require = createRequire(import.meta.url);
const pkgJsonPath = require.resolve('@mandel59/mojidata/package.json');
const mojidataVersion = (JSON.parse(readFileSync(pkgJsonPath, 'utf8')) as { version: string }).version;
const dbPath = join(dirname(pkgJsonPath), 'dist/moji.db');

const cp = (s: string): number => s.codePointAt(0) ?? 0;
const isSingleCodePoint = (s: string): boolean => [...s].length === 1;
const isPrivateUse = (c: number): boolean => (c >= 0xe000 && c <= 0xf8ff) || c >= 0xf0000;

const SQL = await initSqlJs();
const db = new SQL.Database(readFileSync(dbPath));

/** Jōyō / jinmeiyō flags: used to pick a representative when one character has several possible targets. */
const policy = new Map<string, string>();
for (const [ucs, kind] of db.exec(
  `SELECT 実装したUCS, 漢字施策 FROM mji WHERE 実装したUCS IS NOT NULL AND 漢字施策 IS NOT NULL`,
)[0]?.values ?? []) {
  policy.set(String(ucs), String(kind));
}

/** source code point → candidate targets, per the first table (in priority order) that covers it. */
const edges = new Map<string, string[]>();
for (const table of SOURCE_TABLES) {
  // Default glyph of each code point (実装したUCS); IVS-only glyphs are folded by dropping the selector.
  const rows =
    db.exec(
      `SELECT m.実装したUCS, s.縮退UCS FROM "mjsm_${table}" s JOIN mji m USING (MJ文字図形名)
       WHERE m.実装したUCS IS NOT NULL ORDER BY m.実装したUCS, ${table === SOURCE_TABLES[0] ? 's.ホップ数' : '1'}, s.縮退UCS`,
    )[0]?.values ?? [];
  const found = new Map<string, string[]>();
  for (const [rawSrc, rawDst] of rows) {
    const src = String(rawSrc).normalize('NFKC');
    const dst = String(rawDst).normalize('NFKC');
    // Compatibility ideographs are folded by NFKC before the map is consulted: skip them as keys.
    if (src !== String(rawSrc) || !isSingleCodePoint(src) || !isSingleCodePoint(dst)) continue;
    if (isPrivateUse(cp(src)) || isPrivateUse(cp(dst))) continue;
    const list = found.get(src) ?? [];
    if (!list.includes(dst)) list.push(dst);
    found.set(src, list);
  }
  for (const [src, list] of found) if (!edges.has(src)) edges.set(src, list);
}
db.close();
for (const [src, dst] of Object.entries(SUPPLEMENT)) edges.set(src, [dst]);

/** Follows edges to a terminal (a character that maps to itself or has no edge); cycles end at their start. */
const memo = new Map<string, string>();
function resolve(ch: string, seen: Set<string>): string {
  const known = memo.get(ch);
  if (known !== undefined) return known;
  const targets = (edges.get(ch) ?? []).filter((t) => t !== ch && !seen.has(t));
  if (targets.length === 0) return ch;
  seen.add(ch);
  const terminals = [...new Set(targets.map((t) => resolve(t, seen)))];
  seen.delete(ch);
  // Several terminals: prefer a jōyō kanji, then a jinmeiyō kanji, then the lowest code point (deterministic).
  const rank = (t: string): number => (policy.get(t) === '常用漢字' ? 0 : policy.get(t) === '人名用漢字' ? 1 : 2);
  terminals.sort((a, b) => rank(a) - rank(b) || cp(a) - cp(b));
  const result = terminals[0] ?? ch;
  if (seen.size === 0) memo.set(ch, result);
  return result;
}

const entries: Record<string, string> = {};
for (const src of [...edges.keys()].sort((a, b) => cp(a) - cp(b))) {
  const dst = resolve(src, new Set());
  if (dst !== src) entries[src] = dst;
}
// A representative must never itself be remapped (folding twice = folding once).
for (const [src, dst] of Object.entries(entries)) {
  if (entries[dst] !== undefined) throw new Error(`chain left: ${src} → ${dst} → ${entries[dst]}`);
}

const sha256 = createHash('sha256').update(JSON.stringify(entries)).digest('hex');
const out = {
  description:
    'Variant kanji → representative for name search keys. Derived from the MJ縮退マップ (© IPA, CC BY-SA 2.1 JP) via @mandel59/mojidata by packages/core/scripts/derive-variant-map.ts. See VARIANT-MAP-LICENSE.md.',
  mojidataVersion,
  tables: [...SOURCE_TABLES],
  supplement: SUPPLEMENT,
  count: Object.keys(entries).length,
  sha256,
  entries,
};
writeFileSync(outFile, `${JSON.stringify(out, null, 2)}\n`);
process.stdout.write(`wrote ${outFile}: ${out.count} entries, sha256 ${sha256}\n`);
