import { Type } from 'typebox';

/** The one error body of every response that is not a success. */
export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable machine-readable code, e.g. VALIDATION_FAILED' }),
      message: Type.String({ description: 'What is wrong and where, in plain words' }),
      details: Type.Record(Type.String(), Type.Unknown(), {
        description: 'Where it is wrong (field, line, column) and other facts; never personal data',
      }),
    }),
  },
  { $id: 'ErrorBody', title: 'ErrorBody' },
);

export interface ErrorPayload {
  readonly error: { readonly code: string; readonly message: string; readonly details: Record<string, unknown> };
}

export function errorPayload(code: string, message: string, details: Record<string, unknown> = {}): ErrorPayload {
  return { error: { code, message, details } };
}

/** References to the shared schema for route declarations. */
export const errorResponse = Type.Ref('ErrorBody');
