import type { FastifyServerOptions } from 'fastify';
import type { DestinationStream, LoggerOptions } from 'pino';

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
    },
  };
  return options.stream ? { ...pinoOptions, stream: options.stream } : pinoOptions;
}
