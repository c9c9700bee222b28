import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { formatResidentsV1, generateDemoResidents, type ResidentsV1Record, todayInJapan } from '@madoguchi/core';
import { createTestTarget, type TestTarget } from '@madoguchi/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../test/memory-io';
import { EXIT } from '../exit-codes';

const dir = mkdtempSync(path.join(tmpdir(), 'madoguchi-residents-'));
const file = (name: string, content: string | Uint8Array) => {
  const full = path.join(dir, name);
  writeFileSync(full, content);
  return full;
};
const demo = (n: number) => [...generateDemoResidents({ residents: n, seed: 'cli', today: todayInJapan() })];
const csv = (records: readonly ResidentsV1Record[]) =>
  [...formatResidentsV1(records, { includeIndividualNumber: false })].join('');

describe('madoguchi residents / certificates / demo', () => {
  let target: TestTarget;
  beforeEach(async () => {
    target = await createTestTarget();
    await runCli(target.flags, ['db', 'migrate']);
    await runCli(target.flags, ['tenant', 'add', '--lg-code', '999997', '--name', 'デモ市']);
  });
  afterEach(async () => {
    await target.close();
  });
  const cli = (...args: string[]) => runCli(target.flags, args);

  it('imports, re-imports without change, exports the same bytes, and searches', async () => {
    const records = demo(120);
    const input = file('in.csv', csv(records));
    const first = await cli('residents', 'import', input, '--lg-code', '999997');
    expect(first).toMatchObject({ code: EXIT.OK, out: 'imported 120 rows (utf-8): 120 new, 0 changed, 0 unchanged\n' });
    const again = await cli('residents', 'import', input, '--lg-code', '999997', '--json');
    expect(JSON.parse(again.out)).toMatchObject({ rows: 120, inserted: 0, unchanged: 120 });
    const out = path.join(dir, 'out.csv');
    const exported = await cli(
      'residents',
      'export',
      '--lg-code',
      '999997',
      '--out',
      out,
      '--include-supported',
      '--reason',
      'CLI round trip test',
    );
    expect(exported.code).toBe(EXIT.OK);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(input, 'utf8'));
    const someone = records.find((r) => r.status === 'resident') as ResidentsV1Record;
    const found = await cli(
      'residents',
      'search',
      '--lg-code',
      '999997',
      '--kana',
      someone.familyNameKana as string,
      '--birth-date',
      someone.birthDate,
      '--json',
    );
    expect(JSON.parse(found.out).residents.map((r: { personId: string }) => r.personId)).toContain(someone.personId);
    const text = await cli('residents', 'search', '--lg-code', '999997', '--person-id', someone.personId);
    expect(text.out).toContain(someone.familyName);
  });

  it('reports every problem of a bad file with line, column and field, exit 2, and writes nothing', async () => {
    const lines = csv(demo(10)).split('\n');
    lines[2] = (lines[2] as string).replace(/,(\d{4})-\d\d-\d\d,/, ',$1-02-30,');
    lines[5] = (lines[5] as string).replace(/^(\d{10}),/, '$1X,');
    const bad = await cli('residents', 'import', file('bad.csv', lines.join('\n')), '--lg-code', '999997');
    expect(bad.code).toBe(EXIT.INVALID_INPUT);
    expect(bad.err).toMatch(
      /madoguchi: IMPORT_INVALID: the file cannot be imported: \d+ problem\(s\); nothing was written\n/,
    );
    expect(bad.err).toMatch(/line 3, column \d+ \(\w+\): INVALID_DATE: /);
    expect(bad.err).toMatch(/line 6, column 1 \(person_id\): /);
    const json = await cli('residents', 'import', file('bad.csv', lines.join('\n')), '--lg-code', '999997', '--json');
    expect(JSON.parse(json.out).error.details.problems[0]).toMatchObject({ line: 3, code: 'INVALID_DATE' });
    const missing = await cli(
      'residents',
      'import',
      file('cols.csv', 'person_id,household_id\n'),
      '--lg-code',
      '999997',
    );
    expect(missing.err).toContain('MISSING_COLUMN');
    const sjis = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'CP932'], { input: csv(demo(5)) });
    expect(await cli('residents', 'import', file('sjis.csv', sjis), '--lg-code', '999997', '--dry-run')).toMatchObject({
      code: EXIT.OK,
      out: expect.stringContaining('(shift_jis)'),
    });
    expect(
      JSON.parse((await cli('residents', 'search', '--lg-code', '999997', '--address', 'デモ', '--json')).out)
        .residents,
    ).toEqual([]);
    expect((await cli('residents', 'import', path.join(dir, 'nope.csv'), '--lg-code', '999997')).code).toBe(
      EXIT.INVALID_INPUT,
    );
  });

  it('issues a certificate to a file; a support measure makes it exit 7 with SUPPORT_MEASURE_BLOCKED', async () => {
    const records = demo(30).map((r, i) => ({ ...r, supportMeasureUntil: i === 1 ? '2099-12-31' : null }));
    await cli('residents', 'import', file('sm.csv', csv(records)), '--lg-code', '999997');
    const free = records.find((r, i) => i > 3 && r.status === 'resident') as ResidentsV1Record;
    const pdf = path.join(dir, 'cert.pdf');
    const issued = await cli(
      'certificates',
      'issue',
      '--lg-code',
      '999997',
      '--person-id',
      free.personId,
      '--requester',
      'self',
      '--out',
      pdf,
      '--json',
    );
    expect(issued.code).toBe(EXIT.OK);
    expect(JSON.parse(issued.out)).toMatchObject({ issueNo: 1, persons: 1 });
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const supported = records[1] as ResidentsV1Record;
    const refused = await cli(
      'certificates',
      'issue',
      '--lg-code',
      '999997',
      '--person-id',
      supported.personId,
      '--requester',
      'third-party',
      '--out',
      path.join(dir, 'no.pdf'),
    );
    expect(refused.code).toBe(EXIT.REFUSED);
    expect(refused.err).toMatch(/^madoguchi: SUPPORT_MEASURE_BLOCKED: /);
    // The 閲覧 list of the supported person's area leaves them out.
    const area = supported.address.slice(0, 8);
    const list = JSON.parse(
      (await cli('residents', 'inspection-list', '--lg-code', '999997', '--address', area, '--json')).out,
    );
    expect(list.excludedSupported).toBeGreaterThan(0);
    expect(
      list.entries.some(
        (e: { familyName: string; givenName: string; birthDate: string }) =>
          e.familyName === supported.familyName &&
          e.givenName === supported.givenName &&
          e.birthDate === supported.birthDate,
      ),
    ).toBe(false);
    const bad = await cli(
      'certificates',
      'issue',
      '--lg-code',
      '999997',
      '--person-id',
      free.personId,
      '--requester',
      'neighbour',
      '--out',
      pdf,
    );
    expect(bad).toMatchObject({ code: EXIT.INVALID_INPUT, err: expect.stringContaining('--requester must be one of') });
  });

  it('demo seed is deterministic and idempotent', async () => {
    const first = await cli(
      'demo',
      'seed',
      '--lg-code',
      '999997',
      '--residents',
      '300',
      '--seed',
      'x',
      '--today',
      '2026-04-01',
      '--json',
    );
    expect(JSON.parse(first.out)).toMatchObject({ rows: 300, inserted: 300 });
    const again = await cli(
      'demo',
      'seed',
      '--lg-code',
      '999997',
      '--residents',
      '300',
      '--seed',
      'x',
      '--today',
      '2026-04-01',
      '--json',
    );
    expect(JSON.parse(again.out)).toMatchObject({ unchanged: 300 });
    expect((await cli('demo', 'seed', '--lg-code', '999997', '--residents', 'many')).code).toBe(EXIT.INVALID_INPUT);
  });
});
