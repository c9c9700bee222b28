import { summarizeServerError } from '@madoguchi/db';
import type { FastifyServerOptions } from 'fastify';
import { type DestinationStream, type LoggerOptions, stdSerializers } from 'pino';

/**
 * Field names that may carry personal data. Logs never need them: a request is traced by
 * its id. They are censored at any depth up to three levels, wherever a log call puts them.
 */
export const PERSONAL_FIELDS = [
  'name',
  'familyName',
  'givenName',
  'kana',
  'familyNameKana',
  'givenNameKana',
  'birthDate',
  'address',
  'addressDetail',
  'phone',
  'email',
  'individualNumber',
  'myNumber',
  'residentCode',
  'password',
  'token',
] as const;

const HEADER_PATHS = ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'];

export function redactPaths(): string[] {
  const paths = [...HEADER_PATHS];
  for (const field of PERSONAL_FIELDS) paths.push(field, `*.${field}`, `*.*.${field}`);
  return paths;
}

export interface LoggingOptions {
  readonly level?: string;
  readonly stream?: DestinationStream;
}

/** Fastify logger options: JSON lines, personal fields censored, URLs logged without query strings. */
export function loggerOptions(options: LoggingOptions | false): FastifyServerOptions['logger'] {
  if (options === false) return false;
  const pinoOptions: LoggerOptions = {
    level: options.level ?? 'info',
    redact: { paths: redactPaths(), censor: '[redacted]' },
    serializers: {
      req(request: { method: string; url: string; id: string }) {
        return { id: request.id, method: request.method, path: request.url.split('?')[0] };
      },
      err: serializeError,
    },
  };
  return options.stream ? { ...pinoOptions, stream: options.stream } : pinoOptions;
}

/**
 * An error as logged. One from the PostgreSQL server is logged without its message and detail, which
 * can quote the statement's values (personal data): its SQLSTATE, routine, table, column and
 * constraint, and the stack below the message line.
 */
export function serializeError(error: Error): object {
  const server = summarizeServerError(error);
  if (!server) return stdSerializers.err(error);
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  return { type: 'DatabaseServerError', ...server, stack: frames.join('\n') };
}
