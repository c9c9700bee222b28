import { isAppError } from '@madoguchi/core';
import type { FastifyError, FastifyInstance } from 'fastify';
import { errorPayload } from '../http/error-body';
import { HTTP_STATUS } from '../http/http-status';

/**
 * Every failure leaves as `{ error: { code, message, details } }`. Unexpected errors are
 * logged with their stack under the request id and reach the client only as that id.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isAppError(error)) {
      return reply.status(HTTP_STATUS[error.code]).send(errorPayload(error.code, error.message, error.details));
    }
    if (error.validation) {
      const problems = error.validation.map((issue) => ({
        field: fieldOf(error.validationContext, issue.instancePath, issue.params),
        message: issue.message ?? 'is invalid',
      }));
      const first = problems[0];
      return reply.status(400).send(
        errorPayload('VALIDATION_FAILED', first ? `${first.field}: ${first.message}` : 'the request is invalid', {
          problems,
        }),
      );
    }
    const client = clientError(error);
    if (client) return reply.status(client.status).send(errorPayload(client.code, client.message, client.details));
    request.log.error({ err: error }, 'unexpected error');
    return reply.status(500).send(
      errorPayload(
        'INTERNAL_ERROR',
        `an unexpected error occurred; quote request id ${request.id} to the administrator`,
        {
          requestId: request.id,
        },
      ),
    );
  });
}

function fieldOf(context: string | undefined, instancePath: string, params: Record<string, unknown>): string {
  const missing = typeof params.missingProperty === 'string' ? `/${params.missingProperty}` : '';
  const extra = typeof params.additionalProperty === 'string' ? `/${params.additionalProperty}` : '';
  const path = `${instancePath}${missing}${extra}`.replace(/^\//, '').replaceAll('/', '.');
  return [context ?? 'request', path].filter(Boolean).join('.');
}

interface ClientError {
  status: number;
  code: string;
  message: string;
  details: Record<string, unknown>;
}

/** Fastify's own 4xx errors, renamed to our codes with messages that say what to do. */
function clientError(error: FastifyError): ClientError | null {
  const status = error.statusCode ?? 500;
  if (status >= 500) return null;
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'send the body as application/json', details: {} };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'the request body is too large', details: {} };
    case 'TOO_MANY_REQUESTS':
      return { status: 429, code: error.code, message: error.message, details: {} };
    case 'MALFORMED_JSON':
      return { status: 400, code: error.code, message: error.message, details: detailsOf(error) };
    default:
      return { status, code: 'BAD_REQUEST', message: 'the request could not be understood', details: {} };
  }
}

function detailsOf(error: FastifyError): Record<string, unknown> {
  const details = (error as FastifyError & { details?: Record<string, unknown> }).details;
  return details ?? {};
}
