import type { FastifyInstance } from 'fastify';
import { type ParseError, parse, printParseErrorCode } from 'jsonc-parser';

export const BODY_LIMIT_BYTES = 1_048_576;

/**
 * Parses JSON bodies so that a syntax error says where it is (line and column) without
 * quoting the body: V8's own messages echo the input, which may be personal data.
 */
export function registerJsonBodyParser(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit: BODY_LIMIT_BYTES },
    (_request, body, done) => {
      const text = String(body);
      if (text.trim() === '') {
        done(clientError('MALFORMED_JSON', 'the request body is empty but declared as JSON', {}), undefined);
        return;
      }
      try {
        done(null, mayHideForbiddenKey(text) ? JSON.parse(text, refusePrototypeKeys) : JSON.parse(text));
      } catch (error) {
        done(error instanceof ForbiddenKeyError ? forbiddenKey(error) : locate(text), undefined);
      }
    },
  );
}

class ForbiddenKeyError extends Error {}

/**
 * Whether the text may hold a forbidden key: it names one, or uses a \u escape, which could spell
 * one. Only such bodies pay for the reviver, which visits every value (as secure-json-parse does).
 */
function mayHideForbiddenKey(text: string): boolean {
  return text.includes('__proto__') || text.includes('constructor') || text.includes('\\u');
}

function refusePrototypeKeys(key: string, value: unknown): unknown {
  if (key === '__proto__' || key === 'constructor') throw new ForbiddenKeyError(key);
  return value;
}

function forbiddenKey(error: ForbiddenKeyError): Error {
  return clientError('MALFORMED_JSON', `the request body uses the key "${error.message}", which is not allowed`, {});
}

function locate(text: string): Error {
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (!first) return clientError('MALFORMED_JSON', 'the request body is not valid JSON', {});
  const before = text.slice(0, first.offset).split('\n');
  const line = before.length;
  const column = (before.at(-1)?.length ?? 0) + 1;
  const problem = printParseErrorCode(first.error)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return clientError(
    'MALFORMED_JSON',
    `the request body is not valid JSON at line ${line}, column ${column}: ${problem}`,
    {
      line,
      column,
    },
  );
}

/** An error Fastify passes to the error handler as a 400 with our code and details. */
export function clientError(code: string, message: string, details: Record<string, unknown>): Error {
  return Object.assign(new Error(message), { statusCode: 400, code, details });
}
