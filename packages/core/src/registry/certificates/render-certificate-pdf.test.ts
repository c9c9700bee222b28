import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDocumentFont } from '../../pdf/document-font';
import { popplerAvailable } from '../../pdf/poppler.testing';
import { ALL, input, KATSUO, person } from './certificate-fixtures';
import { type CertificateRenderInput, renderCertificatePdf } from './render-certificate-pdf';

const run = promisify(execFile);

let dir = '';
let fileCount = 0;

async function poppler(tool: string, args: string[]): Promise<string> {
  return (await run(tool, args, { encoding: 'utf8' })).stdout;
}

/** Renders to a file and reads it back with poppler, as a person copying text from the PDF would. */
async function rendered(options: Partial<CertificateRenderInput> = {}) {
  const bytes = await renderCertificatePdf(input(options));
  const file = join(dir, `certificate-${++fileCount}.pdf`);
  await writeFile(file, bytes);
  const text = await poppler('pdftotext', ['-layout', file, '-']);
  return { bytes, file, text };
}

const withPoppler = popplerAvailable();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'certificate-'));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe.runIf(withPoppler)('renderCertificatePdf', () => {
  it('prints a 住民票の写し whose text extracts exactly, 𠮷, 﨑 and IVS included', async () => {
    const { text } = await rendered();
    for (const expected of [
      '住民票の写し',
      '交付番号',
      '𠮷田',
      '髙子',
      '山﨑',
      KATSUO,
      'SMITH JOHN',
      'アメリカ合衆国',
      'デモ市長',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toContain('この写しは、住民票の原本と相違ないことを証明する。');
    expect(text).toMatch(/交付日\s+令和8年1月5日/);
    expect(text).toContain('デモハイツ101号');
    // pdftotext -layout turns the ideographic space between family and given name into spaces.
    expect(text).toMatch(/世帯主\s+𠮷田\s+太郎/);
    expect(text).toContain('昭和60年6月15日');
    expect(text).toContain('1990年7月4日');
    expect(text).toContain('2030年1月31日');
  });

  // A label followed by a space starts an item; in the omission note the labels are followed by 、 or の.
  const OPTIONAL_LABEL = /(本籍|筆頭者|続柄|住民票コード|個人番号)\s/;

  it('leaves out 本籍, 続柄, 住民票コード and 個人番号 unless asked, and says so', async () => {
    const { text } = await rendered();
    expect(text).not.toMatch(OPTIONAL_LABEL);
    for (const absent of ['東京都千代田区', '同居人', '12345678901', '111122223333']) {
      expect(text).not.toContain(absent);
    }
    expect(text).toContain('本籍・筆頭者、続柄、住民票コード、個人番号の記載を省略しています。');
  });

  it('prints 本籍, 続柄, 住民票コード and 個人番号 when asked', async () => {
    const { text } = await rendered({ include: ALL });
    expect(text).toMatch(/本籍\s+東京都千代田区千代田1番/);
    expect(text).toMatch(/筆頭者\s+𠮷田太郎/);
    expect(text).toMatch(/続柄\s+同居人/);
    expect(text).toMatch(/住民票コード\s+12345678901/);
    expect(text).toMatch(/個人番号\s+111122223333/);
    expect(text).not.toContain('の記載を省略しています');
  });

  it('embeds exactly one font, subset, and stays small', async () => {
    const { bytes, file } = await rendered({ include: ALL });
    const rows = (await poppler('pdffonts', [file])).trim().split('\n').slice(2);
    expect(rows).toHaveLength(1);
    const [name, ...columns] = rows[0]?.split(/\s+/) ?? [];
    expect(name).toMatch(/^[A-Z]{6}\+/);
    // name type… encoding emb sub uni: the three yes/no columns come before the object id.
    expect(columns.slice(-5, -2)).toEqual(['yes', 'yes', 'yes']);
    expect(bytes.byteLength).toBeLessThan(500 * 1024);
  });

  it('keeps personal data out of the metadata', async () => {
    const { file } = await rendered();
    const info = await poppler('pdfinfo', [file]);
    expect(info).toMatch(/^Title:\s+住民票の写し$/m);
    expect(info).toMatch(/^Producer:\s+Madoguchi$/m);
    expect(info).toMatch(/^Creator:\s+Madoguchi$/m);
    expect(info).not.toMatch(/𠮷田|SMITH|デモ県/);
  });

  it('runs a 12-member household onto a second page, with the footer on each', async () => {
    const members = Array.from({ length: 12 }, (_, index) =>
      person({
        personId: `Q${index + 1}`,
        householdOrder: index + 1,
        relationship: index === 0 ? '世帯主' : '子',
        givenName: `${'一二三四五六七八九十'.charAt(index % 10)}郎`,
      }),
    );
    const { file, text } = await rendered({ records: members });
    expect(await poppler('pdfinfo', [file])).toMatch(/^Pages:\s+2$/m);
    expect(text).toMatch(/交付番号 1234\s+1 ?\/ ?2/);
    expect(text).toMatch(/交付番号 1234\s+2 ?\/ ?2/);
  });

  it('refuses a character the font lacks, naming its code point', async () => {
    await expect(
      renderCertificatePdf(input({ records: [person({ personId: 'P9', familyName: '\uE000田' })] })),
    ).rejects.toThrow('document text has a character the font lacks: U+E000');
  });

  it('draws a variation sequence the font does not register as its base character, keeping the selector', async () => {
    const { text } = await rendered({ records: [person({ personId: 'P9', givenName: 'あ\u{E0100}' })] });
    expect(text).toContain('あ\u{E0100}');
  });

  it('refuses a variation selector with no character before it', async () => {
    await expect(
      renderCertificatePdf(input({ records: [person({ personId: 'P9', familyName: '\u{E0100}' })] })),
    ).rejects.toThrow('document text has a character the font lacks: U+E0100');
  });

  it('extracts an IVS that has a glyph of its own (葛󠄂, not in the main cmap)', async (context) => {
    // The gothic fallback font does not have this MJ variant; CI renders with IPAmj明朝.
    if ((await loadDocumentFont()).name !== 'IPAmjMincho') context.skip();
    const { text } = await rendered({ records: [person({ personId: 'P9', givenName: '葛\u{E0102}' })] });
    expect(text).toMatch(/𠮷田\s+葛\u{E0102}/u);
  });

  it('prints a 除票の写し with 消除事由, 消除日 and 転出予定先', async () => {
    const removed = person({
      personId: 'P1',
      status: 'removed',
      removalReason: '転出',
      removedOn: '2025-12-20',
      plannedDestination: '北海道札幌市中央区北一条西二丁目1番地',
      plannedMoveOn: '2025-12-20',
    });
    const { text } = await rendered({ kind: 'removed-copy', records: [removed] });
    expect(text).toContain('除票の写し');
    expect(text).toContain('この写しは、除票の原本と相違ないことを証明する。');
    expect(text).toMatch(/消除事由\s+転出/);
    expect(text).toMatch(/消除日\s+令和7年12月20日/);
    expect(text).toContain('北海道札幌市中央区北一条西二丁目1番地');
  });

  it('prints only the listed items on a 住民票記載事項証明書', async () => {
    const { text } = await rendered({
      kind: 'entry-certificate',
      items: ['name', 'address', 'birthDate'],
      include: ALL,
    });
    expect(text).toContain('住民票記載事項証明書');
    expect(text).toContain('上記の事項は、住民票に記載されていることを証明する。');
    expect(text).toMatch(/𠮷田\s+太郎/);
    for (const present of ['デモ県デモ市本町一丁目2番3号', '昭和60年6月15日', '1990年7月4日']) {
      expect(text).toContain(present);
    }
    for (const absent of [
      'フリガナ',
      '性別',
      '世帯主',
      '住民となった年月日',
      '住定日',
      '前住所',
      '本籍',
      '住民票コード',
      '個人番号',
      'アメリカ合衆国',
      '省略',
    ]) {
      expect(text).not.toContain(absent);
    }
  });

  it('rejects an entry certificate item it does not know', async () => {
    await expect(renderCertificatePdf(input({ kind: 'entry-certificate', items: ['bloodType'] }))).rejects.toThrow(
      'bloodType',
    );
  });
});
