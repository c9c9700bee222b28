import type { Failure } from './errors';
import type { Io } from './io';

/** Prints a result as one JSON document (--json) or as the given human text. */
export function printResult(io: Io, json: boolean, value: unknown, human: () => string): void {
  io.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${human()}\n`);
}

/** Prints a failure: the error body as JSON on stdout with --json, else a line on stderr. */
export function printFailure(io: Io, json: boolean, failure: Failure): void {
  if (json) {
    const body = { error: { code: failure.code, message: failure.message, details: failure.details } };
    io.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
  } else {
    io.stderr.write(`madoguchi: ${failure.code}: ${failure.message}\n`);
    for (const problem of listedProblems(failure.details)) io.stderr.write(`  ${problem}\n`);
  }
}

/** Where each problem is — line, column, field — one per line (validation and import errors). */
function listedProblems(details: Record<string, unknown>): string[] {
  const problems = details.problems;
  if (!Array.isArray(problems)) return [];
  return problems.map((p: Record<string, unknown>) => {
    const at = [
      typeof p.line === 'number' ? `line ${p.line}` : null,
      typeof p.column === 'number' ? `column ${p.column}` : null,
    ]
      .filter(Boolean)
      .join(', ');
    const field = typeof p.field === 'string' && p.field ? `(${p.field})` : '';
    const where = [at, field].filter(Boolean).join(' ');
    const code = typeof p.code === 'string' ? `${p.code}: ` : '';
    return `${where ? `${where}: ` : ''}${code}${String(p.message ?? '')}`;
  });
}

export function warn(io: Io, message: string): void {
  io.stderr.write(`madoguchi: WARNING: ${message}\n`);
}

/** A plain table: columns padded to the widest cell (East Asian wide characters count twice). */
export function formatTable(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = headers.map((header, i) => Math.max(width(header), ...rows.map((row) => width(row[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => cell + ' '.repeat((widths[i] ?? 0) - width(cell)))
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)].join('\n');
}

function width(text: string): number {
  let total = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= 0xfe00 && code <= 0xfe0f) continue; // variation selectors take no column
    if (code >= 0xe0100 && code <= 0xe01ef) continue;
    total += isWide(code) ? 2 : 1;
  }
  return total;
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}
